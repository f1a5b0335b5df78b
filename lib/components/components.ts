// Components: HTML documents UI Tools render in the host, with their CSP domains (MCP Apps).
// A TSX component is compiled at save (compile-component.ts): its source is kept for editing and
// its compiled document is what the draft serves and a package pins. A compile error refuses the
// save with 422 and where it is (file, line, column).
import "server-only";
import { z } from "zod";
import type { ProjectAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import type { Component, Prisma } from "@/lib/generated/prisma/client";
import { writeDraft } from "@/lib/projects/write-draft";
import { domainSchema } from "@/lib/tools/tool-schemas";
import { ComponentCompileError, compileComponent } from "./compile-component";

const origins = z.array(z.union([domainSchema, z.url()])).max(50);
export const cspSchema = z
  .object({ connectDomains: origins, resourceDomains: origins, frameDomains: origins, baseUriDomains: origins })
  .partial()
  .strict();

export const componentNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,63}$/, "must be lowercase letters, digits, _ or -, starting with a letter")
  .refine((name) => name !== "new", "“new” is reserved by the studio; choose another name");
const componentFields = {
  name: componentNameSchema,
  kind: z.enum(["html", "tsx"]),
  /** The document, for an HTML component (ignored for TSX: its document is compiled). */
  html: z.string().max(500_000),
  /** The TSX module, for a TSX component. */
  source: z.string().max(500_000),
  csp: cspSchema,
  title: z.string().max(200),
  description: z.string().max(2_000),
  prefersBorder: z.boolean(),
};
export const createComponentSchema = z
  .object(componentFields)
  .partial({ kind: true, html: true, source: true, csp: true, title: true, description: true, prefersBorder: true })
  .refine((input) => (input.kind === "tsx" ? input.source !== undefined : input.html !== undefined), {
    message: "an HTML component needs html, a TSX component needs source",
  });
export const updateComponentSchema = z.object(componentFields).partial();

export function presentComponent(component: Component) {
  const { projectId: _projectId, ...rest } = component;
  return {
    ...rest,
    kind: component.kind === "TSX" ? ("tsx" as const) : ("html" as const),
    csp: component.csp as z.infer<typeof cspSchema>,
  };
}

/** The document to store: as written for HTML, compiled for TSX (a compile error is a 422). */
async function servedHtml(input: { name: string; kind: "html" | "tsx"; html: string; source: string }): Promise<string> {
  if (input.kind === "html") return input.html;
  try {
    return await compileComponent({ name: input.name, source: input.source });
  } catch (error) {
    if (!(error instanceof ComponentCompileError)) throw error;
    const where = error.line ? `${error.file}:${error.line}:${error.column}: ` : "";
    throw new AppError("validation_failed", `${where}${error.message}`, {
      compile: { file: error.file, line: error.line, column: error.column, lineText: error.lineText, message: error.message },
    });
  }
}

async function getComponentRowOrThrow(projectId: string, name: string) {
  const component = await db.component.findUnique({ where: { projectId_name: { projectId, name } } });
  if (!component) throw notFound("Component");
  return component;
}

export async function listComponents(options: { access: ProjectAccess }) {
  const rows = await db.component.findMany({ where: { projectId: options.access.project.id }, orderBy: { name: "asc" } });
  return rows.map(presentComponent);
}

/** The project's component names: for pages that only need to know which exist (a TSX component's compiled document is large). */
export async function listComponentNames(options: { access: ProjectAccess }): Promise<string[]> {
  const rows = await db.component.findMany({
    where: { projectId: options.access.project.id },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  return rows.map((row) => row.name);
}

export async function getComponent(options: { access: ProjectAccess; name: string }) {
  return presentComponent(await getComponentRowOrThrow(options.access.project.id, options.name));
}

export async function createComponent(options: { access: ProjectAccess; input: z.input<typeof createComponentSchema> }) {
  const input = createComponentSchema.parse(options.input);
  const projectId = options.access.project.id;
  if (await db.component.findUnique({ where: { projectId_name: { projectId, name: input.name } } })) {
    throw conflict(`A component named "${input.name}" already exists in this project`);
  }
  const kind = input.kind ?? "html";
  const source = kind === "tsx" ? (input.source ?? "") : "";
  const html = await servedHtml({ name: input.name, kind, html: input.html ?? "", source });
  const created = await writeDraft(projectId, async (tx) => {
    return tx.component.create({
      data: {
        projectId,
        name: input.name,
        kind: kind === "tsx" ? "TSX" : "HTML",
        source,
        html,
        csp: (input.csp ?? {}) as Prisma.InputJsonValue,
        title: input.title,
        description: input.description,
        prefersBorder: input.prefersBorder,
      },
    });
  });
  return presentComponent(created);
}

export async function updateComponent(options: { access: ProjectAccess; name: string; input: z.input<typeof updateComponentSchema> }) {
  const input = updateComponentSchema.parse(options.input);
  const existing = await getComponentRowOrThrow(options.access.project.id, options.name);
  const kind = input.kind ?? (existing.kind === "TSX" ? "tsx" : "html");
  const name = input.name ?? existing.name;
  const source = kind === "tsx" ? (input.source ?? existing.source) : "";
  const recompile = kind === "tsx" && (input.kind !== undefined || input.source !== undefined || name !== existing.name);
  const html = recompile ? await servedHtml({ name, kind, html: "", source }) : kind === "html" ? input.html : undefined;
  const updated = await writeDraft(existing.projectId, async (tx) => {
    if (input.name && input.name !== existing.name) {
      const users = await tx.tool.count({
        where: { projectId: existing.projectId, OR: [{ componentName: existing.name }, { allowedComponents: { has: existing.name } }] },
      });
      if (users > 0) throw conflict(`"${existing.name}" is used by ${users} tool(s); point them at another component before renaming it`);
    }
    return tx.component.update({
      where: { id: existing.id },
      data: {
        name: input.name,
        kind: kind === "tsx" ? "TSX" : "HTML",
        source,
        html,
        csp: input.csp as Prisma.InputJsonValue | undefined,
        title: input.title,
        description: input.description,
        prefersBorder: input.prefersBorder,
      },
    });
  });
  return presentComponent(updated);
}

export async function deleteComponent(options: { access: ProjectAccess; name: string }) {
  const existing = await getComponentRowOrThrow(options.access.project.id, options.name);
  const users = await db.tool.findMany({
    where: { projectId: existing.projectId, OR: [{ componentName: existing.name }, { allowedComponents: { has: existing.name } }] },
    select: { name: true },
  });
  if (users.length)
    throw conflict(`"${existing.name}" is used by ${users.map((tool) => tool.name).join(", ")}; remove it from those tools first`);
  await writeDraft(existing.projectId, async (tx) => {
    await tx.component.delete({ where: { id: existing.id } });
  });
}
