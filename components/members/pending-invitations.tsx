"use client";

import { ROLE_LABELS } from "@/components/members/roles";
import { Badge } from "@/components/ui/badge";
import { FormattedDate } from "@/components/ui/date";
import type { Invitation } from "@/lib/hooks/api-types";
import { useInvitations } from "@/lib/hooks/use-invitations";

/** Invitations sent but not yet accepted (and not expired). */
export function PendingInvitations({ org, initialInvitations }: { org: string; initialInvitations: Invitation[] }) {
  const { data: invitations = initialInvitations } = useInvitations(org, { initialData: initialInvitations });

  return (
    <section aria-labelledby="pending-invitations" className="space-y-3">
      <h2 id="pending-invitations" className="text-base font-semibold">
        Pending invitations
      </h2>
      {invitations.length === 0 ? (
        <p className="rounded-xl border border-dashed border-line-strong px-4 py-6 text-center text-sm text-muted">
          No pending invitations. Invite someone with “Invite member”.
        </p>
      ) : (
        <ul className="divide-y divide-line rounded-xl border border-line bg-surface shadow-xs">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-sm">
              <span className="min-w-0 flex-1 truncate font-medium" title={invitation.email}>
                {invitation.email}
              </span>
              <Badge>{ROLE_LABELS[invitation.role]}</Badge>
              <span className="text-xs text-muted">
                Expires <FormattedDate value={invitation.expiresAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
