import { signOut } from "next-auth/react";

/**
 * Signs out, then loads `path` on this origin. next-auth's own redirect would use NEXTAUTH_URL,
 * which is not always set on a self-hosted install; a full load also drops client caches.
 */
export async function signOutTo(path: string) {
  await signOut({ redirect: false });
  window.location.assign(path);
}
