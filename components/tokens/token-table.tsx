import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormattedDate } from "@/components/ui/date";
import type { UserSummary } from "@/lib/hooks/api-types";
import { Table, TableHead, TableBody, Th, Td } from "@/components/ui/table";

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
    <Table frameClassName={className}>
      <TableHead>
        <tr>
          <Th>Name</Th>
          <Th>Token</Th>
          <Th className={cn("hidden", createdColumn)}>Created</Th>
          {showCreatedBy && <Th className="hidden lg:table-cell">Created by</Th>}
          <Th className="hidden sm:table-cell">Last used</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </TableHead>
      <TableBody>
        {tokens.map((token) => (
          <tr key={token.id}>
            <Td className="font-medium">{token.name}</Td>
            <Td className="font-mono text-xs whitespace-nowrap text-muted">{token.prefix}…</Td>
            <Td className={cn("hidden whitespace-nowrap text-muted", createdColumn)}>
              <FormattedDate value={token.createdAt} />
            </Td>
            {showCreatedBy && (
              <Td className="hidden text-muted lg:table-cell">{token.createdBy ? token.createdBy.name || token.createdBy.email : "—"}</Td>
            )}
            <Td className="hidden whitespace-nowrap text-muted sm:table-cell">
              <FormattedDate value={token.lastUsedAt} withTime fallback="Never" />
            </Td>
            <Td className="text-right">
              <Button
                size="sm"
                variant="danger-outline"
                onClick={() => onRevoke(token)}
                aria-label={nameRevokeButtons ? `Revoke ${token.name}` : undefined}
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
