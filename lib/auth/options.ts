// next-auth (v4) configuration: email + password by default; GitHub, Google and any
// OIDC provider switch on when configured. Sessions are signed JWT cookies, so every
// instance can read them with the shared NEXTAUTH_SECRET.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { env } from "@/lib/env";
import { findOrCreateExternalUser, verifyCredentials } from "@/lib/users/verify-credentials";

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
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: async (credentials) =>
          credentials?.email && credentials.password ? verifyCredentials(credentials.email, credentials.password) : null,
      }),
      ...externalProviders(),
    ],
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider === "credentials") return true;
        return Boolean(user.email); // external providers must give an email to link by
      },
      async jwt({ token, user, account }) {
        if (user && account && account.provider !== "credentials") {
          const local = await findOrCreateExternalUser(user.email!, user.name ?? "");
          token.sub = local.id;
        } else if (user) {
          token.sub = user.id;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
  return cached;
}
