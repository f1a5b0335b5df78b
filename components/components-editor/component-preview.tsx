"use client";

import { useEffect, useState } from "react";
import { AppFrame } from "@/components/test-panel/app-frame";
import { Textarea } from "@/components/ui/input";
import type { ComponentCsp, ComponentKind } from "@/lib/hooks/use-components";

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** The component as a host would render it, fed with sample data as a tool result. Updates as you type. */
export function ComponentPreview({
  name,
  kind,
  text,
  csp,
  sampleData,
}: {
  name: string;
  kind: ComponentKind;
  /** The HTML document or the TSX module, as in the editor (unsaved). */
  text: string;
  csp: ComponentCsp;
  sampleData: Record<string, unknown>;
}) {
  const [sample, setSample] = useState(() => JSON.stringify(sampleData, null, 2));
  const debouncedHtml = useDebounced(text, kind === "tsx" ? 800 : 400);
  const debouncedSample = useDebounced(sample, 400);
  let structuredContent: unknown;
  let sampleError: string | null = null;
  try {
    structuredContent = JSON.parse(debouncedSample);
  } catch {
    sampleError = "Not valid JSON: the preview keeps the last valid data.";
  }
  const [lastGood, setLastGood] = useState<unknown>(structuredContent);
  if (!sampleError && JSON.stringify(lastGood) !== JSON.stringify(structuredContent)) setLastGood(structuredContent);
  const key = `${kind}:${debouncedHtml.length}:${hash(debouncedHtml)}:${JSON.stringify(csp)}:${JSON.stringify(lastGood)}`;

  return (
    <div className="space-y-3">
      <AppFrame
        key={key}
        title={`${name || "Component"} preview`}
        document={{ kind, text: debouncedHtml, csp, name: name || "preview" }}
        toolResult={{ content: [{ type: "text", text: JSON.stringify(lastGood) }], structuredContent: lastGood }}
      />
      <div className="space-y-1.5">
        <label htmlFor="component-preview-data" className="block text-sm font-medium">
          Preview data
        </label>
        <Textarea
          id="component-preview-data"
          rows={5}
          spellCheck={false}
          className="font-mono text-[13px]"
          value={sample}
          aria-invalid={sampleError ? true : undefined}
          onChange={(event) => setSample(event.target.value)}
        />
        <p className="text-xs text-muted">
          {sampleError ?? "Sent to the preview as the tool result's structuredContent (ui/notifications/tool-result)."}
        </p>
      </div>
    </div>
  );
}

function hash(text: string): number {
  let value = 0;
  for (let index = 0; index < text.length; index++) value = (value * 31 + text.charCodeAt(index)) | 0;
  return value;
}
