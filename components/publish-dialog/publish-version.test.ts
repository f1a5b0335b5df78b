import { describe, expect, it } from "vitest";
import { bumpLabel, versionError } from "./publish-version";

describe("versionError", () => {
  it("accepts the minimum and anything above it", () => {
    expect(versionError("2.0.0", "2.0.0")).toBeNull();
    expect(versionError(" 2.1.0 ", "2.0.0")).toBeNull();
    expect(versionError("10.0.0", "9.1.0")).toBeNull();
  });

  it("refuses versions below the minimum, with the minimum in the message", () => {
    expect(versionError("1.9.9", "2.0.0")).toBe("Version must be at least 2.0.0 for these changes");
  });

  it("refuses anything but plain MAJOR.MINOR.PATCH", () => {
    for (const version of ["2", "2.0", "v2.0.0", "2.0.0-beta.1", "02.0.0", "two"]) {
      expect(versionError(version, "1.0.0")).toBe("Version must be MAJOR.MINOR.PATCH, like 1.4.0");
    }
    expect(versionError("  ", "1.0.0")).toBe("Version is required");
  });
});

describe("bumpLabel", () => {
  it("explains the bump", () => {
    expect(bumpLabel("major")).toBe("major — breaking changes");
    expect(bumpLabel(null)).toBe("first version");
  });
});
