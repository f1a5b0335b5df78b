// Database rows → the API's tool shape. Secrets are listed by name only.
import type { z } from "zod";
import type { Tool } from "@/lib/generated/prisma/client";
import type { annotationsSchema } from "./tool-schemas";

export function presentTool(tool: Tool & { secrets?: { key: string }[] }) {
  return {
    id: tool.id,
    name: tool.name,
    kind: tool.kind === "DATA" ? ("data" as const) : ("ui" as const),
    title: tool.title,
    description: tool.description,
    inputSchema: tool.inputSchema as Record<string, unknown>,
    outputSchema: (tool.outputSchema as Record<string, unknown> | null) ?? null,
    annotations: tool.annotations as z.infer<typeof annotationsSchema>,
    handler: tool.handler,
    component: tool.componentName,
    allowedComponents: tool.allowedComponents,
    allowedDomains: tool.allowedDomains,
    timeoutMs: tool.timeoutMs,
    memoryMb: tool.memoryMb,
    visibility: tool.visibility as ("model" | "app")[],
    presets: tool.presets as { name: string; arguments: Record<string, unknown> }[],
    secretNames: tool.secrets?.map((secret) => secret.key) ?? [],
    createdAt: tool.createdAt,
    updatedAt: tool.updatedAt,
  };
}

export type PresentedTool = ReturnType<typeof presentTool>;
