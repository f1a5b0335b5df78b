"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { errorMessage } from "@/lib/hooks/api-fetch";
import { type Expectation, useCreateTestCase } from "@/lib/hooks/use-test-cases";

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

/** "Save as test case" under a test panel result: these arguments, expecting this result. */
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
  const [name, setName] = useState("");
  const create = useCreateTestCase(org, project, toolName);
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ name: name.trim(), input: args, expectations: expectationsFromResult(result) });
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
