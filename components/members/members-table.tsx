"use client";

import { useState } from "react";
import { RemoveMemberDialog, type Removal } from "@/components/members/remove-member-dialog";
import { RoleChangeDialog, type RoleChange } from "@/components/members/role-change-dialog";
import { assignableRoles, ROLE_LABELS } from "@/components/members/roles";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormattedDate } from "@/components/ui/date";
import { Select } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import type { Member, Role } from "@/lib/hooks/api-types";
import { useMembers, useUpdateMemberRole } from "@/lib/hooks/use-members";
import { can, canAssignRole } from "@/lib/permissions";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

/** Members and their roles. Owners and Admins change roles and remove people; everyone may leave. */
export function MembersTable({
  org,
  organizationName,
  currentUserId,
  myRole,
  initialMembers,
}: {
  org: string;
  organizationName: string;
  currentUserId: string;
  myRole: Role;
  initialMembers: Member[];
}) {
  const { data: members = initialMembers } = useMembers(org, { initialData: initialMembers });
  const updateRole = useUpdateMemberRole(org);
  const toast = useToast();
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [roleChange, setRoleChange] = useState<RoleChange | null>(null);
  const canManage = can({ role: myRole }, "organization.members");

  // Confirmed in RoleChangeDialog first; a failure shows there.
  async function changeRole({ member, role }: RoleChange) {
    await updateRole.mutateAsync({ userId: member.userId, role });
    toast(`${member.user.name || member.user.email} is now ${ROLE_LABELS[role]}`);
  }

  return (
    <>
      <Table>
        <TableHead>
          <tr>
            <Th>Member</Th>
            <Th>Role</Th>
            <Th className="hidden md:table-cell">Project owner of</Th>
            <Th className="hidden sm:table-cell">Joined</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </TableHead>
        <TableBody>
          {members.map((member) => {
            const isMe = member.userId === currentUserId;
            const editable = canManage && assignableRoles(myRole, member.role).length > 1;
            const removable = !isMe && canManage && canAssignRole(myRole, member.role, "VIEWER");
            return (
              <tr key={member.id}>
                {/* w-full + max-w-0: this column takes the remaining width and truncates on phones. */}
                <Td className="w-full max-w-0">
                  <div className="truncate font-medium text-fg">
                    {member.user.name || member.user.email}
                    {isMe && <span className="ml-1.5 text-xs font-normal text-muted">(you)</span>}
                  </div>
                  <div className="truncate text-xs text-muted" title={member.user.email}>
                    {member.user.email}
                  </div>
                </Td>
                <Td>
                  {editable ? (
                    <Select
                      aria-label={`Role for ${member.user.email}`}
                      value={member.role}
                      disabled={updateRole.isPending}
                      onChange={(event) => setRoleChange({ member, role: event.target.value as Role })}
                      controlSize="sm"
                      className="w-28"
                    >
                      {assignableRoles(myRole, member.role).map((role) => (
                        <option key={role} value={role}>
                          {ROLE_LABELS[role]}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    <Badge tone={member.role === "OWNER" ? "accent" : "neutral"}>{ROLE_LABELS[member.role]}</Badge>
                  )}
                </Td>
                <Td className="hidden whitespace-nowrap text-muted md:table-cell">
                  {member.ownedProjects.length > 0 ? member.ownedProjects.map((project) => project.name).join(", ") : "—"}
                </Td>
                <Td className="hidden whitespace-nowrap text-muted sm:table-cell">
                  <FormattedDate value={member.createdAt} />
                </Td>
                <Td className="text-right whitespace-nowrap">
                  {isMe ? (
                    <Button size="sm" variant="danger-outline" onClick={() => setRemoval({ member, leaving: true })}>
                      Leave
                    </Button>
                  ) : removable ? (
                    <Button size="sm" variant="danger-outline" onClick={() => setRemoval({ member, leaving: false })}>
                      Remove
                    </Button>
                  ) : null}
                </Td>
              </tr>
            );
          })}
        </TableBody>
      </Table>
      <RemoveMemberDialog org={org} organizationName={organizationName} removal={removal} onClose={() => setRemoval(null)} />
      <RoleChangeDialog
        change={roleChange}
        organizationName={organizationName}
        pending={updateRole.isPending}
        onConfirm={changeRole}
        onClose={() => setRoleChange(null)}
      />
    </>
  );
}
