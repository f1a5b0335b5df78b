import { Badge } from "@/components/ui/badge";

type Environment = "draft" | "production";

export const endpointLabel = (environment: Environment) => (environment === "draft" ? "Draft" : "Production");

/** Which endpoint something opens (a grant, a consent request): Draft or Production, with its URL on hover when given. */
export function EndpointBadge({ environment, url }: { environment: Environment; url?: string }) {
  const badge = <Badge tone={environment === "draft" ? "warning" : "success"}>{endpointLabel(environment)}</Badge>;
  return url ? <span title={url}>{badge}</span> : badge;
}
