// Draft tools of a project. Every write is live on the draft endpoint at once.
import "server-only";
import type { ProjectAccess } from "@/lib/access";
import { db, type Tx } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkHandlerSyntax } from "@/lib/sandbox";
import { writeDraft } from "@/lib/projects/write-draft";
import { presentTool } from "./present-tool";
import { createToolSchema, updateToolSchema, type CreateToolInput, type UpdateToolInput } from "./tool-input";
import { DEFAULT_HANDLER, DEFAULT_INPUT_SCHEMA } from "./tool-schemas";

const withSecretNames = { secrets: { select: { key: true }, orderBy: { key: "asc" } } } as const;

function invalid(field: string, message: string, details: Record<string, unknown> = {}) {
  return new AppError("validation_failed", `${field}: ${message}`, { field, ...details });
}

function assertHandlerCompiles(handler: string) {
  const check = checkHandlerSyntax(handler);
  if (!check.ok)
    throw invalid("handler", `line ${check.line}, column ${check.column}: ${check.message}`, { line: check.line, column: check.column });
}

async function assertComponentsExist(tx: Tx, projectId: string, names: string[]) {
  if (names.length === 0) return;
  const found = await tx.component.findMany({ where: { projectId, name: { in: names } }, select: { name: true } });
  const missing = names.filter((name) => !found.some((component) => component.name === name));
  if (missing.length) throw invalid("component", `no component named ${missing.map((n) => `"${n}"`).join(", ")} in this project`);
}

// Hosts call tools by name, and production pairs a published tool with its live secrets and
// allowed domains by name: once a name is in a package it is fixed for good (SPEC §1).
async function assertNeverPublished(projectId: string, name: string) {
  const published = await db.package.findFirst({
    where: { projectId, toolNames: { has: name } },
    orderBy: { createdAt: "desc" },
    select: { version: true },
  });
  if (published) {
    throw conflict(
      `"${name}" was published in ${published.version}; renaming would break hosts. Create a new tool and delete this one (a breaking change the publish dialog will warn about).`,
    );
  }
}

export async function getToolRowOrThrow({ projectId, name }: { projectId: string; name: string }) {
  const tool = await db.tool.findUnique({ where: { projectId_name: { projectId, name } }, include: withSecretNames });
  if (!tool) throw notFound("Tool");
  return tool;
}

export async function listTools(options: { access: ProjectAccess; kind?: "data" | "ui" }) {
  const tools = await db.tool.findMany({
    where: { projectId: options.access.project.id, ...(options.kind ? { kind: options.kind === "data" ? "DATA" : "UI" } : {}) },
    include: withSecretNames,
    orderBy: { name: "asc" },
  });
  return tools.map(presentTool);
}

export async function getTool(options: { access: ProjectAccess; name: string }) {
  return presentTool(await getToolRowOrThrow({ projectId: options.access.project.id, name: options.name }));
}

export async function createTool(options: { access: ProjectAccess; input: CreateToolInput }) {
  const input = createToolSchema.parse(options.input);
  const projectId = options.access.project.id;
  if (input.kind === "data") assertHandlerCompiles(input.handler ?? DEFAULT_HANDLER);
  if (input.kind === "ui" && !input.component) throw invalid("component", "a UI Tool needs a root component");
  const tool = await writeDraft(projectId, async (tx) => {
    if (await tx.tool.findUnique({ where: { projectId_name: { projectId, name: input.name } } })) {
      throw conflict(`A tool named "${input.name}" already exists in this project`);
    }
    await assertComponentsExist(tx, projectId, [...(input.component ? [input.component] : []), ...(input.allowedComponents ?? [])]);
    return tx.tool.create({
      data: {
        projectId,
        name: input.name,
        kind: input.kind === "data" ? "DATA" : "UI",
        title: input.title ?? "",
        description: input.description ?? "",
        inputSchema: (input.inputSchema ?? DEFAULT_INPUT_SCHEMA) as Prisma.InputJsonValue,
        outputSchema: (input.outputSchema ?? undefined) as Prisma.InputJsonValue | undefined,
        annotations: (input.annotations ?? {}) as Prisma.InputJsonValue,
        handler: input.kind === "data" ? (input.handler ?? DEFAULT_HANDLER) : "",
        componentName: input.kind === "ui" ? input.component : null,
        allowedComponents: input.allowedComponents ?? [],
        allowedDomains: input.allowedDomains ?? [],
        timeoutMs: input.timeoutMs,
        memoryMb: input.memoryMb,
        visibility: input.visibility,
        presets: (input.presets ?? []) as Prisma.InputJsonValue,
      },
      include: withSecretNames,
    });
  });
  return presentTool(tool);
}

export async function updateTool(options: { access: ProjectAccess; name: string; input: UpdateToolInput }) {
  const input = updateToolSchema.parse(options.input);
  const projectId = options.access.project.id;
  const existing = await getToolRowOrThrow({ projectId, name: options.name });
  if (input.handler !== undefined && existing.kind === "DATA") assertHandlerCompiles(input.handler);
  if (existing.kind === "UI" && input.component === null) throw invalid("component", "a UI Tool needs a root component");
  const newName = input.name !== undefined && input.name !== existing.name ? input.name : null;
  if (newName) await assertNeverPublished(projectId, existing.name);
  const tool = await writeDraft(projectId, async (tx) => {
    if (newName && (await tx.tool.findUnique({ where: { projectId_name: { projectId, name: newName } } }))) {
      throw conflict(`A tool named "${newName}" already exists in this project`);
    }
    await assertComponentsExist(tx, projectId, [...(input.component ? [input.component] : []), ...(input.allowedComponents ?? [])]);
    return tx.tool.update({
      where: { id: existing.id },
      data: {
        name: input.name,
        title: input.title,
        description: input.description,
        inputSchema: input.inputSchema as Prisma.InputJsonValue | undefined,
        outputSchema: input.outputSchema === null ? Prisma.DbNull : (input.outputSchema as Prisma.InputJsonValue | undefined),
        annotations: input.annotations as Prisma.InputJsonValue | undefined,
        handler: existing.kind === "DATA" ? input.handler : undefined,
        componentName: existing.kind === "UI" ? (input.component ?? undefined) : undefined,
        allowedComponents: input.allowedComponents,
        allowedDomains: input.allowedDomains,
        timeoutMs: input.timeoutMs,
        memoryMb: input.memoryMb,
        visibility: input.visibility,
        presets: input.presets as Prisma.InputJsonValue | undefined,
      },
      include: withSecretNames,
    });
  });
  return presentTool(tool);
}

export async function deleteTool(options: { access: ProjectAccess; name: string }) {
  const tool = await getToolRowOrThrow({ projectId: options.access.project.id, name: options.name });
  await writeDraft(options.access.project.id, async (tx) => {
    await tx.tool.delete({ where: { id: tool.id } });
  });
}
