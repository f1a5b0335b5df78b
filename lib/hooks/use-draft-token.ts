"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { apiFetch } from "@/lib/hooks/api-fetch";
import { queryKeys } from "@/lib/query-keys";

export type RotatedDraftToken = { token: string; prefix: string; rotatedAt: string };

/**
 * The draft token is stored hashed, so the studio can never read it back. The browser keeps the
 * one it was given (by a rotation here, or pasted by the user) in sessionStorage, per project:
 * the test panel keeps working for the rest of this tab's session and nothing outlives it.
 */
const storageKey = (org: string, project: string) => `atelier:draft-token:${org}/${project}`;
const CHANGE_EVENT = "atelier:draft-token-change";

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null; // storage disabled: the token lives only as long as the page
  }
}

const memory = new Map<string, string>();

export function readDraftToken(org: string, project: string): string | null {
  const key = storageKey(org, project);
  return storage()?.getItem(key) ?? memory.get(key) ?? null;
}

export function saveDraftToken(org: string, project: string, token: string) {
  const key = storageKey(org, project);
  memory.set(key, token);
  storage()?.setItem(key, token);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function forgetDraftToken(org: string, project: string) {
  const key = storageKey(org, project);
  memory.delete(key);
  storage()?.removeItem(key);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => window.removeEventListener(CHANGE_EVENT, onChange);
}

/** This tab's draft token for the project, or null (also during server rendering). */
export function useSessionDraftToken(org: string, project: string): string | null {
  return useSyncExternalStore(
    subscribe,
    () => readDraftToken(org, project),
    () => null,
  );
}

/** Rotates the draft token (the old one stops working at once) and keeps the new one for this tab. */
export function useRotateDraftToken(org: string, project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch<RotatedDraftToken>(`/app/v1/organizations/${encodeURIComponent(org)}/projects/${encodeURIComponent(project)}/draft-token`, {
        method: "POST",
      }),
    onSuccess: (rotated) => {
      saveDraftToken(org, project, rotated.token);
      return queryClient.invalidateQueries({ queryKey: queryKeys.project(org, project), exact: true });
    },
  });
}
