// How the studio MCP server's tools answer: a JSON result as text, and every refusal — a role
// that does not allow it, a project of another organization, the server's validation — as an
// `isError` result whose text tells the model what to change (never a protocol error, never a
// stack trace).
import type { CallToolResult } from "@modelcontextprotocol/server";
import { z } from "zod";
import { getOrganizationAccess, getProjectAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { Permission } from "@/lib/permissions";

/** `origin`: where this server reaches its own MCP endpoints (test cases run on them; lib/test-cases). */
export type StudioContext = { actor: Actor; orgSlug: string; origin?: string };

export function jsonResult(data: unknown): CallToolResult {
  return { content: [{ type: "text", text: JSON.stringify(data, null, 2) }] };
}

function errorResult(text: string): CallToolResult {
  return { isError: true, content: [{ type: "text", text }] };
}

const ADVICE: Partial<Record<AppError["code"], string>> = {
  forbidden: "Your role in this organization does not allow this; ask an Owner or Admin, or do something your role allows.",
  not_found: "Check the name with list_projects / get_project (names are case-sensitive).",
  conflict: "Read the current state (get_project, get_tool) and try again.",
};

/** A thrown error as a result the model can act on. */
export function toolError(error: unknown): CallToolResult {
  if (error instanceof AppError) {
    const problems = (error.details?.problems as Array<{ item: string; message: string }> | undefined) ?? [];
    const lines = [`${error.code}: ${error.message}`, ...problems.slice(1).map((problem) => `- ${problem.item}: ${problem.message}`)];
    if (error.code === "validation_failed") lines.push("Fix the field named above and call the tool again.");
    else if (ADVICE[error.code]) lines.push(ADVICE[error.code] as string);
    return errorResult(lines.join("\n"));
  }
  if (error instanceof z.ZodError) {
    const fields = error.issues.map((issue) => `- ${issue.path.join(".") || "(input)"}: ${issue.message}`);
    return errorResult(["validation_failed: the input was refused", ...fields, "Fix these fields and call the tool again."].join("\n"));
  }
  console.error("[studio-mcp] tool failed", error);
  return errorResult("internal: something went wrong on the server. Try again; if it persists, tell an administrator.");
}

/** Runs a tool body, turning any refusal into an `isError` result. */
export async function answer(body: () => Promise<unknown>): Promise<CallToolResult> {
  try {
    return jsonResult(await body());
  } catch (error) {
    return toolError(error);
  }
}

export function projectAccess(context: StudioContext, project: string, permission: Permission) {
  return getProjectAccess({ actor: context.actor, orgSlug: context.orgSlug, projectSlug: project, permission });
}

export function organizationAccess(context: StudioContext, permission: Permission) {
  return getOrganizationAccess({ actor: context.actor, orgSlug: context.orgSlug, permission });
}

export const projectArgument = z.string().min(1).describe('The project\'s slug, as list_projects returns it (e.g. "weather").');
