"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { CodeEditor } from "@/components/code-editor/code-editor";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { errorMessage } from "@/lib/hooks/api-fetch";
import type { JsonObject, Tool } from "@/lib/hooks/use-tools";
import type { CallToolResult } from "@modelcontextprotocol/client";
import type { ViewHost } from "./app-frame";
import {
  callToolFromView,
  connectDraft,
  DraftTokenRefusedError,
  readResourceFromView,
  readToolComponent,
  runTool,
  type ComponentDocument,
  type DraftConnection,
} from "./draft-client";
import { SaveTestCase } from "@/components/tests/save-test-case";
import { ToolTestCases } from "@/components/tests/tool-test-cases";
import { Presets } from "./presets";
import { ResultView, toolErrorOf } from "./result-view";
import { SchemaForm } from "./schema-form";
import { asSchema, defaultArguments, isPlainObject } from "./schema-form-model";

type Outcome =
  | {
      kind: "result";
      id: number;
      result: CallToolResult;
      durationMs: number;
      args: JsonObject;
      component: ComponentDocument | null;
      componentProblem: string | null;
    }
  | { kind: "failure"; id: number; message: string }
  | { kind: "cancelled"; id: number; afterMs: number };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Seconds since `startedAt`, ticking while a call runs. */
function Elapsed({ startedAt }: { startedAt: number }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(timer);
  }, []);
  return <span className="tabular-nums">{seconds(Math.max(0, now - startedAt))}</span>;
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

function parseArguments(text: string): { value?: JsonObject; error?: string } {
  try {
    const value: unknown = JSON.parse(text);
    return isPlainObject(value) ? { value } : { error: "Arguments must be a JSON object, like {}" };
  } catch (error) {
    return { error: `Arguments are not valid JSON: ${errorMessage(error)}` };
  }
}

