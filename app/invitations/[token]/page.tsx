import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { AuthShell } from "@/components/auth/auth-shell";
import { withCallbackUrl } from "@/components/auth/callback-url";
import { AcceptInvitationButton, SwitchAccountButton } from "@/components/invitations/accept-invitation";
import { ROLE_LABELS } from "@/components/members/roles";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { getSessionActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getInvitationByToken } from "@/lib/members/invitations";

export const metadata: Metadata = { title: "Invitation" };

async function findInvitation(token: string) {
  try {
    return await getInvitationByToken(token);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}

// Public page: anyone with the link sees which organization it is for; joining needs the invited account.
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const path = `/invitations/${token}`;
  const [invitation, actor] = await Promise.all([findInvitation(token), getSessionActor()]);

  if (!invitation) {
    return (
      <AuthShell
        title="Invitation not found"
        description="This invitation link is not valid. Check that you copied the whole link, or ask for a new invitation."
      >
        <Link href="/" className={buttonClasses("secondary", "md", "w-full")}>
          Go to Atelier
        </Link>
      </AuthShell>
    );
  }

  const { organization } = invitation;
  const role = ROLE_LABELS[invitation.role];
  const description = (
    <>
      You’ve been invited to join <strong className="font-semibold text-fg">{organization.name}</strong> as{" "}
      <strong className="font-semibold text-fg">{role}</strong>.
    </>
  );

  if (invitation.acceptedAt) {
    return (
      <AuthShell title={`Join ${organization.name}`} description={description}>
        <div className="space-y-4">
          <Alert tone="warning">This invitation has already been used.</Alert>
          <Link
            href={actor ? `/orgs/${organization.slug}` : withCallbackUrl("/sign-in", `/orgs/${organization.slug}`)}
            className={buttonClasses("secondary", "md", "w-full")}
          >
            {actor ? `Go to ${organization.name}` : "Sign in"}
          </Link>
        </div>
      </AuthShell>
    );
  }

  if (invitation.expiresAt < new Date()) {
    return (
      <AuthShell title={`Join ${organization.name}`} description={description}>
        <Alert tone="warning">This invitation has expired. Ask an Owner or Admin of {organization.name} for a new one.</Alert>
      </AuthShell>
    );
  }

  if (!actor) {
    return (
      <AuthShell title={`Join ${organization.name}`} description={description}>
        <div className="space-y-3">
          <p className="text-sm text-muted">
            Sign in or create an account with <span className="font-medium text-fg">{invitation.email}</span> to accept.
          </p>
          <Link href={withCallbackUrl("/sign-in", path)} className={buttonClasses("primary", "md", "w-full")}>
            Sign in to accept
          </Link>
          <Link
            href={withCallbackUrl("/sign-up", path, { email: invitation.email })}
            className={buttonClasses("secondary", "md", "w-full")}
          >
            Create an account
          </Link>
        </div>
      </AuthShell>
    );
  }

  if (invitation.email !== actor.email.toLowerCase()) {
    return (
      <AuthShell title={`Join ${organization.name}`} description={description}>
        <div className="space-y-4">
          <Alert tone="warning">
            This invitation is for {invitation.email}. Sign in with that address to accept it. You’re signed in as {actor.email}.
          </Alert>
          <SwitchAccountButton invitationPath={path} />
        </div>
      </AuthShell>
    );
  }

  return (
    <AuthShell title={`Join ${organization.name}`} description={description}>
      <div className="space-y-4">
        <p className="text-sm text-muted">
          Signed in as <span className="font-medium text-fg">{actor.email}</span>.
        </p>
        <AcceptInvitationButton token={token} />
      </div>
    </AuthShell>
  );
}
