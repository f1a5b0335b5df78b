// The project-level rate limits of SPEC §8: defaults (also the column defaults in schema.prisma)
// and the bounds an admin may set. A value outside the bounds is refused with 422, never clamped.
export const PROJECT_RATE_LIMITS = {
  /** Data Tool executions per project per minute, across draft and production and all callers. */
  dataToolCallsPerMinute: { default: 60, min: 1, max: 6000 },
  /** Anonymous calls to a public project's production endpoint, per IP per hour… */
  anonymousCallsPerHour: { default: 60, min: 1, max: 600 },
  /** …of which at most this many at once (token-bucket capacity). */
  anonymousBurst: { default: 10, min: 1, max: 60 },
  /** Calls per credential (production token, draft token or OAuth grant) per minute. */
  credentialCallsPerMinute: { default: 300, min: 1, max: 6000 },
} as const;

export type ProjectRateLimitName = keyof typeof PROJECT_RATE_LIMITS;
export type ProjectRateLimits = Record<ProjectRateLimitName, number>;
