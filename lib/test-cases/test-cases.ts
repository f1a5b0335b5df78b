// Saved test cases of a project's draft tools. Every write bumps the draft revision (writeDraft),
// because cases are part of the draft: pinned in the next package and diffed at publish.
import "server-only";
import type { ProjectAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import type { Prisma, TestCase } from "@/lib/generated/prisma/client";
import { writeDraft } from "@/lib/projects/write-draft";
import { getToolRowOrThrow } from "@/lib/tools/tools";
import {
  createTestCaseSchema,
  type CreateTestCaseInput,
  type Expectation,
  updateTestCaseSchema,
  type UpdateTestCaseInput,
} from "./test-case-input";

export function presentTestCase(testCase: TestCase & { tool?: { name: string } }, toolName?: string) {
  return {
    id: testCase.id,
    tool: toolName ?? testCase.tool?.name ?? "",
    name: testCase.name,
    input: testCase.input as Record<string, unknown>,
    expectations: testCase.expectations as Expectation[],
    createdAt: testCase.createdAt,
    updatedAt: testCase.updatedAt,
  };
}

export type PresentedTestCase = ReturnType<typeof presentTestCase>;

/** Every case of the project (or of one tool), ordered by tool then name. */
export async function listTestCases(options: { access: ProjectAccess; toolName?: string }) {
  const toolId = options.toolName
    ? (await getToolRowOrThrow({ projectId: options.access.project.id, name: options.toolName })).id
    : undefined;
  return unsafeListProjectTestCases(options.access.project.id, toolId);
}

/** The cases of a project without an access check, for the draft snapshot and the runner. */
export async function unsafeListProjectTestCases(projectId: string, toolId?: string) {
  const rows = await db.testCase.findMany({
    where: { projectId, ...(toolId ? { toolId } : {}) },
    include: { tool: { select: { name: true } } },
    orderBy: [{ tool: { name: "asc" } }, { name: "asc" }],
  });
  return rows.map((row) => presentTestCase(row));
}

async function getTestCaseRowOrThrow(toolId: string, name: string) {
  const row = await db.testCase.findUnique({ where: { toolId_name: { toolId, name } } });
  if (!row) throw notFound("Test case");
  return row;
}

export async function getTestCase(options: { access: ProjectAccess; toolName: string; name: string }) {
  const tool = await getToolRowOrThrow({ projectId: options.access.project.id, name: options.toolName });
  return presentTestCase(await getTestCaseRowOrThrow(tool.id, options.name), tool.name);
}

export async function createTestCase(options: { access: ProjectAccess; toolName: string; input: CreateTestCaseInput }) {
  const input = createTestCaseSchema.parse(options.input);
  const projectId = options.access.project.id;
  const tool = await getToolRowOrThrow({ projectId, name: options.toolName });
  const row = await writeDraft(projectId, async (tx) => {
    if (await tx.testCase.findUnique({ where: { toolId_name: { toolId: tool.id, name: input.name } } }))
      throw conflict(`"${tool.name}" already has a test case named "${input.name}"`);
    return tx.testCase.create({
      data: {
        projectId,
        toolId: tool.id,
        name: input.name,
        input: input.input as Prisma.InputJsonValue,
        expectations: input.expectations as Prisma.InputJsonValue,
      },
    });
  });
  return presentTestCase(row, tool.name);
}

export async function updateTestCase(options: { access: ProjectAccess; toolName: string; name: string; input: UpdateTestCaseInput }) {
  const input = updateTestCaseSchema.parse(options.input);
  const projectId = options.access.project.id;
  const tool = await getToolRowOrThrow({ projectId, name: options.toolName });
  const existing = await getTestCaseRowOrThrow(tool.id, options.name);
  const row = await writeDraft(projectId, async (tx) => {
    if (
      input.name &&
      input.name !== existing.name &&
      (await tx.testCase.findUnique({ where: { toolId_name: { toolId: tool.id, name: input.name } } }))
    )
      throw conflict(`"${tool.name}" already has a test case named "${input.name}"`);
    return tx.testCase.update({
      where: { id: existing.id },
      data: {
        name: input.name,
        input: input.input as Prisma.InputJsonValue | undefined,
        expectations: input.expectations as Prisma.InputJsonValue | undefined,
      },
    });
  });
  return presentTestCase(row, tool.name);
}

export async function deleteTestCase(options: { access: ProjectAccess; toolName: string; name: string }) {
  const projectId = options.access.project.id;
  const tool = await getToolRowOrThrow({ projectId, name: options.toolName });
  const existing = await getTestCaseRowOrThrow(tool.id, options.name);
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
    toolName: tool.name,
    input: { name, input: preset.arguments, expectations: [{ kind: "isError", value: false }] },
  });
}
