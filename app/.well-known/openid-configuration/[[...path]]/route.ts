// The OpenID discovery path, which some hosts try before (or instead of) RFC 8414's: the same
// authorization server metadata. Atelier issues no ID tokens; it is an OAuth server only.
export { GET, OPTIONS } from "@/app/.well-known/oauth-authorization-server/[[...path]]/route";

export const dynamic = "force-dynamic";
