import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormattedDate } from "@/components/ui/date";
import type { UserSummary } from "@/lib/hooks/api-types";

export type ListedToken = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  createdBy?: UserSummary | null;
};

/**
 * Tokens by name and prefix (never their values), each with a Revoke button. With
 * `showCreatedBy` a "Created by" column is added, and "Created" hides on narrower screens to
 * make room.
 */
export function TokenTable<Token extends ListedToken>({
  tokens,
  onRevoke,
  showCreatedBy = false,
  nameRevokeButtons = false,
  className,
}: {
  tokens: Token[];
  onRevoke: (token: Token) => void;
  showCreatedBy?: boolean;
  /** Name each Revoke button after its token ("Revoke Support bot"). */
  nameRevokeButtons?: boolean;
  className?: string;
}) {
  const createdColumn = showCreatedBy ? "md:table-cell" : "sm:table-cell";
  return (
    <div className={cn("overflow-x-auto border border-line", className)}>
      <table className="w-full text-left text-sm">
        <thead className="border-b border-line bg-subtle/60 text-xs text-muted">
          <tr>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Name
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Token
            </th>
            <th scope="col" className={cn("hidden px-4 py-2.5 font-medium", createdColumn)}>
              Created
            </th>
            {showCreatedBy && (
              <th scope="col" className="hidden px-4 py-2.5 font-medium lg:table-cell">
                Created by
              </th>
            )}
            <th scope="col" className="hidden px-4 py-2.5 font-medium sm:table-cell">
              Last used
            </th>
            <th scope="col" className="px-4 py-2.5">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {tokens.map((token) => (
            <tr key={token.id}>
              <td className="px-4 py-3 font-medium">{token.name}</td>
              <td className="px-4 py-3 font-mono text-xs whitespace-nowrap text-muted">{token.prefix}…</td>
              <td className={cn("hidden px-4 py-3 whitespace-nowrap text-muted", createdColumn)}>
                <FormattedDate value={token.createdAt} />
              </td>
              {showCreatedBy && (
                <td className="hidden px-4 py-3 text-muted lg:table-cell">
                  {token.createdBy ? token.createdBy.name || token.createdBy.email : "—"}
                </td>
              )}
              <td className="hidden px-4 py-3 whitespace-nowrap text-muted sm:table-cell">
                <FormattedDate value={token.lastUsedAt} withTime fallback="Never" />
              </td>
              <td className="px-4 py-3 text-right">
                <Button
                  size="sm"
                  variant="danger-outline"
                  onClick={() => onRevoke(token)}
                  aria-label={nameRevokeButtons ? `Revoke ${token.name}` : undefined}
                >
                  Revoke
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
