// Components: HTML documents UI Tools render in the host, with their CSP domains (MCP Apps).
import { z } from "zod";
import type { ProjectAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import type { Component, Prisma } from "@/lib/generated/prisma/client";
import { touchDraft } from "@/lib/projects/touch-draft";
import { domainSchema } from "@/lib/tools/tool-input";

const origins = z.array(z.union([domainSchema, z.url()])).max(50);
export const cspSchema = z
  .object({ connectDomains: origins, resourceDomains: origins, frameDomains: origins, baseUriDomains: origins })
  .partial()
  .strict();

export const componentNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,63}$/, "must be lowercase letters, digits, _ or -, starting with a letter")
  .refine((name) => name !== "new", "“new” is reserved by the studio; choose another name");
export const createComponentSchema = z.object({ name: componentNameSchema, html: z.string().max(500_000), csp: cspSchema.default({}) });
export const updateComponentSchema = createComponentSchema.partial();

export function presentComponent(component: Component) {
  const { projectId: _projectId, ...rest } = component;
  return { ...rest, csp: component.csp as z.infer<typeof cspSchema> };
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

export async function getComponent(options: { access: ProjectAccess; name: string }) {
  return presentComponent(await getComponentRowOrThrow(options.access.project.id, options.name));
}

export async function createComponent(options: { access: ProjectAccess; input: z.input<typeof createComponentSchema> }) {
  const input = createComponentSchema.parse(options.input);
  const projectId = options.access.project.id;
  if (await db.component.findUnique({ where: { projectId_name: { projectId, name: input.name } } })) {
    throw conflict(`A component named "${input.name}" already exists in this project`);
  }
  const created = await db.$transaction(async (tx) => {
    await touchDraft(tx, projectId);
    return tx.component.create({ data: { projectId, name: input.name, html: input.html, csp: input.csp as Prisma.InputJsonValue } });
  });
  return presentComponent(created);
}

export async function updateComponent(options: { access: ProjectAccess; name: string; input: z.input<typeof updateComponentSchema> }) {
  const input = updateComponentSchema.parse(options.input);
  const existing = await getComponentRowOrThrow(options.access.project.id, options.name);
  const updated = await db.$transaction(async (tx) => {
    if (input.name && input.name !== existing.name) {
      const users = await tx.tool.count({
        where: { projectId: existing.projectId, OR: [{ componentName: existing.name }, { allowedComponents: { has: existing.name } }] },
      });
      if (users > 0) throw conflict(`"${existing.name}" is used by ${users} tool(s); point them at another component before renaming it`);
    }
    await touchDraft(tx, existing.projectId);
    return tx.component.update({
      where: { id: existing.id },
      data: { name: input.name, html: input.html, csp: input.csp as Prisma.InputJsonValue | undefined },
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
  await db.$transaction(async (tx) => {
    await tx.component.delete({ where: { id: existing.id } });
    await touchDraft(tx, existing.projectId);
  });
}
