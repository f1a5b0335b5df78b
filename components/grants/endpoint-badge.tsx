import { Badge } from "@/components/ui/badge";

/** "studio": the organization's studio MCP server (/mcp/{org}). */
type Environment = "draft" | "production" | "studio";

const LABELS: Record<Environment, string> = { draft: "Draft", production: "Production", studio: "Studio" };
const TONES = { draft: "warning", production: "success", studio: "accent" } as const;

export const endpointLabel = (environment: Environment) => LABELS[environment];

/** Which endpoint something opens (a grant, a consent request): Draft, Production or Studio, with its URL on hover when given. */
export function EndpointBadge({ environment, url }: { environment: Environment; url?: string }) {
  const badge = <Badge tone={TONES[environment]}>{endpointLabel(environment)}</Badge>;
  return url ? <span title={url}>{badge}</span> : badge;
}

/** What a grant opens, by name: its project, or the organization's studio MCP server (all its projects, per the member's role). */
export function grantTargetName(grant: { project: { name: string } | null }): string {
  return grant.project ? grant.project.name : "Studio MCP server (all projects)";
}
