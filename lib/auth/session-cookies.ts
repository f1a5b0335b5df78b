// The names next-auth gives the studio's session cookie (`__Secure-` on HTTPS origins). One list
// for everything that looks for a session: proxy.ts (redirects pages) and lib/auth/actor.ts.
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
