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
  tools: (org: string, project: string) => ["organizations", org, "projects", project, "tools"] as const,
  toolsOfKind: (org: string, project: string, kind: "data" | "ui") => ["organizations", org, "projects", project, "tools", { kind }] as const,
  tool: (org: string, project: string, tool: string) => ["organizations", org, "projects", project, "tools", tool] as const,
  toolSecrets: (org: string, project: string, tool: string) => ["organizations", org, "projects", project, "tools", tool, "secrets"] as const,
  components: (org: string, project: string) => ["organizations", org, "projects", project, "components"] as const,
  component: (org: string, project: string, name: string) => ["organizations", org, "projects", project, "components", name] as const,
};
