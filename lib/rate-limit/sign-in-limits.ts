// Brute-force limits on the studio's front door, in the process's rate limiter (shared through
// Redis when REDIS_URL is set, so every instance counts together).
//
// - Password sign-in: at most 20 attempts per account and 50 per client address in 15 minutes
//   (ATELIER_SIGN_IN_ATTEMPTS_PER_ACCOUNT / _PER_ADDRESS: an office behind one NAT address may need more).
//   Every attempt counts, successful or not (counted before the password is checked, atomically,
//   so parallel guesses cannot slip past the limit), and the same for known and unknown addresses
//   (the account key is the normalized email, whether or not it has an account), so the limit
//   itself tells nobody which addresses exist. A refused attempt is not counted and never reaches
//   the password check. A password change's check of the current password counts the same way.
// - Sign-up: at most 10 per client address per hour (ATELIER_SIGN_UPS_PER_ADDRESS).
import { env } from "@/lib/env";
import { getRateLimiter } from "./rate-limiter";
import { type RateLimitRule, retryAfterSeconds } from "./rules";

/** The sign-in limits in force (configuration, lib/env.ts). */
export function signInLimits() {
  const config = env();
  return {
    perAccount: { limit: config.ATELIER_SIGN_IN_ATTEMPTS_PER_ACCOUNT, windowMs: 15 * 60_000 },
    perAddress: { limit: config.ATELIER_SIGN_IN_ATTEMPTS_PER_ADDRESS, windowMs: 15 * 60_000 },
  };
}

/** The sign-up limit in force, per client address and hour. */
export function signUpLimitPerAddress() {
  return { limit: env().ATELIER_SIGN_UPS_PER_ADDRESS, windowMs: 60 * 60_000 };
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const addressKey = (ip: string | null) => ip ?? "unknown";

async function decide(rules: RateLimitRule[]): Promise<ThrottleDecision> {
  const decision = await getRateLimiter().check(rules);
  return decision.allowed ? decision : { allowed: false, retryAfterSeconds: retryAfterSeconds(decision.retryAfterMs) };
}

// Both keys of a check share one {hash tag}: the check is one script, which a Redis cluster runs on one slot.

/** Counts one password sign-in attempt for `email` from `ip`; refused once either limit is reached. */
export function checkSignInAttempt(options: { email: string; ip: string | null }): Promise<ThrottleDecision> {
  const { perAccount, perAddress } = signInLimits();
  return decide([
    { kind: "window", key: `{sign-in}:account:${options.email.trim().toLowerCase()}`, ...perAccount },
    { kind: "window", key: `{sign-in}:ip:${addressKey(options.ip)}`, ...perAddress },
  ]);
}

/** Counts one sign-up from `ip`. */
export function checkSignUpAttempt(options: { ip: string | null }): Promise<ThrottleDecision> {
  return decide([{ kind: "window", key: `{sign-up}:ip:${addressKey(options.ip)}`, ...signUpLimitPerAddress() }]);
}
