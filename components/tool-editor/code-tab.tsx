"use client";

import { useId, useMemo } from "react";
import { CodeEditor, type EditorDiagnostic } from "@/components/code-editor/code-editor";
import type { HandlerWorld } from "@/components/code-editor/handler-completions";
import { useToolSecrets } from "@/lib/hooks/use-tools";

/** The draft's input schema as typed (the last valid one is good enough for completion). */
function parseSchemaText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

export function CodeTab({
  org,
  project,
  toolName,
  inputSchema,
  handler,
  onChange,
  readOnly,
  error,
  diagnostic,
}: {
  org: string;
  project: string;
  toolName: string;
  /** The input schema's JSON text, as in the Schema tab. */
  inputSchema: string;
  handler: string;
  onChange: (handler: string) => void;
  readOnly: boolean;
  error?: string;
  diagnostic?: EditorDiagnostic;
}) {
  const hintId = useId();
  const errorId = useId();
  const secrets = useToolSecrets(org, project, toolName);
  const world = useMemo<HandlerWorld>(
    () => ({ inputSchema: parseSchemaText(inputSchema), secretNames: (secrets.data ?? []).map((secret) => secret.key) }),
    [inputSchema, secrets.data],
  );
  return (
    <div className="space-y-2">
      <CodeEditor
        language="javascript"
        label="Handler code"
        handlerWorld={world}
        value={handler}
        onChange={onChange}
        readOnly={readOnly}
        diagnostics={diagnostic ? [diagnostic] : []}
        invalid={Boolean(error)}
        describedBy={[hintId, error ? errorId : null].filter(Boolean).join(" ")}
        minHeight="20rem"
        maxHeight="36rem"
      />
      {error && (
        <p id={errorId} role="alert" className="text-xs font-medium text-danger">
          {error}
        </p>
      )}
      <p id={hintId} className="text-xs leading-relaxed text-muted">
        A function expression, <code className="font-mono text-fg">async (props, env) =&gt; output</code>.{" "}
        <code className="font-mono text-fg">env</code> has <code className="font-mono">secrets</code>,{" "}
        <code className="font-mono">organizationId</code>, <code className="font-mono">projectId</code>,{" "}
        <code className="font-mono">environment</code> and <code className="font-mono">locale</code>.{" "}
        <code className="font-mono">fetch()</code> reaches only the allowed domains; <code className="font-mono">console.*</code> is
        captured. The return value becomes structuredContent. Ctrl+Space completes; Tab indents, Escape then Tab leaves the editor.
      </p>
    </div>
  );
}
