// Resources (issue 13 §2): static resources and resource templates of a project's draft, served
// next to the ui:// components. Every save is live on the draft endpoint; a package pins them. A
// name is fixed once published, and so is what it identifies for hosts (its URI can change, which
// the publish dialog reports as a breaking change).
import "server-only";
import type { ProjectAccess } from "@/lib/access";
import { db, type Tx } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import type { McpResource } from "@/lib/generated/prisma/client";
import { writeDraft } from "@/lib/projects/write-draft";
import { checkHandlerSyntax } from "@/lib/sandbox";
import {
  createResourceSchema,
  type CreateResourceInput,
  MAX_RESOURCE_BYTES,
  updateResourceSchema,
  type UpdateResourceInput,
  uriProblem,
} from "./resource-input";

export const DEFAULT_TEMPLATE_HANDLER = `async (variables, env) => {
  return { text: JSON.stringify(variables) };
}`;

export function presentResource(resource: McpResource) {
  return {
    id: resource.id,
    name: resource.name,
    kind: resource.kind === "template" ? ("template" as const) : ("static" as const),
    uri: resource.uri,
    title: resource.title,
    description: resource.description,
    mimeType: resource.mimeType,
    text: resource.text,
    blob: resource.blob,
    handler: resource.handler,
    completions: resource.completions as Record<string, string[] | string>,
    createdAt: resource.createdAt,
    updatedAt: resource.updatedAt,
  };
}

function invalid(field: string, message: string, details: Record<string, unknown> = {}) {
  return new AppError("validation_failed", `${field}: ${message}`, { field, ...details });
}

type Fields = { kind: "static" | "template"; uri: string; text: string | null; blob: string | null; handler: string };
type CheckedFields = Fields & { completions?: Record<string, string[] | string> };

function assertConsistent(fields: CheckedFields) {
  const problem = uriProblem(fields.uri, fields.kind);
  if (problem) throw invalid("uri", problem);
  if (fields.kind === "template") {
    for (const [variable, source] of Object.entries(fields.completions ?? {})) {
      if (typeof source !== "string") continue;
      const check = checkHandlerSyntax(source);
      if (!check.ok) throw invalid("completions", `${variable}: line ${check.line}, column ${check.column}: ${check.message}`);
    }
    const check = checkHandlerSyntax(fields.handler);
    if (!check.ok) {
      throw invalid("handler", `line ${check.line}, column ${check.column}: ${check.message}`, { line: check.line, column: check.column });
    }
    return;
  }
  if ((fields.text === null) === (fields.blob === null))
    throw invalid("text", "a static resource has exactly one of text or blob (base64)");
  const bytes = fields.text !== null ? Buffer.byteLength(fields.text, "utf8") : Buffer.from(fields.blob ?? "", "base64").length;
  if (bytes > MAX_RESOURCE_BYTES) {
    throw new AppError(
      "payload_too_large",
      `${fields.text !== null ? "text" : "blob"}: the contents are ${bytes} bytes; at most ${MAX_RESOURCE_BYTES} are allowed`,
    );
  }
}

async function getResourceRowOrThrow(projectId: string, name: string) {
  const resource = await db.mcpResource.findUnique({ where: { projectId_name: { projectId, name } } });
  if (!resource) throw notFound("Resource");
  return resource;
}

async function assertUriFree(tx: Tx, projectId: string, uri: string, exceptId?: string) {
  const taken = await tx.mcpResource.findUnique({ where: { projectId_uri: { projectId, uri } }, select: { id: true, name: true } });
  if (taken && taken.id !== exceptId) throw conflict(`The resource "${taken.name}" already has the URI ${uri}`);
}

export async function listResources(options: { access: ProjectAccess }) {
  const rows = await db.mcpResource.findMany({ where: { projectId: options.access.project.id }, orderBy: { name: "asc" } });
  return rows.map(presentResource);
}

export async function getResource(options: { access: ProjectAccess; name: string }) {
  return presentResource(await getResourceRowOrThrow(options.access.project.id, options.name));
}

export async function createResource(options: { access: ProjectAccess; input: CreateResourceInput }) {
  const input = createResourceSchema.parse(options.input);
  const projectId = options.access.project.id;
  const kind = input.kind ?? "static";
  const fields: Fields = {
    kind,
    uri: input.uri,
    text: kind === "static" ? (input.text ?? (input.blob == null ? "" : null)) : null,
    blob: kind === "static" ? (input.blob ?? null) : null,
    handler: kind === "template" ? (input.handler ?? DEFAULT_TEMPLATE_HANDLER) : "",
  };
  assertConsistent({ ...fields, completions: input.completions });
  const created = await writeDraft(projectId, async (tx) => {
    if (await tx.mcpResource.findUnique({ where: { projectId_name: { projectId, name: input.name } } })) {
      throw conflict(`A resource named "${input.name}" already exists in this project`);
    }
    await assertUriFree(tx, projectId, fields.uri);
    return tx.mcpResource.create({
      data: {
        projectId,
        name: input.name,
        ...fields,
        title: input.title ?? "",
        description: input.description ?? "",
        mimeType: input.mimeType ?? (kind === "static" && fields.blob !== null ? "application/octet-stream" : "text/plain"),
        completions: input.completions ?? {},
      },
    });
  });
  return presentResource(created);
}

export async function updateResource(options: { access: ProjectAccess; name: string; input: UpdateResourceInput }) {
  const input = updateResourceSchema.parse(options.input);
  const projectId = options.access.project.id;
  const existing = presentResource(await getResourceRowOrThrow(projectId, options.name));
  // Switching between text and blob: setting one clears the other.
  const text = input.text !== undefined ? input.text : input.blob != null ? null : existing.text;
  const blob = input.blob !== undefined ? input.blob : input.text != null ? null : existing.blob;
  const fields: Fields = {
    kind: existing.kind,
    uri: input.uri ?? existing.uri,
    text: existing.kind === "static" ? text : null,
    blob: existing.kind === "static" ? blob : null,
    handler: existing.kind === "template" ? (input.handler ?? existing.handler) : "",
  };
  assertConsistent({ ...fields, completions: input.completions ?? existing.completions });
  const newName = input.name !== undefined && input.name !== existing.name ? input.name : null;
  if (newName) await assertNeverPublished(projectId, existing.name);
  const updated = await writeDraft(projectId, async (tx) => {
    if (newName && (await tx.mcpResource.findUnique({ where: { projectId_name: { projectId, name: newName } } }))) {
      throw conflict(`A resource named "${newName}" already exists in this project`);
    }
    if (fields.uri !== existing.uri) await assertUriFree(tx, projectId, fields.uri, existing.id);
    return tx.mcpResource.update({
      where: { id: existing.id },
      data: {
        name: input.name,
        ...fields,
        title: input.title,
        description: input.description,
        mimeType: input.mimeType,
        completions: input.completions,
      },
    });
  });
  return presentResource(updated);
}

export async function deleteResource(options: { access: ProjectAccess; name: string }) {
  const existing = await getResourceRowOrThrow(options.access.project.id, options.name);
  await writeDraft(existing.projectId, async (tx) => {
    await tx.mcpResource.delete({ where: { id: existing.id } });
  });
}

async function assertNeverPublished(projectId: string, name: string) {
  const published = await db.package.findFirst({
    where: { projectId, resourceNames: { has: name } },
    orderBy: { createdAt: "desc" },
    select: { version: true },
  });
  if (published) {
    throw conflict(`"${name}" was published in ${published.version}; create a new resource and delete this one instead of renaming it.`);
  }
}
