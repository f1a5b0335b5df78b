"use client";

import { Label } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { errorMessage } from "@/lib/hooks/api-fetch";
import { type TestGate, useSetTestGate, useTestGate } from "@/lib/hooks/use-test-cases";

const OPTIONS: Array<{ value: TestGate; label: string }> = [
  { value: "off", label: "Off: publish without running tests" },
  { value: "advisory", label: "Advisory: run tests, publish anyway" },
  { value: "required", label: "Required: failing tests block publish" },
];

/** Whether failing test cases block publish (Owners, Admins and project owners change it). */
export function TestGateSetting({ org, project, canConfigure }: { org: string; project: string; canConfigure: boolean }) {
  const gate = useTestGate(org, project);
  const setGate = useSetTestGate(org, project);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Label htmlFor="test-gate">Publish gate</Label>
      <Select
        id="test-gate"
        value={gate.data ?? "off"}
        disabled={!canConfigure || gate.isPending || setGate.isPending}
        onChange={(event) => setGate.mutate(event.target.value as TestGate)}
      >
        {OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
      {setGate.isError && (
        <span role="alert" className="text-sm text-danger">
          {errorMessage(setGate.error)}
        </span>
      )}
    </div>
  );
}
