// Saved test cases of a project's draft tools, prompts and resources (templates). Every write
// bumps the draft revision (writeDraft), because cases are part of the draft: pinned in the next
// package and diffed at publish. A case belongs to exactly one target (TestCase.toolId, promptId or
// resourceId); the functions below take the target as { kind, name }.
import "server-only";
import type { ProjectAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import type { Prisma, TestCase } from "@/lib/generated/prisma/client";
import { writeDraft } from "@/lib/projects/write-draft";
import { getToolRowOrThrow } from "@/lib/tools/tools";
import {
  createTestCaseSchema,
  type CreateTestCaseInput,
  type Expectation,
  expectationKindsFor,
  type TargetRef,
  type TestTarget,
  targetLabel,
  targetRef,
  updateTestCaseSchema,
  type UpdateTestCaseInput,
} from "./test-case-input";

type CaseRow = TestCase & { tool?: { name: string } | null; prompt?: { name: string } | null; resource?: { name: string } | null };

/** The include that gives presentTestCase its target's name. */
export const TEST_CASE_TARGET_NAMES = {
  tool: { select: { name: true } },
  prompt: { select: { name: true } },
  resource: { select: { name: true } },
} as const;

function targetOfRow(row: CaseRow, target?: TestTarget): TestTarget {
  if (target) return target;
  if (row.promptId) return { kind: "prompt", name: row.prompt?.name ?? "" };
  if (row.resourceId) return { kind: "resource", name: row.resource?.name ?? "" };
  return { kind: "tool", name: row.tool?.name ?? "" };
}

export function presentTestCase(testCase: CaseRow, target?: TestTarget) {
  return {
    id: testCase.id,
    ...(targetRef(targetOfRow(testCase, target)) as TargetRef),
    name: testCase.name,
    input: testCase.input as Record<string, unknown>,
    expectations: testCase.expectations as Expectation[],
    createdAt: testCase.createdAt,
    updatedAt: testCase.updatedAt,
  };
}

export type PresentedTestCase = ReturnType<typeof presentTestCase>;

/** The row of a target and the TestCase column that points at it. */
async function getTargetRowOrThrow(projectId: string, target: TestTarget) {
  switch (target.kind) {
    case "tool": {
      const tool = await getToolRowOrThrow({ projectId, name: target.name });
      return { id: tool.id, column: "toolId" as const };
    }
    case "prompt": {
      const prompt = await db.prompt.findUnique({ where: { projectId_name: { projectId, name: target.name } }, select: { id: true } });
      if (!prompt) throw notFound("Prompt");
      return { id: prompt.id, column: "promptId" as const };
    }
    case "resource": {
      const resource = await db.mcpResource.findUnique({
        where: { projectId_name: { projectId, name: target.name } },
        select: { id: true },
      });
      if (!resource) throw notFound("Resource");
      return { id: resource.id, column: "resourceId" as const };
    }
  }
}

type TargetRow = Awaited<ReturnType<typeof getTargetRowOrThrow>>;

function invalid(field: string, message: string) {
  return new AppError("validation_failed", `${field}: ${message}`, { field });
}

const whereTarget = (row: TargetRow) => ({ [row.column]: row.id });

/** Every case of the project (or of one target), ordered by tool then name, then prompts, then resources. */
export async function listTestCases(options: { access: ProjectAccess; target?: TestTarget }) {
  const projectId = options.access.project.id;
  if (!options.target) return unsafeListProjectTestCases(projectId);
  const row = await getTargetRowOrThrow(projectId, options.target);
  const rows = await db.testCase.findMany({ where: { projectId, ...whereTarget(row) }, orderBy: { name: "asc" } });
  return rows.map((testCase) => presentTestCase(testCase, options.target));
}

/** The cases of a project without an access check, for the runner and the Tests page. */
export async function unsafeListProjectTestCases(projectId: string) {
  const rows = await db.testCase.findMany({ where: { projectId }, include: TEST_CASE_TARGET_NAMES, orderBy: { name: "asc" } });
  return sortTestCases(rows.map((row) => presentTestCase(row)));
}

const KIND_ORDER = { tool: 0, prompt: 1, resource: 2 };

/** Tools' cases first (by tool, then case), then prompts', then resources'. */
export function sortTestCases<T extends TargetRef & { name: string }>(cases: T[]): T[] {
  const key = (item: T) => {
    const kind = item.prompt !== undefined ? "prompt" : item.resource !== undefined ? "resource" : "tool";
    return [KIND_ORDER[kind], item.tool ?? item.prompt ?? item.resource ?? "", item.name] as const;
  };
  return [...cases].sort((a, b) => {
    const [ka, ta, na] = key(a);
    const [kb, tb, nb] = key(b);
    if (ka !== kb) return ka - kb;
    if (ta !== tb) return ta < tb ? -1 : 1;
    return na < nb ? -1 : na > nb ? 1 : 0;
  });
}

async function getTestCaseRowOrThrow(target: TargetRow, name: string) {
  const row = await db.testCase.findFirst({ where: { ...whereTarget(target), name } });
  if (!row) throw notFound("Test case");
  return row;
}

/** Refuses expectations and inputs that mean nothing for the target (a MIME type of a prompt, a number as a prompt argument). */
function checkForTarget(target: TestTarget, input: { input?: Record<string, unknown>; expectations?: Expectation[] }) {
  const allowed = expectationKindsFor(target.kind);
  const wrong = (input.expectations ?? []).find((expectation) => !allowed.includes(expectation.kind));
  if (wrong) throw invalid("expectations", `${wrong.kind} is not an expectation a ${target.kind}'s test case can have`);
  if (target.kind !== "tool") {
    const notText = Object.entries(input.input ?? {}).find(([, value]) => typeof value !== "string");
    if (notText)
      throw invalid(
        `input.${notText[0]}`,
        target.kind === "prompt" ? "prompt arguments are strings" : "resource template variables are strings",
      );
  }
}

const taken = (target: TestTarget, name: string) => conflict(`${targetLabel(targetRef(target))} already has a test case named "${name}"`);

export async function getTestCase(options: { access: ProjectAccess; target: TestTarget; name: string }) {
  const row = await getTargetRowOrThrow(options.access.project.id, options.target);
  return presentTestCase(await getTestCaseRowOrThrow(row, options.name), options.target);
}

export async function createTestCase(options: { access: ProjectAccess; target: TestTarget; input: CreateTestCaseInput }) {
  const input = createTestCaseSchema.parse(options.input);
  checkForTarget(options.target, input);
  const projectId = options.access.project.id;
  const target = await getTargetRowOrThrow(projectId, options.target);
  const row = await writeDraft(projectId, async (tx) => {
    if (await tx.testCase.findFirst({ where: { ...whereTarget(target), name: input.name }, select: { id: true } }))
      throw taken(options.target, input.name);
    return tx.testCase.create({
      data: {
        projectId,
        [target.column]: target.id,
        name: input.name,
        input: input.input as Prisma.InputJsonValue,
        expectations: input.expectations as Prisma.InputJsonValue,
      },
    });
  });
  return presentTestCase(row, options.target);
}

export async function updateTestCase(options: { access: ProjectAccess; target: TestTarget; name: string; input: UpdateTestCaseInput }) {
  const input = updateTestCaseSchema.parse(options.input);
  checkForTarget(options.target, input);
  const projectId = options.access.project.id;
  const target = await getTargetRowOrThrow(projectId, options.target);
  const existing = await getTestCaseRowOrThrow(target, options.name);
  const row = await writeDraft(projectId, async (tx) => {
    if (
      input.name &&
      input.name !== existing.name &&
      (await tx.testCase.findFirst({ where: { ...whereTarget(target), name: input.name }, select: { id: true } }))
    )
      throw taken(options.target, input.name);
    return tx.testCase.update({
      where: { id: existing.id },
      data: {
        name: input.name,
        input: input.input as Prisma.InputJsonValue | undefined,
        expectations: input.expectations as Prisma.InputJsonValue | undefined,
      },
    });
  });
  return presentTestCase(row, options.target);
}

export async function deleteTestCase(options: { access: ProjectAccess; target: TestTarget; name: string }) {
  const projectId = options.access.project.id;
  const target = await getTargetRowOrThrow(projectId, options.target);
  const existing = await getTestCaseRowOrThrow(target, options.name);
  await writeDraft(projectId, async (tx) => {
    await tx.testCase.delete({ where: { id: existing.id } });
  });
}

/**
 * A test panel preset turned into a case in one click: its arguments as the input, expecting a
 * result that is not an error (the author adds sharper expectations afterwards).
 */
export async function createTestCaseFromPreset(options: { access: ProjectAccess; toolName: string; preset: string }) {
  const tool = await getToolRowOrThrow({ projectId: options.access.project.id, name: options.toolName });
  const presets = tool.presets as Array<{ name: string; arguments: Record<string, unknown> }>;
  const preset = presets.find((candidate) => candidate.name === options.preset);
  if (!preset) throw notFound("Preset");
  const base =
    preset.name
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "preset";
  const taken = new Set((await db.testCase.findMany({ where: { toolId: tool.id }, select: { name: true } })).map((row) => row.name));
  let name = base;
  for (let suffix = 2; taken.has(name); suffix++) name = `${base}-${suffix}`;
  return createTestCase({
    access: options.access,
    target: { kind: "tool", name: tool.name },
    input: { name, input: preset.arguments, expectations: [{ kind: "isError", value: false }] },
  });
}
