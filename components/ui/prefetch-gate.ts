import { useSyncExternalStore } from "react";

// Speculative prefetching waits for the page's own code.
//
// Next prefetches every link that scrolls into view. On a project page that is the sidebar, the
// breadcrumbs and the lists: a couple of dozen server renders fired the moment the page hydrates.
// On a cold load, with 2 cores shared by the browser and the server, they compete with what the
// page itself still needs (the code editor's chunks, its API calls). Measured with
// `scripts/bench-bundles.ts`, they pushed the tool editor's first keystroke back by ~250 ms.
// So links made with `@/components/ui/link` prefetch only once the document has loaded, every
// element marked `data-defer-prefetch` (a code editor still loading) is gone, a further second has
// passed (the page's first keystroke or click comes before the prefetches of the sidebar, some two
// dozen server renders and responses) and the browser is idle. After that, for the rest of the
// document's life, links prefetch as Next would have. A marked element that never settles holds
// prefetching for at most HOLD_LIMIT_MS.

const HOLD_LIMIT_MS = 5_000;
const QUIET_MS = 1_000;
const HOLDING = "[data-defer-prefetch]";

let open = false;
let started = false;
const listeners = new Set<() => void>();

function openGate() {
  open = true;
  for (const listener of listeners) listener();
}

function openAfterQuiet() {
  setTimeout(() => {
    if ("requestIdleCallback" in window) window.requestIdleCallback(openGate, { timeout: 1_000 });
    else openGate();
  }, QUIET_MS);
}

function afterLoad() {
  if (!document.querySelector(HOLDING)) return openAfterQuiet();
  const release = () => {
    observer.disconnect();
    clearTimeout(limit);
    openAfterQuiet();
  };
  const observer = new MutationObserver(() => {
    if (!document.querySelector(HOLDING)) release();
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-defer-prefetch"] });
  const limit = setTimeout(release, HOLD_LIMIT_MS);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!started) {
    started = true;
    if (document.readyState === "complete") afterLoad();
    else window.addEventListener("load", afterLoad, { once: true });
  }
  return () => {
    listeners.delete(listener);
  };
}

/** Whether links may prefetch yet: false on the server and until this document's page has settled. */
export function usePrefetchAllowed() {
  return useSyncExternalStore(
    subscribe,
    () => open,
    () => false,
  );
}
