import { Link } from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormattedDate } from "@/components/ui/date";
import type { Grant } from "@/lib/hooks/api-types";
import { EndpointBadge, endpointLabel, grantTargetName } from "./endpoint-badge";
import { Table, TableHead, TableBody, Th, Td } from "@/components/ui/table";

function userLabel(grant: Grant, currentUserId: string) {
  const name = grant.user.name || grant.user.email;
  return grant.user.id === currentUserId ? `${name} (you)` : name;
}

/** A grant that no longer opens anything, and why: the MCP endpoints refuse it until its user's membership or role changes back. */
function AccessBadge({ grant, className }: { grant: Grant; className?: string }) {
  if (grant.user.access === "not_member") return <Badge className={className}>Left the organization</Badge>;
  if (grant.user.access === "role")
    return (
      <Badge tone="warning" className={className}>
        Role no longer allows the {endpointLabel(grant.endpoint.environment).toLowerCase()} endpoint
      </Badge>
    );
  return null;
}

/**
 * Authorized apps, one row per grant. On phones the app cell carries the project, endpoint and
 * user underneath, and the other columns appear as the screen widens.
 */
export function GrantsTable({
  org,
  grants,
  currentUserId,
  showUser,
  onRevoke,
}: {
  org: string;
  grants: Grant[];
  currentUserId: string;
  /** Owners and Admins see everyone's grants, so whose each one is matters. */
  showUser: boolean;
  onRevoke: (grant: Grant) => void;
}) {
  return (
    <Table>
      <TableHead className="whitespace-nowrap">
        <tr>
          <Th>App</Th>
          {showUser && <Th className="hidden lg:table-cell">User</Th>}
          <Th className="hidden md:table-cell">Project</Th>
          <Th className="hidden md:table-cell">Endpoint</Th>
          <Th className="hidden xl:table-cell">Scopes</Th>
          <Th className="hidden xl:table-cell">Created</Th>
          <Th className="hidden sm:table-cell">Last used</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </TableHead>
      <TableBody>
        {grants.map((grant) => (
          <tr key={grant.id}>
            {/* w-full + max-w-0: this column takes the remaining width and truncates on phones. */}
            <Td className="w-full max-w-0">
              <div className="truncate font-medium text-fg" title={grant.client.name}>
                {grant.client.name}
              </div>
              {/* The redirect host is how people recognize an app that named itself: shown in full, wrapped, never cut. */}
              <div className="text-xs break-all text-muted">
                {grant.client.redirectHosts.length > 0 ? `redirects to ${grant.client.redirectHosts.join(", ")}` : grant.client.clientId}
              </div>
              {!showUser && <AccessBadge grant={grant} className="mt-1" />}
              <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted md:hidden">
                <span className="truncate">{grantTargetName(grant)}</span>
                <EndpointBadge environment={grant.endpoint.environment} url={grant.endpoint.url} />
              </div>
              {showUser && <div className="mt-1 truncate text-xs text-muted lg:hidden">{userLabel(grant, currentUserId)}</div>}
            </Td>
            {showUser && (
              <Td className="hidden lg:table-cell">
                <div className="max-w-56 truncate">{userLabel(grant, currentUserId)}</div>
                <div className="max-w-56 truncate text-xs text-muted" title={grant.user.email}>
                  {grant.user.email}
                </div>
                <AccessBadge grant={grant} className="mt-1" />
              </Td>
            )}
            <Td className="hidden whitespace-nowrap md:table-cell">
              {grant.project ? (
                <Link href={`/orgs/${org}/projects/${grant.project.slug}`} className="hover:text-accent-fg hover:underline">
                  {grant.project.name}
                </Link>
              ) : (
                grantTargetName(grant)
              )}
            </Td>
            <Td className="hidden md:table-cell">
              <EndpointBadge environment={grant.endpoint.environment} url={grant.endpoint.url} />
            </Td>
            <Td className="hidden font-mono text-xs text-muted xl:table-cell">{grant.scopes.join(" ") || "—"}</Td>
            <Td className="hidden whitespace-nowrap text-muted xl:table-cell">
              <FormattedDate value={grant.createdAt} />
            </Td>
            <Td className="hidden whitespace-nowrap text-muted sm:table-cell">
              <FormattedDate value={grant.lastUsedAt} withTime fallback="Never" />
            </Td>
            <Td className="text-right">
              <Button
                size="sm"
                variant="danger-outline"
                onClick={() => onRevoke(grant)}
                aria-label={`Revoke ${grant.client.name} for ${grantTargetName(grant)} (${endpointLabel(grant.endpoint.environment)})${showUser ? `, ${grant.user.name || grant.user.email}` : ""}`}
              >
                Revoke
              </Button>
            </Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
