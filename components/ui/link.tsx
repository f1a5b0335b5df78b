"use client";

// biome-ignore lint/style/noRestrictedImports: the one place that wraps next/link.
import NextLink from "next/link";
import type { ComponentProps } from "react";
import { usePrefetchAllowed } from "./prefetch-gate";

/**
 * next/link, with its speculative prefetch held until the page has settled (see prefetch-gate.ts).
 * Every link of the studio is made with this one; `prefetch` means what it means for next/link.
 */
export function Link({ prefetch, ...props }: ComponentProps<typeof NextLink>) {
  const allowed = usePrefetchAllowed();
  return <NextLink {...props} prefetch={allowed ? prefetch : false} />;
}
