"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { errorMessage } from "@/lib/hooks/api-fetch";
import { type Expectation, useCreateTestCase } from "@/lib/hooks/use-test-cases";
import type { TestTarget } from "@/lib/test-cases/test-case-input";

type Result = { isError?: boolean; structuredContent?: unknown; content?: Array<{ type: string; text?: string }> };

/** What the result just seen promises: its error status, and its structuredContent or error code. */
export function expectationsFromResult(result: Result): Expectation[] {
  if (result.isError) {
    const text = result.content?.find((block) => block.type === "text")?.text;
    let code: unknown;
    try {
      code = (result.structuredContent ?? JSON.parse(text ?? "null"))?.error?.code;
    } catch {
      code = undefined;
    }
    return [{ kind: "isError", value: true }, ...(typeof code === "string" ? [{ kind: "errorCode" as const, code }] : [])];
  }
  return [
    { kind: "isError", value: false },
    ...(result.structuredContent !== undefined ? [{ kind: "structuredEquals" as const, value: result.structuredContent }] : []),
  ];
}

/** What a prompt's rendered messages promise: no error, and these messages exactly. */
export function expectationsFromMessages(messages: unknown[]): Expectation[] {
  return [
    { kind: "isError", value: false },
    { kind: "structuredEquals", value: messages },
  ];
}

/** What a resource read promises: no error, its MIME type, and its JSON (or the start of its text). */
export function expectationsFromContents(contents: Array<{ mimeType?: string; text?: string }>): Expectation[] {
  const first = contents[0];
  const expectations: Expectation[] = [{ kind: "isError", value: false }];
  if (first?.mimeType) expectations.push({ kind: "mimeType", value: first.mimeType });
  if (first?.text !== undefined) {
    try {
      expectations.push({ kind: "structuredEquals", value: JSON.parse(first.text) });
    } catch {
      const start = first.text.split("\n")[0].slice(0, 200);
      if (start) expectations.push({ kind: "textContains", value: start });
    }
  }
  return expectations;
}

/** "Save as test case" under a test panel result: this input, expecting this result. */
export function SaveAsTestCase({
  org,
  project,
  target,
  input,
  expectations,
}: {
  org: string;
  project: string;
  target: TestTarget;
  input: Record<string, unknown>;
  expectations: Expectation[];
}) {
  const [name, setName] = useState("");
  const create = useCreateTestCase(org, project, target);
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ name: name.trim(), input, expectations });
      }}
    >
      <Input
        aria-label="Test case name"
        placeholder="Test case name, like paris"
        value={name}
        onChange={(event) => setName(event.target.value)}
        className="w-56"
      />
      <Button type="submit" size="sm" disabled={!name.trim()} loading={create.isPending}>
        Save as test case
      </Button>
      <span role="status" className="text-sm text-muted">
        {create.isSuccess && `Saved "${create.data.name}": expects this result.`}
        {create.isError && errorMessage(create.error)}
      </span>
    </form>
  );
}

/** The tool test panel's "Save as test case": these arguments, expecting this result. */
export function SaveTestCase({
  org,
  project,
  toolName,
  args,
  result,
}: {
  org: string;
  project: string;
  toolName: string;
  args: Record<string, unknown>;
  result: Result;
}) {
  return (
    <SaveAsTestCase
      org={org}
      project={project}
      target={{ kind: "tool", name: toolName }}
      input={args}
      expectations={expectationsFromResult(result)}
    />
  );
}
