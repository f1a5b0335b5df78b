"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { SectionHeader } from "@/components/ui/section-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { OutputBlock, OutputCode } from "@/components/ui/output-block";
import { errorMessage } from "@/lib/hooks/api-fetch";
import { expectationsFromMessages, SaveAsTestCase } from "@/components/tests/save-test-case";
import { TargetTestCases } from "@/components/tests/tool-test-cases";
import { type Prompt, type PromptInput, useDeletePrompt, usePreviewPrompt, useSavePrompt } from "@/lib/hooks/use-prompts";
import { PromptMessages } from "./prompt-messages";

const STARTER_MESSAGES = JSON.stringify(
  [{ role: "user", content: { type: "text", text: "Summarize {{topic}} in three bullet points." } }],
  null,
  2,
);
const STARTER_ARGUMENTS = JSON.stringify([{ name: "topic", description: "What to summarize", required: true }], null, 2);
const STARTER_HANDLER = `async (args, env) => {
  return [{ role: "user", content: { type: "text", text: "Hello" } }];
}`;

function parseJson(label: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${label} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Create or edit a prompt, and try the saved version in the test panel. */
export function PromptEditor({ org, project, initial, canEdit }: { org: string; project: string; initial?: Prompt; canEdit: boolean }) {
  const router = useRouter();
  const [name, setName] = useState(initial?.name ?? "");
  const [title, setTitle] = useState(initial?.title ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [mode, setMode] = useState<"template" | "handler">(initial?.mode ?? "template");
  const [argumentsText, setArgumentsText] = useState(initial ? JSON.stringify(initial.arguments, null, 2) : STARTER_ARGUMENTS);
  const [messagesText, setMessagesText] = useState(initial ? JSON.stringify(initial.messages, null, 2) : STARTER_MESSAGES);
  const [handler, setHandler] = useState(initial?.handler || STARTER_HANDLER);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useSavePrompt(org, project, initial?.name ?? null);
  const remove = useDeletePrompt(org, project, initial?.name ?? "");
  const base = `/orgs/${org}/projects/${project}/prompts`;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setSaved(false);
    try {
      const input: PromptInput = {
        name,
        title,
        description,
        mode,
        arguments: parseJson("Arguments", argumentsText) as PromptInput["arguments"],
        ...(mode === "template" ? { messages: parseJson("Messages", messagesText) as PromptInput["messages"] } : { handler }),
      };
      const result = await save.mutateAsync(input);
      setSaved(true);
      if (!initial || result.name !== initial.name) router.push(`${base}/${result.name}`);
      else router.refresh();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }

  return (
    <main className="space-y-6">
      <SectionHeader
        title={initial ? initial.name : "New prompt"}
        description="A prompt hosts offer as a slash command: a message template with {{argument}} placeholders, or a handler that returns the messages."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
        <form onSubmit={onSubmit} className="space-y-4" aria-label="Prompt">
          <Field label="Name" hint="lowercase_with_underscores; fixed once published.">
            {(control) => (
              <Input {...control} value={name} onChange={(event) => setName(event.target.value)} disabled={!canEdit} required />
            )}
          </Field>
          <Field label="Title">
            {(control) => <Input {...control} value={title} onChange={(event) => setTitle(event.target.value)} disabled={!canEdit} />}
          </Field>
          <Field label="Description">
            {(control) => (
              <Textarea {...control} value={description} onChange={(event) => setDescription(event.target.value)} disabled={!canEdit} />
            )}
          </Field>
          <Field
            label="Arguments"
            hint='JSON: [{ "name", "description", "required", "values" (offered by completion), or "complete": "async (value, others) => [...]" }]'
          >
            {(control) => (
              <Textarea
                {...control}
                className="font-mono text-xs"
                rows={6}
                value={argumentsText}
                onChange={(event) => setArgumentsText(event.target.value)}
                disabled={!canEdit}
              />
            )}
          </Field>
          <Field label="Kind">
            {(control) => (
              <Select
                {...control}
                value={mode}
                onChange={(event) => setMode(event.target.value as "template" | "handler")}
                disabled={!canEdit}
              >
                <option value="template">Message template</option>
                <option value="handler">Handler (runs in the sandbox)</option>
              </Select>
            )}
          </Field>
          {mode === "template" ? (
            <Field
              label="Messages"
              hint='JSON: [{ "role": "user" | "assistant", "content": { "type": "text", "text" } | { "type": "image", "data", "mimeType" } | { "type": "resource", "resource": { "uri", "text" } } }]; {{argument}} is replaced.'
            >
              {(control) => (
                <Textarea
                  {...control}
                  className="font-mono text-xs"
                  rows={10}
                  value={messagesText}
                  onChange={(event) => setMessagesText(event.target.value)}
                  disabled={!canEdit}
                />
              )}
            </Field>
          ) : (
            <Field label="Handler" hint="async (args, env) => messages: no secrets, no network; the arguments are strings.">
              {(control) => (
                <Textarea
                  {...control}
                  className="font-mono text-xs"
                  rows={10}
                  value={handler}
                  onChange={(event) => setHandler(event.target.value)}
                  disabled={!canEdit}
                />
              )}
            </Field>
          )}
          {problem && <Alert tone="danger">{problem}</Alert>}
          {saved && !problem && <Alert tone="success">Saved: live on the draft endpoint.</Alert>}
          {canEdit && (
            <div className="flex gap-2">
              <Button type="submit" variant="primary" loading={save.isPending}>
                {initial ? "Save" : "Create prompt"}
              </Button>
              {initial && (
                <Button
                  variant="danger"
                  loading={remove.isPending}
                  onClick={async () => {
                    try {
                      await remove.mutateAsync();
                      router.push(base);
                    } catch (error) {
                      setProblem(errorMessage(error));
                    }
                  }}
                >
                  Delete
                </Button>
              )}
            </div>
          )}
        </form>
        {initial && <PromptTestPanel org={org} project={project} prompt={initial} canRun={canEdit} />}
      </div>
    </main>
  );
}

function PromptTestPanel({ org, project, prompt, canRun }: { org: string; project: string; prompt: Prompt; canRun: boolean }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const preview = usePreviewPrompt(org, project, prompt.name);
  return (
    <aside aria-label="Test panel" className="min-w-0 space-y-4 self-start rounded-xl border border-line bg-surface p-4 shadow-xs">
      <div>
        <h3 className="text-base font-semibold">Test panel</h3>
        <p className="text-xs text-muted">Renders the saved prompt as prompts/get does on the draft endpoint.</p>
      </div>
      {!canRun ? (
        <p className="text-sm text-muted">Running prompts needs the Editor role or above.</p>
      ) : (
        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            preview.mutate(Object.fromEntries(Object.entries(values).filter(([, value]) => value !== "")));
          }}
        >
          {prompt.arguments.map((argument) => (
            <Field
              key={argument.name}
              label={argument.name}
              labelAside={argument.required ? <span className="text-xs text-muted">required</span> : undefined}
              hint={argument.description || undefined}
            >
              {(control) => (
                <Input
                  {...control}
                  value={values[argument.name] ?? ""}
                  onChange={(event) => setValues({ ...values, [argument.name]: event.target.value })}
                />
              )}
            </Field>
          ))}
          <Button type="submit" variant="primary" size="sm" loading={preview.isPending}>
            Get prompt
          </Button>
        </form>
      )}
      {preview.error && <Alert tone="danger">{errorMessage(preview.error)}</Alert>}
      {preview.data && (
        <div className="space-y-3">
          <PromptMessages messages={preview.data.messages} />
          {canRun && (
            <SaveAsTestCase
              org={org}
              project={project}
              target={{ kind: "prompt", name: prompt.name }}
              // The arguments the shown preview was rendered with (the mutation's own), not what the fields hold now.
              input={preview.variables ?? {}}
              expectations={expectationsFromMessages(preview.data.messages)}
            />
          )}
          {preview.data.logs.length > 0 && (
            <OutputBlock title="Console" level={4}>
              <OutputCode>{preview.data.logs.map((entry) => `[${entry.level}] ${entry.message}`).join("\n")}</OutputCode>
            </OutputBlock>
          )}
        </div>
      )}
      <TargetTestCases org={org} project={project} target={{ kind: "prompt", name: prompt.name }} />
    </aside>
  );
}