/** Arguments (form or raw JSON) → tools/call on the draft endpoint → the result, as a host gets it. */
export function ToolRunner({
  org,
  project,
  tool,
  token,
  canSavePresets,
  onTokenRefused,
}: {
  org: string;
  project: string;
  tool: Tool;
  token: string;
  canSavePresets: boolean;
  onTokenRefused: (message: string) => void;
}) {
  const schema = asSchema(tool.inputSchema);
  const [args, setArgs] = useState<JsonObject>(() => defaultArguments(schema));
  const [formVersion, setFormVersion] = useState(0);
  const [mode, setMode] = useState<"form" | "raw">("form");
  const [rawText, setRawText] = useState("{}");
  const [rawError, setRawError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const connectionRef = useRef<DraftConnection | null>(null);
  const runIdRef = useRef(0);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const resultRef = useRef<HTMLElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // After a run, bring the result into view (the panel may be scrolled to the arguments).
  useEffect(() => {
    if (outcome) resultRef.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [outcome]);

  // The Cancel button the keyboard was on is gone: Run takes its place, and the focus.
  useEffect(() => {
    if (running || outcome?.kind !== "cancelled") return;
    if (document.activeElement === document.body || document.activeElement === null) {
      formRef.current?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
    }
  }, [outcome, running]);

  useEffect(() => () => abortRef.current?.abort(), []);

  // Run turns into a disabled "Running…" button: a keyboard user who pressed it lands on Cancel.
  const cancelRef = useRef<HTMLDivElement>(null);
  const focusCancelRef = useRef(false);
  useEffect(() => {
    if (!running || !focusCancelRef.current) return;
    focusCancelRef.current = false;
    cancelRef.current?.querySelector<HTMLButtonElement>("button[data-cancel]")?.focus();
  }, [running]);

  useEffect(() => () => void connectionRef.current?.client.close(), []);

  function replaceArguments(next: JsonObject) {
    setArgs(next);
    setFormVersion((version) => version + 1);
    setRawText(pretty(next));
    setRawError(null);
  }

  function switchMode(next: "form" | "raw") {
    if (next === mode) return;
    if (next === "raw") {
      setRawText(pretty(args));
      setRawError(null);
      setMode("raw");
      return;
    }
    const parsed = parseArguments(rawText);
    if (!parsed.value) return setRawError(parsed.error ?? null);
    replaceArguments(parsed.value);
    setMode("form");
  }

  function currentArguments(): JsonObject | string {
    if (mode === "form") return args;
    const parsed = parseArguments(rawText);
    return parsed.value ?? parsed.error ?? "Invalid arguments";
  }

  async function connection(): Promise<DraftConnection> {
    if (connectionRef.current?.token === token) return connectionRef.current;
    await connectionRef.current?.client.close();
    connectionRef.current = await connectDraft(org, project, token);
    return connectionRef.current;
  }

  // The view's requests go through the same connection (and credential) as the panel's calls.
  const viewHost: ViewHost = {
    callTool: async (params) => callToolFromView(await connection(), params),
    readResource: async (uri) => readResourceFromView(await connection(), uri),
  };

  async function run(event?: FormEvent) {
    event?.preventDefault();
    const input = currentArguments();
    if (typeof input === "string") return setRawError(input);
    setRawError(null);
    const active = document.activeElement;
    focusCancelRef.current =
      active instanceof HTMLButtonElement && active.type === "submit" && (formRef.current?.contains(active) ?? false);
    setRunning(true);
    const id = ++runIdRef.current;
    const controller = new AbortController();
    abortRef.current = controller;
    const started = performance.now();
    setStartedAt(started);
    try {
      const draft = await connection();
      const { result, durationMs } = await runTool(draft, tool.name, input, controller.signal);
      let component: ComponentDocument | null = null;
      let componentProblem: string | null = null;
      if (tool.kind === "ui" && !result.isError) {
        component = await readToolComponent(draft, tool.name).catch((error: unknown) => {
          if (error instanceof DraftTokenRefusedError) throw error;
          componentProblem = `The component could not be read: ${errorMessage(error)}`;
          return null;
        });
        if (!component && !componentProblem) componentProblem = "The draft endpoint lists no component for this tool.";
      }
      setOutcome({ kind: "result", id, result, durationMs, args: input, component, componentProblem });
    } catch (error) {
      if (controller.signal.aborted) {
        setOutcome({ kind: "cancelled", id, afterMs: performance.now() - started });
        return;
      }
      if (error instanceof DraftTokenRefusedError) {
        connectionRef.current = null;
        onTokenRefused(error.message);
        return;
      }
      setOutcome({ kind: "failure", id, message: errorMessage(error) });
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
      setRunning(false);
      setStartedAt(null);
    }
  }

  const toolError = outcome?.kind === "result" ? toolErrorOf(outcome.result) : null;
  const problem = toolError?.path !== undefined ? { path: toolError.path, message: toolError.message } : undefined;

  return (
    <div className="space-y-5">
      <Presets
        org={org}
        project={project}
        toolName={tool.name}
        presets={tool.presets}
        canSave={canSavePresets}
        currentArguments={currentArguments}
        onPick={(preset) => replaceArguments(preset.arguments)}
      />

      <form ref={formRef} onSubmit={run} noValidate className="space-y-4">
        <div className="flex items-center justify-between gap-2">
          <h4 className="text-sm font-medium">Arguments</h4>
          {/* biome-ignore lint/a11y/useSemanticElements: a segmented control (two toggle buttons), not a form fieldset. */}
          <div role="group" aria-label="Arguments input" className="inline-flex rounded-control border border-line-strong p-0.5 text-xs">
            {(["form", "raw"] as const).map((option) => (
              <button
                key={option}
                type="button"
                aria-pressed={mode === option}
                onClick={() => switchMode(option)}
                className={cn(
                  "rounded-[calc(var(--radius-control)-2px)] px-2.5 py-1 font-medium",
                  mode === option ? "bg-fg text-white" : "text-muted hover:text-fg",
                )}
              >
                {option === "form" ? "Form" : "Raw JSON"}
              </button>
            ))}
          </div>
        </div>

        {mode === "form" ? (
          <SchemaForm key={formVersion} schema={schema} value={args} onChange={setArgs} problem={problem} />
        ) : (
          <div className="space-y-1.5">
            <CodeEditor
              language="json"
              label="Arguments (JSON)"
              value={rawText}
              onChange={setRawText}
              invalid={Boolean(rawError)}
              minHeight="8rem"
              maxHeight="20rem"
            />
            {rawError && (
              <p role="alert" className="text-xs font-medium text-danger">
                {rawError}
              </p>
            )}
          </div>
        )}

        {running && startedAt !== null ? (
          <div ref={cancelRef} className="flex items-center gap-2">
            <Button type="submit" variant="primary" className="flex-1" loading>
              Running… <Elapsed startedAt={startedAt} />
            </Button>
            <Button data-cancel onClick={() => abortRef.current?.abort()}>
              Cancel
            </Button>
          </div>
        ) : (
          <Button type="submit" variant="primary" className="w-full">
            Run
          </Button>
        )}
      </form>

      {outcome && (
        <section ref={resultRef} aria-label="Result" aria-busy={running} className="scroll-mt-4 space-y-3 border-t border-line pt-4">
          <h4 className="text-sm font-semibold">Result</h4>
          {outcome.kind === "cancelled" ? (
            <Alert tone="warning" title="Cancelled">
              You cancelled the call after {seconds(outcome.afterMs)}. The server stopped the handler; Executions lists the call as
              cancelled.
            </Alert>
          ) : outcome.kind === "failure" ? (
            <Alert tone="danger" title="The call did not complete">
              {outcome.message}
            </Alert>
          ) : (
            <ResultView
              key={outcome.id}
              result={outcome.result}
              durationMs={outcome.durationMs}
              component={outcome.component}
              componentProblem={outcome.componentProblem}
              toolName={tool.name}
              args={outcome.args}
              viewHost={viewHost}
            />
          )}
          {outcome.kind === "result" && canSavePresets && (
            <SaveTestCase org={org} project={project} toolName={tool.name} args={outcome.args} result={outcome.result} />
          )}
        </section>
      )}
      <ToolTestCases org={org} project={project} toolName={tool.name} />
    </div>
  );
}
