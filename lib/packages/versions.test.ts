import { describe, expect, it } from "vitest";
import type { AppError } from "@/lib/errors";
import { highestVersion, resolvePublishVersion, suggestVersion, versionBump } from "./versions";

describe("versionBump", () => {
  it("is major for breaking changes, minor for additions, patch otherwise", () => {
    expect(versionBump({ breaking: true, toolsAdded: true, optionalInputsAdded: true })).toBe("major");
    expect(versionBump({ breaking: false, toolsAdded: true, optionalInputsAdded: false })).toBe("minor");
    expect(versionBump({ breaking: false, toolsAdded: false, optionalInputsAdded: true })).toBe("minor");
    expect(versionBump({ breaking: false, toolsAdded: false, optionalInputsAdded: false })).toBe("patch");
  });
});

describe("suggestVersion", () => {
  it("suggests 1.0.0 for the first publish, whatever changed", () => {
    expect(suggestVersion({ current: null, bump: "patch", published: [] })).toBe("1.0.0");
    expect(suggestVersion({ current: null, bump: "major", published: [] })).toBe("1.0.0");
  });

  it("bumps the production version", () => {
    expect(suggestVersion({ current: "1.2.3", bump: "major", published: ["1.2.3"] })).toBe("2.0.0");
    expect(suggestVersion({ current: "1.2.3", bump: "minor", published: ["1.2.3"] })).toBe("1.3.0");
    expect(suggestVersion({ current: "1.2.3", bump: "patch", published: ["1.2.3"] })).toBe("1.2.4");
  });

  it("after a rollback, bumps the highest version ever published when the plain bump is taken", () => {
    const published = ["1.0.0", "1.1.0"];
    expect(suggestVersion({ current: "1.0.0", bump: "minor", published })).toBe("1.2.0");
    expect(suggestVersion({ current: "1.0.0", bump: "patch", published })).toBe("1.1.1");
    expect(suggestVersion({ current: "1.0.0", bump: "major", published })).toBe("2.0.0");
  });

  it("compares versions numerically, not as text", () => {
    expect(highestVersion(["1.9.0", "1.10.0", "1.2.0"])).toBe("1.10.0");
    expect(suggestVersion({ current: "1.9.0", bump: "minor", published: ["1.9.0", "1.10.0"] })).toBe("1.11.0");
  });
});

describe("resolvePublishVersion", () => {
  const published = ["1.0.0", "1.1.0"];
  const refusal = (requested: string) => {
    try {
      resolvePublishVersion({ requested, minimum: "1.2.0", published });
    } catch (error) {
      return { code: (error as AppError).code, message: (error as AppError).message };
    }
    return null;
  };

  it("takes the suggestion when no version is requested", () => {
    expect(resolvePublishVersion({ minimum: "1.2.0", published })).toBe("1.2.0");
  });

  it("accepts the minimum or anything higher", () => {
    expect(resolvePublishVersion({ requested: "1.2.0", minimum: "1.2.0", published })).toBe("1.2.0");
    expect(resolvePublishVersion({ requested: " 3.0.0 ", minimum: "1.2.0", published })).toBe("3.0.0");
  });

  it("refuses a version ever published with a conflict, even one production rolled back from", () => {
    expect(refusal("1.1.0")).toEqual({
      code: "conflict",
      message: "Version 1.1.0 was already published; versions are never reused, even after a rollback. Use 1.2.0 or higher.",
    });
  });

  it("refuses a version below the minimum and anything that is not MAJOR.MINOR.PATCH", () => {
    expect(refusal("1.1.5")).toEqual({ code: "validation_failed", message: "version: must be at least 1.2.0 for these changes" });
    for (const bad of ["1.2", "v1.3.0", "1.3.0-beta.1", "1.3.0+build", "01.3.0", "latest"]) {
      expect(refusal(bad)).toEqual({ code: "validation_failed", message: "version: must be MAJOR.MINOR.PATCH, like 1.4.0" });
    }
  });
});
