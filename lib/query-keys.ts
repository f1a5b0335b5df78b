// Every react-query key of the studio, in one place, so invalidation can't miss a spelling.
export const queryKeys = {
  me: ["me"] as const,
  apiTokens: ["me", "tokens"] as const,
  organizations: ["organizations"] as const,
  organization: (org: string) => ["organizations", org] as const,
  members: (org: string) => ["organizations", org, "members"] as const,
  invitations: (org: string) => ["organizations", org, "invitations"] as const,
  projects: (org: string) => ["organizations", org, "projects"] as const,
  project: (org: string, project: string) => ["organizations", org, "projects", project] as const,
};
