// /register: claude.ai registers here whatever the metadata says. Same handler as /oauth/register.
export { POST, OPTIONS } from "@/app/oauth/register/route";

export const dynamic = "force-dynamic";
