// /token: claude.ai exchanges codes here whatever the metadata says. Same handler as /oauth/token.
export { POST, OPTIONS } from "@/app/oauth/token/route";

export const dynamic = "force-dynamic";
