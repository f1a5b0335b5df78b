// CodeMirror is a chunk of its own, loaded with a dynamic import (the one request every editor of a
// page awaits), so it is never part of the JavaScript that must run before a page is interactive.
export const loadEditor = () => import("./create-editor");

/**
 * On a cold load, starts fetching CodeMirror as soon as the HTML is parsed if the page has a code
 * editor, rather than when hydration reaches the editor's module (~300 ms later on the tool page,
 * measured with `scripts/bench-bundles.ts`). Called once, from the root providers' module.
 */
export function preloadEditorForThisPage() {
  if (typeof document === "undefined") return;
  const preload = () => {
    if (document.querySelector("[data-code-editor]")) void loadEditor();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", preload, { once: true });
  else preload();
}
