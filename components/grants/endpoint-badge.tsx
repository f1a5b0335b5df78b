import { Badge } from "@/components/ui/badge";
import type { Grant } from "@/lib/hooks/api-types";

type Environment = Grant["endpoint"]["environment"];

export const endpointLabel = (environment: Environment) => (environment === "draft" ? "Draft" : "Production");

/** Which endpoint a grant opens, with its URL on hover. */
export function EndpointBadge({ endpoint }: { endpoint: Grant["endpoint"] }) {
  return (
    <span title={endpoint.url}>
      <Badge tone={endpoint.environment === "draft" ? "warning" : "success"}>{endpointLabel(endpoint.environment)}</Badge>
    </span>
  );
}
