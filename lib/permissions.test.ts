// SPEC §7 as an explicit table. A change to PERMISSIONS that is not also made here fails.
import { describe, expect, it } from "vitest";
import { can, canAssignRole, PERMISSIONS, type Permission, type Principal, type Role } from "@/lib/permissions";

const Y = true;
const N = false;

// Columns: Owner, Admin, Project owner, Editor, Viewer.
const EXPECTED: Record<Permission, [boolean, boolean, boolean, boolean, boolean]> = {
  "project.view": [Y, Y, Y, Y, Y],
  "project.edit": [Y, Y, Y, Y, N],
  "project.draft": [Y, Y, Y, Y, N],
  "project.publish": [Y, Y, Y, N, N],
  "project.visibility": [Y, Y, Y, N, N],
  "project.killSwitch": [Y, Y, N, N, N],
  "project.tokens": [Y, Y, Y, N, N],
  "project.connect": [Y, Y, Y, Y, Y],
  "project.settings": [Y, Y, Y, N, N],
  "project.owners": [Y, Y, N, N, N],
  "project.delete": [Y, Y, N, N, N],
  "project.executions": [Y, Y, Y, Y, N],
  "project.overridePublishGate": [Y, Y, N, N, N],
  // Organization permissions: a project-owner assignment adds nothing to them.
  "organization.view": [Y, Y, N, Y, Y],
  "organization.members": [Y, Y, N, N, N],
  "organization.grants": [Y, Y, N, N, N],
  "organization.audit": [Y, Y, N, N, N],
  "organization.createProject": [Y, Y, N, N, N],
  "organization.update": [Y, N, N, N, N],
};

const permissions = Object.keys(EXPECTED) as Permission[];
const column = { OWNER: 0, ADMIN: 1, EDITOR: 3, VIEWER: 4 } as const satisfies Record<Role, number>;

describe("permission matrix", () => {
  it("covers every permission", () => {
    expect([...permissions].sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  describe.each(Object.keys(column) as Role[])("%s", (role) => {
    it.each(permissions)("%s", (permission) => {
      expect(can({ role }, permission)).toBe(EXPECTED[permission][column[role]]);
    });
  });

  // A project owner keeps their organization role and gains the Project-owner column on top.
  describe.each(["VIEWER", "EDITOR"] as const)("project owner on top of %s", (role) => {
    it.each(permissions)("%s", (permission) => {
      const principal: Principal = { role, isProjectOwner: true };
      const [, , projectOwner] = EXPECTED[permission];
      expect(can(principal, permission)).toBe(projectOwner || EXPECTED[permission][column[role]]);
    });
  });

  it("gives a Viewer project owner publish rights but not the kill switch or member management", () => {
    const principal: Principal = { role: "VIEWER", isProjectOwner: true };
    expect(can(principal, "project.publish")).toBe(true);
    expect(can(principal, "project.edit")).toBe(true);
    expect(can(principal, "project.killSwitch")).toBe(false);
    expect(can(principal, "project.owners")).toBe(false);
    expect(can(principal, "organization.members")).toBe(false);
  });
});

describe("canAssignRole", () => {
  it.each<[Role, Role | null, Role, boolean]>([
    // Owners may do anything, including handing out and taking away Owner.
    ["OWNER", null, "OWNER", true],
    ["OWNER", "VIEWER", "OWNER", true],
    ["OWNER", "OWNER", "ADMIN", true],
    ["OWNER", "EDITOR", "VIEWER", true],
    // Admins manage everyone below Owner, but never the Owner role itself.
    ["ADMIN", null, "ADMIN", true],
    ["ADMIN", null, "EDITOR", true],
    ["ADMIN", "VIEWER", "ADMIN", true],
    ["ADMIN", "ADMIN", "VIEWER", true],
    ["ADMIN", null, "OWNER", false],
    ["ADMIN", "EDITOR", "OWNER", false],
    ["ADMIN", "OWNER", "ADMIN", false],
    ["ADMIN", "OWNER", "VIEWER", false],
    // Editors and Viewers assign nothing.
    ["EDITOR", null, "VIEWER", false],
    ["EDITOR", "VIEWER", "EDITOR", false],
    ["VIEWER", null, "VIEWER", false],
    ["VIEWER", "VIEWER", "EDITOR", false],
  ])("%s changing %s to %s → %s", (actor, from, to, expected) => {
    expect(canAssignRole(actor, from, to)).toBe(expected);
  });
});

describe("can(access, permission)", () => {
  it("reads the role and project ownership from a loaded access, like the principal form", () => {
    const editorOwner = { membership: { role: "VIEWER" as const }, isProjectOwner: true };
    expect(can(editorOwner, "project.publish")).toBe(can({ role: "VIEWER", isProjectOwner: true }, "project.publish"));
    expect(can(editorOwner, "project.publish")).toBe(true);
    expect(can({ membership: { role: "VIEWER" as const }, isProjectOwner: false }, "project.publish")).toBe(false);
    expect(can({ membership: { role: "EDITOR" as const } }, "project.edit")).toBe(true);
  });
});
