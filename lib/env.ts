// Configuration, validated once. The only module that reads process.env.
//
// With no configuration at all Atelier runs on one machine: embedded PGlite under
// `.data/`, secrets generated into `.data/secrets.json` on first start. Several
// instances share PostgreSQL (DATABASE_URL), Redis (REDIS_URL) and the secrets
// given as environment variables.
import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import ipaddr from "ipaddr.js";
import { z } from "zod";

const optional = z.preprocess((value) => (value === "" ? undefined : value), z.string().optional());

const wholeNumber = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ message: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be a whole number from ${min} to ${max}`)
    .max(max, `must be a whole number from ${min} to ${max}`)
    .default(fallback);

// The sandbox's settings, also parsed on their own (sandboxConfig) so running a handler never
// needs the rest of the configuration (or generates secrets).
const sandboxSchema = z.object({
  /**
   * Private networks Data Tool handlers may reach (comma-separated CIDRs or addresses, e.g.
   * `10.20.0.0/16,fd00:1::/64`). By default loopback, private, link-local, unique-local, CGNAT,
   * multicast and unspecified addresses are refused.
   */
  ATELIER_SANDBOX_ALLOW_PRIVATE_NETWORKS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine((entries) => entries.every((entry) => (entry.includes("/") ? ipaddr.isValidCIDR(entry) : ipaddr.isValid(entry))), {
      message: "must be comma-separated CIDRs or IP addresses, such as 10.20.0.0/16,fd00:1::/64",
    }),
  /** Handlers running at once in this process (one isolate, one thread each); more wait in a queue. */
  ATELIER_SANDBOX_MAX_CONCURRENT: wholeNumber(1, 256, 8),
  /** Calls that may wait for a free handler slot; past that a call is refused at once as busy. */
  ATELIER_SANDBOX_MAX_QUEUED: wholeNumber(0, 10_000, 100),
  /**
   * Worker threads that create, run and dispose handler isolates (lib/sandbox/isolate-pool.ts);
   * default: one per core. 0: isolates are created per call on the main thread, as before them.
   */
  ATELIER_SANDBOX_WORKERS: wholeNumber(0, 64, Math.min(16, availableParallelism())),
});

export type SandboxConfig = z.infer<typeof sandboxSchema>;

const schema = sandboxSchema.extend({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  ATELIER_DATA_DIR: z.string().default(".data"),
  /** The fixed public origin of a deployment; without it each request's own address (lib/public-origin.ts). */
  ATELIER_URL: optional.pipe(z.url({ message: "must be an absolute URL such as https://atelier.example.com" }).optional()),
  DATABASE_URL: optional.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
  ),
  REDIS_URL: optional.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
      .optional(),
  ),
  /** Admin REST API calls per minute, per personal API token (and per user for studio sessions). */
  ATELIER_API_RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ message: "must be a whole number ≥ 1" })
    .int("must be a whole number ≥ 1")
    .min(1, "must be a whole number ≥ 1")
    .default(600),
  /**
   * How many proxies in front of Atelier append to X-Forwarded-For (nginx `$proxy_add_x_forwarded_for`).
   * The client address is the entry that many places from the end: 1 (default) for one proxy or none,
   * 2 for a CDN in front of nginx. Entries before it are whatever the client sent, never trusted.
   * X-Forwarded-Host and X-Forwarded-Proto are read the same way for the origin when ATELIER_URL
   * is not set (lib/public-origin.ts).
   */
  ATELIER_TRUSTED_PROXY_HOPS: z.coerce
    .number({ message: "must be a whole number from 1 to 10" })
    .int("must be a whole number from 1 to 10")
    .min(1, "must be a whole number from 1 to 10")
    .max(10, "must be a whole number from 1 to 10")
    .default(1),
  /** Password sign-in attempts per account in 15 minutes (lib/rate-limit/sign-in-limits.ts). */
  ATELIER_SIGN_IN_ATTEMPTS_PER_ACCOUNT: wholeNumber(1, 100_000, 20),
  /** Password sign-in attempts per client address in 15 minutes. */
  ATELIER_SIGN_IN_ATTEMPTS_PER_ADDRESS: wholeNumber(1, 100_000, 50),
  /** New accounts per client address per hour. */
  ATELIER_SIGN_UPS_PER_ADDRESS: wholeNumber(1, 100_000, 10),
  /** Days execution records are kept (lib/jobs/retention.ts); 0 keeps them forever. */
  ATELIER_EXECUTION_RETENTION_DAYS: wholeNumber(0, 36_500, 30),
  /** Days audit events are kept; 0 keeps them forever. */
  ATELIER_AUDIT_RETENTION_DAYS: wholeNumber(0, 36_500, 365),
  /** Set by `npm start`: Next leaves SIGTERM/SIGINT to instrumentation.ts, which flushes execution records before exiting. */
  NEXT_MANUAL_SIG_HANDLE: optional,
  NEXTAUTH_SECRET: optional.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  ATELIER_ENCRYPTION_KEY: optional.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9+/=_-]{43,44}$/, "must be 32 bytes, base64-encoded (openssl rand -base64 32)")
      .optional(),
  ),
  /**
   * Host names (besides localhost, this machine's hostname and any IP address) that may be taken as
   * the origin when ATELIER_URL is not set, e.g. `atelier.lan` or the public name behind a proxy
   * (lib/public-origin.ts: DNS rebinding).
   */
  ATELIER_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((host) => host.trim().toLowerCase().replace(/\.$/, ""))
        .filter(Boolean),
    ),
  /** Extra browser origins allowed to call the MCP endpoints (comma-separated), besides claude.ai and chatgpt.com. */
  ATELIER_ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  ATELIER_DEMO_PASSWORD: optional.pipe(z.string().min(8, "must be at least 8 characters").optional()),
  /**
   * Outgoing mail (invitations), e.g. smtps://user:password@smtp.example.com:465 or
   * smtp://127.0.0.1:25. Unset: no email is sent; the studio shows the invitation link to share.
   */
  SMTP_URL: optional.pipe(
    z
      .string()
      .regex(/^smtps?:\/\/[^/\s]+/, "must be an smtp:// or smtps:// URL, such as smtps://user:password@smtp.example.com:465")
      .optional(),
  ),
  /** The From of those emails; default "Atelier <atelier@<host of ATELIER_URL or SMTP_URL>>". */
  SMTP_FROM: optional,
  GITHUB_ID: optional,
  GITHUB_SECRET: optional,
  GOOGLE_ID: optional,
  GOOGLE_SECRET: optional,
  OIDC_ISSUER: optional.pipe(z.url().optional()),
  OIDC_CLIENT_ID: optional,
  OIDC_CLIENT_SECRET: optional,
  OIDC_NAME: z.string().default("Single sign-on"),
  /**
   * Lets OAuth Client ID Metadata Documents be fetched over plain http and from loopback or private
   * addresses (tests serve one from 127.0.0.1). Never set it in production: it opens the server to
   * fetching internal URLs on an anonymous caller's behalf.
   */
  ATELIER_OAUTH_ALLOW_INSECURE_METADATA_URLS: z
    .enum(["", "0", "1", "false", "true"], { message: "must be 1 or 0" })
    .default("")
    .transform((value) => value === "1" || value === "true"),
});

export type Env = z.infer<typeof schema> & {
  dataDir: string;
  authSecret: string;
  encryptionKey: Buffer;
};

type GeneratedSecrets = { authSecret: string; encryptionKey: string };

// Secrets a single machine needs but nobody configured: created once, kept beside the data.
function loadOrCreateSecrets(dataDir: string): GeneratedSecrets {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as GeneratedSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets = {
    authSecret: randomBytes(32).toString("base64url"),
    encryptionKey: randomBytes(32).toString("base64"),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

function pairError(parsed: z.infer<typeof schema>): string[] {
  const pairs: Array<[string, string | undefined, string, string | undefined]> = [
    ["GITHUB_ID", parsed.GITHUB_ID, "GITHUB_SECRET", parsed.GITHUB_SECRET],
    ["GOOGLE_ID", parsed.GOOGLE_ID, "GOOGLE_SECRET", parsed.GOOGLE_SECRET],
    ["OIDC_CLIENT_ID", parsed.OIDC_CLIENT_ID, "OIDC_ISSUER", parsed.OIDC_ISSUER],
  ];
  const errors = pairs.filter(([, a, , b]) => Boolean(a) !== Boolean(b)).map(([a, , b]) => `${a} and ${b} must be set together`);
  // Without ATELIER_URL the origin is the request's Host (lib/public-origin.ts), which a caller
  // chooses: fine for an answer to that caller, not for a link emailed to someone else.
  if (parsed.SMTP_URL && !parsed.ATELIER_URL)
    errors.push("SMTP_URL needs ATELIER_URL: links in emails are built from it, never from a request's Host");
  return errors;
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid Atelier configuration:\n${lines.join("\n")}`);
  }
  const parsed = result.data;
  const pairs = pairError(parsed);
  if (pairs.length > 0) throw new Error(`Invalid Atelier configuration:\n${pairs.map((p) => `  - ${p}`).join("\n")}`);

  const dataDir = path.resolve(parsed.ATELIER_DATA_DIR);
  const needsGenerated = !parsed.NEXTAUTH_SECRET || !parsed.ATELIER_ENCRYPTION_KEY;
  const generated = needsGenerated ? loadOrCreateSecrets(dataDir) : undefined;
  return {
    ...parsed,
    dataDir,
    authSecret: parsed.NEXTAUTH_SECRET ?? generated!.authSecret,
    encryptionKey: Buffer.from(parsed.ATELIER_ENCRYPTION_KEY ?? generated!.encryptionKey, "base64"),
  };
}

let cached: Env | undefined;

let cachedSandbox: SandboxConfig | undefined;

/** The sandbox's part of the configuration, validated like the rest. */
export function sandboxConfig(): SandboxConfig {
  if (cachedSandbox) return cachedSandbox;
  const result = sandboxSchema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid Atelier configuration:\n${lines.join("\n")}`);
  }
  cachedSandbox = result.data;
  return cachedSandbox;
}

/** The validated configuration; parsed on first use so `next build` reads nothing. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
