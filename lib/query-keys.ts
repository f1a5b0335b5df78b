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
  testPanelToken: (org: string, project: string) => ["organizations", org, "projects", project, "test-panel-token"] as const,
  tools: (org: string, project: string) => ["organizations", org, "projects", project, "tools"] as const,
  toolsOfKind: (org: string, project: string, kind: "data" | "ui") =>
    ["organizations", org, "projects", project, "tools", { kind }] as const,
  tool: (org: string, project: string, tool: string) => ["organizations", org, "projects", project, "tools", tool] as const,
  toolSecrets: (org: string, project: string, tool: string) =>
    ["organizations", org, "projects", project, "tools", tool, "secrets"] as const,
  components: (org: string, project: string) => ["organizations", org, "projects", project, "components"] as const,
  component: (org: string, project: string, name: string) => ["organizations", org, "projects", project, "components", name] as const,
  publishPreview: (org: string, project: string) => ["organizations", org, "projects", project, "publish"] as const,
  draftChanges: (org: string, project: string) => ["organizations", org, "projects", project, "draft-changes"] as const,
  packages: (org: string, project: string) => ["organizations", org, "projects", project, "packages"] as const,
  package: (org: string, project: string, version: string) => ["organizations", org, "projects", project, "packages", version] as const,
  productionTokens: (org: string, project: string) => ["organizations", org, "projects", project, "production-tokens"] as const,
  grants: (org: string) => ["organizations", org, "grants"] as const,
  auditLog: (org: string, filters: Record<string, string>) => ["organizations", org, "audit-log", filters] as const,
  executions: (org: string, project: string) => ["organizations", org, "projects", project, "executions"] as const,
  executionList: (org: string, project: string, filters: object) =>
    ["organizations", org, "projects", project, "executions", "list", filters] as const,
  executionStats: (org: string, project: string, filters: object) =>
    ["organizations", org, "projects", project, "executions", "stats", filters] as const,
  testCases: (org: string, project: string) => ["organizations", org, "projects", project, "test-cases"] as const,
  testRuns: (org: string, project: string) => ["organizations", org, "projects", project, "test-runs"] as const,
  testGate: (org: string, project: string) => ["organizations", org, "projects", project, "test-gate"] as const,
  execution: (org: string, project: string, id: string) => ["organizations", org, "projects", project, "executions", "detail", id] as const,
};
