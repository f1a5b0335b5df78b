// Prompts (issue 13 §1): MCP prompts of a project's draft. Every save is live on the draft
// endpoint (the draft revision is bumped); a package pins them. A name is fixed once published,
// like a tool's: hosts show prompts as slash commands by name.
import "server-only";
import type { ProjectAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import type { Prisma, Prompt } from "@/lib/generated/prisma/client";
import { writeDraft } from "@/lib/projects/write-draft";
import { checkHandlerSyntax } from "@/lib/sandbox";
import {
  createPromptSchema,
  type CreatePromptInput,
  type PromptArgument,
  type PromptMessage,
  unknownPlaceholders,
  updatePromptSchema,
  type UpdatePromptInput,
} from "./prompt-input";

export const DEFAULT_PROMPT_HANDLER = `async (args, env) => {
  return [{ role: "user", content: { type: "text", text: "Hello" } }];
}`;

export function presentPrompt(prompt: Prompt) {
  return {
    id: prompt.id,
    name: prompt.name,
    title: prompt.title,
    description: prompt.description,
    arguments: prompt.arguments as PromptArgument[],
    mode: prompt.mode === "handler" ? ("handler" as const) : ("template" as const),
    messages: prompt.messages as PromptMessage[],
    handler: prompt.handler,
    createdAt: prompt.createdAt,
    updatedAt: prompt.updatedAt,
  };
}

function invalid(field: string, message: string, details: Record<string, unknown> = {}) {
  return new AppError("validation_failed", `${field}: ${message}`, { field, ...details });
}

/** What a prompt must satisfy whatever was edited: a template names only its arguments, a handler compiles. */
function assertConsistent(prompt: { mode: string; messages: PromptMessage[]; handler: string; arguments: PromptArgument[] }) {
  for (const argument of prompt.arguments) {
    if (argument.complete === undefined) continue;
    const check = checkHandlerSyntax(argument.complete);
    if (!check.ok) throw invalid("arguments", `${argument.name}.complete: line ${check.line}, column ${check.column}: ${check.message}`);
  }
  if (prompt.mode === "handler") {
    const check = checkHandlerSyntax(prompt.handler);
    if (!check.ok) {
      throw invalid("handler", `line ${check.line}, column ${check.column}: ${check.message}`, { line: check.line, column: check.column });
    }
    return;
  }
  if (prompt.messages.length === 0) throw invalid("messages", "a template prompt needs at least one message");
  const unknown = unknownPlaceholders(
    prompt.messages,
    prompt.arguments.map((argument) => argument.name),
  );
  if (unknown.length) {
    throw invalid(
      "messages",
      `${unknown.map((name) => `{{${name}}}`).join(", ")} name no argument of this prompt; declare them or remove them`,
    );
  }
}

async function getPromptRowOrThrow(projectId: string, name: string) {
  const prompt = await db.prompt.findUnique({ where: { projectId_name: { projectId, name } } });
  if (!prompt) throw notFound("Prompt");
  return prompt;
}

export async function listPrompts(options: { access: ProjectAccess }) {
  const rows = await db.prompt.findMany({ where: { projectId: options.access.project.id }, orderBy: { name: "asc" } });
  return rows.map(presentPrompt);
}

export async function getPrompt(options: { access: ProjectAccess; name: string }) {
  return presentPrompt(await getPromptRowOrThrow(options.access.project.id, options.name));
}

export async function createPrompt(options: { access: ProjectAccess; input: CreatePromptInput }) {
  const input = createPromptSchema.parse(options.input);
  const projectId = options.access.project.id;
  const mode = input.mode ?? "template";
  const fields = {
    mode,
    arguments: input.arguments ?? [],
    messages: input.messages ?? [],
    handler: mode === "handler" ? (input.handler ?? DEFAULT_PROMPT_HANDLER) : (input.handler ?? ""),
  };
  assertConsistent(fields);
  const created = await writeDraft(projectId, async (tx) => {
    if (await tx.prompt.findUnique({ where: { projectId_name: { projectId, name: input.name } } })) {
      throw conflict(`A prompt named "${input.name}" already exists in this project`);
    }
    return tx.prompt.create({
      data: {
        projectId,
        name: input.name,
        title: input.title ?? "",
        description: input.description ?? "",
        mode: fields.mode,
        arguments: fields.arguments as Prisma.InputJsonValue,
        messages: fields.messages as Prisma.InputJsonValue,
        handler: fields.handler,
      },
    });
  });
  return presentPrompt(created);
}

export async function updatePrompt(options: { access: ProjectAccess; name: string; input: UpdatePromptInput }) {
  const input = updatePromptSchema.parse(options.input);
  const projectId = options.access.project.id;
  const existing = presentPrompt(await getPromptRowOrThrow(projectId, options.name));
  const next = {
    mode: input.mode ?? existing.mode,
    arguments: input.arguments ?? existing.arguments,
    messages: input.messages ?? existing.messages,
    handler: input.handler ?? existing.handler,
  };
  if (next.mode === "handler" && !next.handler.trim()) next.handler = DEFAULT_PROMPT_HANDLER;
  assertConsistent(next);
  const newName = input.name !== undefined && input.name !== existing.name ? input.name : null;
  if (newName) await assertNeverPublished(projectId, existing.name);
  const updated = await writeDraft(projectId, async (tx) => {
    if (newName && (await tx.prompt.findUnique({ where: { projectId_name: { projectId, name: newName } } }))) {
      throw conflict(`A prompt named "${newName}" already exists in this project`);
    }
    return tx.prompt.update({
      where: { id: existing.id },
      data: {
        name: input.name,
        title: input.title,
        description: input.description,
        mode: next.mode,
        arguments: next.arguments as Prisma.InputJsonValue,
        messages: next.messages as Prisma.InputJsonValue,
        handler: next.handler,
      },
    });
  });
  return presentPrompt(updated);
}

export async function deletePrompt(options: { access: ProjectAccess; name: string }) {
  const existing = await getPromptRowOrThrow(options.access.project.id, options.name);
  await writeDraft(existing.projectId, async (tx) => {
    await tx.prompt.delete({ where: { id: existing.id } });
  });
}

// Hosts invoke prompts by name (slash commands): once a name is in a package it is fixed for good.
async function assertNeverPublished(projectId: string, name: string) {
  const published = await db.package.findFirst({
    where: { projectId, promptNames: { has: name } },
    orderBy: { createdAt: "desc" },
    select: { version: true },
  });
  if (published) {
    throw conflict(
      `"${name}" was published in ${published.version}; renaming would break hosts. Create a new prompt and delete this one (a breaking change the publish dialog will warn about).`,
    );
  }
}
