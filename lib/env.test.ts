import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

// Given secrets, so nothing is generated on disk.
const base = { NODE_ENV: "test" as const, NEXTAUTH_SECRET: "x".repeat(32), ATELIER_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64") };

describe("sandbox configuration", () => {
  it("defaults to no private networks and a bounded number of isolates", () => {
    expect(parseEnv(base)).toMatchObject({
      ATELIER_SANDBOX_ALLOW_PRIVATE_NETWORKS: [],
      ATELIER_SANDBOX_MAX_CONCURRENT: 8,
      ATELIER_SANDBOX_MAX_QUEUED: 100,
    });
  });

  it("reads private networks as CIDRs or addresses, and refuses anything else with the variable's name", () => {
    expect(parseEnv({ ...base, ATELIER_SANDBOX_ALLOW_PRIVATE_NETWORKS: " 10.20.0.0/16, fd00:1::/64,192.168.1.20 " })).toMatchObject({
      ATELIER_SANDBOX_ALLOW_PRIVATE_NETWORKS: ["10.20.0.0/16", "fd00:1::/64", "192.168.1.20"],
    });
    expect(() => parseEnv({ ...base, ATELIER_SANDBOX_ALLOW_PRIVATE_NETWORKS: "10.0.0.0/8,intranet.local" })).toThrow(
      /ATELIER_SANDBOX_ALLOW_PRIVATE_NETWORKS: must be comma-separated CIDRs or IP addresses/,
    );
    expect(() => parseEnv({ ...base, ATELIER_SANDBOX_ALLOW_PRIVATE_NETWORKS: "10.0.0.0/40" })).toThrow(
      /ATELIER_SANDBOX_ALLOW_PRIVATE_NETWORKS/,
    );
    expect(() => parseEnv({ ...base, ATELIER_SANDBOX_MAX_CONCURRENT: "0" })).toThrow(
      /ATELIER_SANDBOX_MAX_CONCURRENT: must be a whole number from 1 to 256/,
    );
  });
});

describe("email links", () => {
  it("refuses SMTP_URL without ATELIER_URL: an emailed link must not come from a request's Host", () => {
    expect(() => parseEnv({ ...base, SMTP_URL: "smtp://mail.example:25" })).toThrow(/SMTP_URL needs ATELIER_URL/);
    expect(parseEnv({ ...base, SMTP_URL: "smtp://mail.example:25", ATELIER_URL: "https://atelier.example.com" })).toMatchObject({
      ATELIER_URL: "https://atelier.example.com",
    });
  });
});
