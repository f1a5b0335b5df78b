"use client";

import { useRouter } from "next/navigation";
import { withCallbackUrl } from "@/components/auth/callback-url";
import { signOutTo } from "@/components/auth/sign-out";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/hooks/api-fetch";
import { useAcceptInvitation } from "@/lib/hooks/use-invitations";

export function AcceptInvitationButton({ token }: { token: string }) {
  const router = useRouter();
  const acceptInvitation = useAcceptInvitation(token);
  return (
    <div className="space-y-4">
      {acceptInvitation.error && <Alert tone="danger">{errorMessage(acceptInvitation.error)}</Alert>}
      <Button
        variant="primary"
        className="w-full"
        loading={acceptInvitation.isPending || acceptInvitation.isSuccess}
        onClick={() =>
          acceptInvitation.mutate(undefined, {
            onSuccess: ({ organization }) => {
              router.push(`/orgs/${organization.slug}`);
              router.refresh();
            },
          })
        }
      >
        Accept invitation
      </Button>
    </div>
  );
}

/** Signs out and comes back to this invitation through sign-in, to accept it as someone else. */
export function SwitchAccountButton({ invitationPath }: { invitationPath: string }) {
  return (
    <Button className="w-full" onClick={() => signOutTo(withCallbackUrl("/sign-in", invitationPath))}>
      Sign out and switch account
    </Button>
  );
}
