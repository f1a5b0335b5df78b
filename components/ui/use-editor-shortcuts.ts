"use client";

import { useEffect, useRef } from "react";

/**
 * Ctrl+S / Cmd+S saves (instead of the browser's "save page"). Leaving with unsaved changes (links,
 * reload, closing the tab) is asked about by <UnsavedChangesGuard dirty={…} />, rendered by the editor.
 */
export function useEditorShortcuts({ onSave }: { onSave: () => void }) {
  const saveRef = useRef(onSave);
  useEffect(() => {
    saveRef.current = onSave;
  }, [onSave]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
