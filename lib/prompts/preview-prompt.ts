// The studio's prompt test panel: prompts/get of one saved draft prompt, rendered by the same code
// the MCP endpoint runs (render-prompt.ts), so what the panel shows is what hosts receive.
import { ProtocolError } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { ProjectAccess } from "@/lib/access";
import { AppError } from "@/lib/errors";
import { getPrompt } from "./prompts";
import { renderPrompt } from "./render-prompt";

export const previewPromptSchema = z.object({ arguments: z.record(z.string(), z.string()).default({}) });

export async function previewPrompt(options: { access: ProjectAccess; name: string; input: z.input<typeof previewPromptSchema> }) {
  const input = previewPromptSchema.parse(options.input);
  const prompt = await getPrompt({ access: options.access, name: options.name });
  const { project } = options.access;
  try {
    return await renderPrompt(prompt, input.arguments, {
      organizationId: project.organizationId,
      projectId: project.id,
      environment: "draft",
      locale: "en",
    });
  } catch (error) {
    if (error instanceof ProtocolError) throw new AppError("validation_failed", error.message, { mcpCode: error.code });
    throw error;
  }
}
