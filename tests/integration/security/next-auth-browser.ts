// A browser's side of next-auth for integration tests: its cookie jar, and the requests the
// sign-in form and the sign-out button make, served by next-auth's own request handler with
// Atelier's options (the callbacks, events and Credentials provider that /api/auth runs).
import { createRequire } from "node:module";
import path from "node:path";
import { authOptions } from "@/lib/auth/options";

// next-auth's request handler (what app/api/auth/[...nextauth] runs, minus Next's request
// plumbing); the package's export map does not list it, so it is loaded by path.
const require = createRequire(import.meta.url);
type InternalResponse = {
  body?: unknown;
  redirect?: string;
  cookies?: Array<{ name: string; value: string; options?: { maxAge?: number; expires?: Date | string } }>;
};
const { AuthHandler } = require(path.join(path.dirname(require.resolve("next-auth")), "core/index.js")) as {
  AuthHandler: (params: { req: Request; options: ReturnType<typeof authOptions> }) => Promise<InternalResponse>;
};

export const SESSION_COOKIE = "next-auth.session-token";

export class NextAuthBrowser {
  readonly jar = new Map<string, string>();

  /** `ip` is the client address the browser's requests come from (X-Forwarded-For, as our proxy sets it). */
  constructor(private readonly ip = "203.0.113.10") {}

  private async request(path: string, body?: Record<string, string>) {
    const headers: Record<string, string> = { host: "localhost:3000", "x-forwarded-for": this.ip };
    if (this.jar.size > 0) headers.cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
    if (body) headers["content-type"] = "application/json";
    const request = new Request(`http://localhost:3000/api/auth/${path}`, {
      method: body ? "POST" : "GET",
      headers,
      body: body ? JSON.stringify(body) : undefined,
    });
    const response = await AuthHandler({ req: request, options: authOptions() });
    for (const cookie of response.cookies ?? []) {
      const expired = cookie.options?.maxAge === 0 || (cookie.options?.expires && new Date(cookie.options.expires) <= new Date());
      if (expired || cookie.value === "") this.jar.delete(cookie.name);
      else this.jar.set(cookie.name, cookie.value);
    }
    return response;
  }

  private async csrfToken(): Promise<string> {
    return ((await this.request("csrf")).body as { csrfToken: string }).csrfToken;
  }

  /** The sign-in form: `{ ok }`, or the `error` next-auth hands the form (CredentialsSignin, TooManyAttempts). */
  async signIn(email: string, password: string, options: { csrf?: boolean } = {}) {
    const csrfToken = options.csrf === false ? "" : await this.csrfToken();
    const response = await this.request("callback/credentials", { csrfToken, email, password, json: "true" });
    const error = response.redirect ? new URL(response.redirect, "http://localhost:3000").searchParams.get("error") : null;
    return { ok: Boolean(response.redirect) && !error && this.jar.has(SESSION_COOKIE), error, redirect: response.redirect };
  }

  async signOut() {
    return this.request("signout", { csrfToken: await this.csrfToken(), json: "true" });
  }

  /** What /api/auth/session answers this browser. */
  async session() {
    return (await this.request("session")).body as { user?: { id?: string; email?: string } };
  }

  /** The session cookie as a request header, e.g. to replay it after sign-out. */
  sessionCookie(): string {
    const value = this.jar.get(SESSION_COOKIE);
    if (!value) throw new Error("This browser holds no session cookie");
    return `${SESSION_COOKIE}=${value}`;
  }
}
