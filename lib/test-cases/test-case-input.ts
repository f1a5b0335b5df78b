// What a saved test case is: a name, its target's input (a tool's arguments, a prompt's arguments,
// a resource template's variables), and expectations the result must meet. One schema serves the
// admin API, the studio form and the package manifest.
import { z } from "zod";
import { checkSchemaDefinition } from "@/lib/json-schema/json-schema";
import type { TestTargetKind } from "./test-target";

const jsonValue: z.ZodType<unknown> = z.unknown().refine((value) => value !== undefined, "is required");

function checkRegex(pattern: string, flags: string | undefined) {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}

export const expectationSchema = z.discriminatedUnion("kind", [
  /** The result is (true) or is not (false) an error. */
  z.object({ kind: z.literal("isError"), value: z.boolean() }),
  /** structuredContent equals this JSON value exactly (key order ignored). */
  z.object({ kind: z.literal("structuredEquals"), value: jsonValue }),
  /** structuredContent contains this value as a deep subset (objects: these keys; arrays: these items in order, at least). */
  z.object({ kind: z.literal("structuredContains"), value: jsonValue }),
  /** structuredContent is valid against this JSON Schema 2020-12. */
  z.object({
    kind: z.literal("structuredMatchesSchema"),
    schema: z.record(z.string(), z.unknown()).superRefine((schema, context) => {
      const problem = checkSchemaDefinition(schema);
      if (problem) context.addIssue({ code: "custom", message: `not a valid JSON Schema: ${problem}` });
    }),
  }),
  /** Some text content block contains this string. */
  z.object({ kind: z.literal("textContains"), value: z.string().min(1).max(10_000) }),
  /** Some text content block matches this regular expression (JavaScript syntax). */
  z
    .object({
      kind: z.literal("textMatches"),
      pattern: z.string().min(1).max(1000),
      flags: z
        .string()
        .regex(/^[dgimsuy]*$/, "may only use the flags d, g, i, m, s, u, y")
        .optional(),
    })
    .refine((value) => checkRegex(value.pattern, value.flags), { message: "is not a valid regular expression", path: ["pattern"] }),
  /** The result is an error with this code (`error.code` of an isError result, or a JSON-RPC error code). */
  z.object({ kind: z.literal("errorCode"), code: z.string().min(1).max(100) }),
  /** The call answers within this many milliseconds. */
  z.object({ kind: z.literal("maxDurationMs"), value: z.number().int().min(1).max(600_000) }),
  /** Resources only: some contents item has this MIME type. */
  z.object({ kind: z.literal("mimeType"), value: z.string().min(1).max(200) }),
]);

export type Expectation = z.infer<typeof expectationSchema>;

// Targets (what a case runs against) live in ./test-target, free of zod, for the studio's client code.
export { type TargetRef, type TestTarget, type TestTargetKind, targetKey, targetLabel, targetOf, targetRef } from "./test-target";

/** The expectation kinds that mean something for a target (prompts have no MIME type, tools neither). */
export function expectationKindsFor(kind: TestTargetKind): Expectation["kind"][] {
  const common: Expectation["kind"][] = [
    "isError",
    "structuredEquals",
    "structuredContains",
    "structuredMatchesSchema",
    "textContains",
    "textMatches",
    "errorCode",
    "maxDurationMs",
  ];
  return kind === "resource" ? [...common, "mimeType"] : common;
}

export const testCaseNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/i, "must be letters, digits, - or _ (up to 64), like paris or missing-city");

export const createTestCaseSchema = z.object({
  name: testCaseNameSchema,
  input: z.record(z.string(), z.unknown()).default({}),
  expectations: z.array(expectationSchema).min(1, "a test case needs at least one expectation").max(20),
});

export const updateTestCaseSchema = createTestCaseSchema.partial();

export type CreateTestCaseInput = z.input<typeof createTestCaseSchema>;
export type UpdateTestCaseInput = z.input<typeof updateTestCaseSchema>;
