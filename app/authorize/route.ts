// /authorize: claude.ai sends users here whatever the metadata says. Same handlers as /oauth/authorize.
export { GET, POST } from "@/app/oauth/authorize/route";

export const dynamic = "force-dynamic";
