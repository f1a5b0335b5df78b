// The studio's resource test panel: resources/read of one saved draft resource (a template: the
// URI the panel expanded from its variables), by the same code the MCP endpoint runs.
import { ProtocolError } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { ProjectAccess } from "@/lib/access";
import { AppError } from "@/lib/errors";
import { readResource } from "./read-resource";
import { getResource } from "./resources";

export const previewResourceSchema = z.object({ uri: z.string().max(2_000).optional() });

export async function previewResource(options: { access: ProjectAccess; name: string; input: z.input<typeof previewResourceSchema> }) {
  const input = previewResourceSchema.parse(options.input);
  const resource = await getResource({ access: options.access, name: options.name });
  const { project } = options.access;
  const uri = resource.kind === "static" ? resource.uri : (input.uri ?? "");
  try {
    const read = await readResource([resource], uri, {
      organizationId: project.organizationId,
      projectId: project.id,
      environment: "draft",
      locale: "en",
    });
    if (!read) throw new AppError("validation_failed", `uri: ${uri || "(empty)"} does not match the template ${resource.uri}`);
    return read;
  } catch (error) {
    if (error instanceof ProtocolError) throw new AppError("validation_failed", error.message, { mcpCode: error.code });
    throw error;
  }
}
