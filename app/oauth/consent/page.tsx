import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { publicOrigin, requireActor } from "@/app/(studio)/data";
import { AuthShell } from "@/components/auth/auth-shell";
import { ROLE_LABELS } from "@/components/members/roles";
import { ConsentActions, SwitchAccountLink } from "@/components/oauth/consent-actions";
import { ConsentDetails } from "@/components/oauth/consent-details";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { AUTHORIZE_ERROR_REASONS } from "@/lib/oauth/authorization-response";
import { loadConsent, type ConsentView } from "@/lib/oauth/consent";

export const metadata: Metadata = { title: "Authorize an app" };

type Consent = Extract<ConsentView, { kind: "consent" }>;

// The consent page an MCP host's authorization request leads to (via /oauth/authorize, which
// checked it and signed it into ?request=…). Its buttons post back to /oauth/authorize.
export default async function ConsentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const value = (await searchParams).request;
  const request = typeof value === "string" ? value : null;
  const actor = await requireActor(`/oauth/consent?${new URLSearchParams(request ? { request } : {})}`);
  const view = await loadConsent({ request, actor, issuer: await publicOrigin() });

  if (view.kind === "problem") {
    return (
      <AuthShell title="Can’t continue" description={AUTHORIZE_ERROR_REASONS[view.reason]}>
        {view.restartPath ? (
          <a href={view.restartPath} className={buttonClasses("primary", "md", "w-full")}>
            Continue as {actor.email}
          </a>
        ) : (
          <Link href="/" className={buttonClasses("secondary", "md", "w-full")}>
            Go to Atelier
          </Link>
        )}
      </AuthShell>
    );
  }
  return view.access.allowed ? <ConsentForm view={view} /> : <Refusal view={view} />;
}

function ConsentForm({ view }: { view: Consent }) {
  const { client } = view;
  return (
    <AuthShell
      title={`Authorize ${client.name}`}
      description={
        client.documentHost ? (
          <>
            <strong className="font-semibold break-all text-fg">{client.documentHost}</strong>, which calls itself {client.name}, wants to
            use an Atelier MCP endpoint on your behalf.
          </>
        ) : (
          `${client.name} wants to use an Atelier MCP endpoint on your behalf.`
        )
      }
      footer={<Footer view={view} />}
    >
      <div className="space-y-5">
        {client.impersonates ? (
          <Alert tone="warning">
            This app calls itself {client.name}, but it is described by <strong className="break-all">{client.documentHost}</strong>, which
            is not {client.impersonates}’s. Authorize it only if you trust <strong className="break-all">{client.documentHost}</strong>.
          </Alert>
        ) : (
          client.unverified && (
            <Alert tone="warning">
              Atelier hasn’t verified this app: it chose its own name. Authorize it only if you just connected it in{" "}
              <strong>{client.redirectHost}</strong>.
            </Alert>
          )
        )}
        <ConsentDetails view={view} />
        {view.endpoint.environment === "draft" && (
          <p className="text-sm text-muted">
            The draft endpoint serves the project’s working copy: every save in the studio is live there.
          </p>
        )}
        {view.endpoint.environment === "studio" && (
          <p className="text-sm text-muted">
            The studio MCP server acts in every project of{" "}
            {view.organization ? <strong className="font-medium text-fg">{view.organization.name}</strong> : "this organization"} as you:
            what your role allows (Editors build and test, Admins and Owners also publish and roll back).
          </p>
        )}
        <ConsentActions consentRequest={view.request} clientName={client.name} />
      </div>
    </AuthShell>
  );
}

function Refusal({ view }: { view: Consent }) {
  const { access } = view;
  const message =
    !access.allowed && access.reason === "role"
      ? `Your role in ${view.organization?.name ?? "this organization"} is ${ROLE_LABELS[access.role]}, which can’t use draft endpoints. Connect ${view.client.name} to the production endpoint instead, or ask an Owner or Admin for the Editor role.`
      : `You’re signed in as ${view.user.email}, who isn’t a member of the organization that owns this endpoint. Ask one of its Owners or Admins to invite you, or use another account.`;
  return (
    <AuthShell title={`Can’t authorize ${view.client.name}`} footer={<SwitchAccountLink restartPath={view.restartPath} />}>
      <div className="space-y-5">
        <Alert tone="danger">{message}</Alert>
        <ConsentDetails view={view} />
        <a href={view.cancelUrl} className={buttonClasses("secondary", "md", "w-full")}>
          Return to {view.client.name}
        </a>
      </div>
    </AuthShell>
  );
}

function Footer({ view }: { view: Consent }) {
  return (
    <div className="space-y-2">
      <p>
        You can revoke this access at any time in{" "}
        {view.organization ? (
          <Link href={`/orgs/${view.organization.slug}/settings/authorized-apps`} className="font-medium text-accent-fg hover:underline">
            Authorized apps
          </Link>
        ) : (
          "Authorized apps"
        )}
        .
      </p>
      <p>
        Not {view.user.name}? <SwitchAccountLink restartPath={view.restartPath} />
      </p>
    </div>
  );
}
