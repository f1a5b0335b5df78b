// The reason a disabled control gives comes from the permission matrix itself.
import { describe, expect, it } from "vitest";
import { permissionReason } from "./permissions";

describe("permissionReason", () => {
  it("names the roles the matrix grants", () => {
    expect(permissionReason("project.publish", "publish")).toBe("Only Owners, Admins and project owners can publish.");
    expect(permissionReason("project.edit", "create tools")).toBe("Only Owners, Admins, project owners and Editors can create tools.");
    expect(permissionReason("project.delete", "delete the project")).toBe("Only Owners and Admins can delete the project.");
  });
});
