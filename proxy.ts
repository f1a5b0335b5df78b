// Only redirects pages. MCP, OAuth, .well-known and the JSON API answer 401 themselves.
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES } from "@/lib/auth/session-cookies";
import { publicOrigin } from "@/lib/public-origin";

const PUBLIC_PAGES = ["/sign-in", "/sign-up", "/invitations/"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PAGES.some((page) => pathname.startsWith(page))) return NextResponse.next();
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  // Not request.url: Next builds it from its own hostname (localhost), whatever address was used.
  const signIn = new URL("/sign-in", publicOrigin(request));
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything except the API surfaces, Next internals and static files.
  matcher: ["/((?!api/|app/v1|mcp/|mcp$|oauth/|\\.well-known/|authorize|token|register|_next/|favicon|.*\\.[a-z0-9]+$).*)"],
};
