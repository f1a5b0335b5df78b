// next-auth (v4) configuration: email + password by default; GitHub, Google and any
// OIDC provider switch on when configured. Sessions are signed JWT cookies that name a Session
// row (lib/auth/sessions.ts): every instance can verify them with the shared NEXTAUTH_SECRET,
// and signing out deletes the row, which ends the session on every instance.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { createSession, endSession, getLiveSessionUser, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { env } from "@/lib/env";
import { linkExternalUser } from "@/lib/users/verify-credentials";

/** Where the sign-in page explains a refused external sign-in (see PROVIDER_ERRORS there). */
const UNVERIFIED_EMAIL = "/sign-in?error=EmailNotVerified";
const UNVERIFIED_LOCAL_ACCOUNT = "/sign-in?error=UnverifiedAccountExists";
const SESSION_ENDED = "The session has ended";

function externalProviders(): NextAuthOptions["providers"] {
  const config = env();
  const providers: NextAuthOptions["providers"] = [];
  if (config.GITHUB_ID && config.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: config.GITHUB_ID, clientSecret: config.GITHUB_SECRET }));
  }
  if (config.GOOGLE_ID && config.GOOGLE_SECRET) {
    providers.push(GoogleProvider({ clientId: config.GOOGLE_ID, clientSecret: config.GOOGLE_SECRET }));
  }
  if (config.OIDC_ISSUER && config.OIDC_CLIENT_ID) {
    providers.push({
      id: "oidc",
      name: config.OIDC_NAME,
      type: "oauth",
      wellKnown: `${config.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: config.OIDC_CLIENT_ID,
      clientSecret: config.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile: (profile: { sub: string; email: string; name?: string }) => ({
        id: profile.sub,
        email: profile.email,
        name: profile.name ?? profile.email,
      }),
    });
  }
  return providers;
}

/** Names of the configured external providers, for the sign-in page. */
export function externalProviderList() {
  return externalProviders().map((provider) => ({ id: provider.id, name: provider.name }));
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: env().authSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: async (credentials, request) =>
          credentials?.email && credentials.password
            ? signInWithPassword({ email: credentials.email, password: credentials.password, headers: request?.headers })
            : null,
      }),
      ...externalProviders(),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider === "credentials") return true;
        // External providers must give an email to link by, and one they verified (Google and OIDC say so).
        if (!user.email) return false;
        if ((profile as { email_verified?: boolean } | undefined)?.email_verified === false) return UNVERIFIED_EMAIL;
        const link = await linkExternalUser({ email: user.email, name: user.name ?? "" });
        return link.linked ? true : UNVERIFIED_LOCAL_ACCOUNT;
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          // A sign-in: find the local account, then record the session the cookie will name.
          let userId = user.id;
          if (account.provider !== "credentials") {
            const link = await linkExternalUser({ email: user.email ?? "", name: user.name ?? "" });
            if (!link.linked) throw new Error("AccessDenied");
            userId = link.user.id;
          }
          return { ...token, sub: userId, sid: await createSession(userId) };
        }
        // A read of /api/auth/session: a signed-out cookie gets no session (next-auth clears it).
        const live = typeof token.sid === "string" && token.sub && (await getLiveSessionUser({ sessionId: token.sid, userId: token.sub }));
        if (!live) throw new Error(SESSION_ENDED);
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
    logger: {
      // An ended session read at /api/auth/session is routine, not a server error worth a stack trace.
      error(code, metadata) {
        if (code === "JWT_SESSION_ERROR" && metadata instanceof Error && metadata.message === SESSION_ENDED) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
    },
    events: {
      // Sign-out ends the session on the server: the cookie's row goes, so a copy of it stops working too.
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSession(token.sid);
      },
    },
  };
  return cached;
}
