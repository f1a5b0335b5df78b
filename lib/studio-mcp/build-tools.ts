// Building: create, update and delete tools and components on a project's draft. Every change is
// live on the project's draft endpoint at once; production changes only with publish.
import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { createComponent, deleteComponent, updateComponent } from "@/lib/components/components";
import { createTool, deleteTool, updateTool } from "@/lib/tools/tools";
import { answer, projectAccess, projectArgument, type StudioContext } from "./studio-tool";

const jsonSchema = z.record(z.string(), z.unknown());

// Loose on purpose: the domain validates (with messages the model can act on), as for the API.
const toolFields = {
  title: z.string().optional().describe("Human-readable title shown by hosts."),
  description: z
    .string()
    .optional()
    .describe("What the tool does and when to use it, written for the model that will call it. The single most important field."),
  inputSchema: jsonSchema
    .optional()
    .describe(
      'JSON Schema of the arguments, type "object", e.g. {"type":"object","properties":{"city":{"type":"string","description":"City name"}},"required":["city"]}.',
    ),
  outputSchema: jsonSchema
    .nullable()
    .optional()
    .describe("JSON Schema (type object) of what the handler returns; lets hosts validate structured results."),
  handler: z
    .string()
    .optional()
    .describe(
      "Data tools: JavaScript `async (input, env) => result`, run in a sandbox. `input` is the validated arguments; env.secrets.NAME holds the tool's secrets; fetch() reaches only allowedDomains. Return a JSON value.",
    ),
  component: z.string().nullable().optional().describe("UI tools: the name of the component to render (create it first)."),
  annotations: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("MCP tool annotations: title, readOnlyHint, destructiveHint, idempotentHint, openWorldHint."),
  allowedDomains: z.array(z.string()).optional().describe('Hosts the handler may fetch, e.g. ["api.example.com", "*.example.org"].'),
  allowedComponents: z.array(z.string()).optional(),
  timeoutMs: z.number().int().optional(),
  memoryMb: z.number().int().optional(),
  visibility: z
    .array(z.enum(["model", "app"]))
    .optional()
    .describe('Who may call it: ["model","app"] (default), ["model"] or ["app"] (only the UI).'),
};

const componentFields = {
  kind: z.enum(["html", "tsx"]).optional().describe("html (default): a full HTML document; tsx: a React module compiled by the server."),
  html: z.string().optional().describe("An HTML component's document."),
  source: z.string().optional().describe("A TSX component's module source."),
  csp: z
    .record(z.string(), z.array(z.string()))
    .optional()
    .describe("Domains the component may reach: connectDomains, resourceDomains, frameDomains, baseUriDomains."),
  title: z.string().optional(),
  description: z.string().optional(),
};

const EDIT = { readOnlyHint: false, destructiveHint: false, openWorldHint: false } as const;
const DELETE = { readOnlyHint: false, destructiveHint: true, openWorldHint: false } as const;

export function registerBuildTools(server: McpServer, context: StudioContext) {
  server.registerTool(
    "create_tool",
    {
      title: "Create a tool",
      description:
        'Creates a tool on a project\'s draft. kind "data" runs `handler`; kind "ui" renders `component`. It is live on the draft endpoint at once (try it with run_tool); hosts connected to production see it only after publish. Validation errors name the field to fix. Needs the Editor role or above.',
      inputSchema: z.object({
        project: projectArgument,
        name: z.string().describe("lowercase_with_underscores, starting with a letter; fixed once published."),
        kind: z.enum(["data", "ui"]),
        ...toolFields,
      }),
      annotations: EDIT,
    },
    ({ project, ...input }) => answer(async () => createTool({ access: await projectAccess(context, project, "project.edit"), input })),
  );

  server.registerTool(
    "update_tool",
    {
      title: "Update a tool",
      description:
        "Changes fields of a draft tool; only the fields you pass change. Pass `newName` to rename (refused once the tool was published). Needs the Editor role or above.",
      inputSchema: z.object({ project: projectArgument, name: z.string(), newName: z.string().optional(), ...toolFields }),
      annotations: EDIT,
    },
    ({ project, name, newName, ...changes }) =>
      answer(async () =>
        updateTool({
          access: await projectAccess(context, project, "project.edit"),
          name,
          input: { ...changes, ...(newName ? { name: newName } : {}) },
        }),
      ),
  );

  server.registerTool(
    "delete_tool",
    {
      title: "Delete a tool",
      description:
        "Deletes a tool from the draft (and its secrets). Production keeps serving it until the next publish, which will report the removal as a breaking change. Needs the Editor role or above.",
      inputSchema: z.object({ project: projectArgument, name: z.string() }),
      annotations: DELETE,
    },
    ({ project, name }) =>
      answer(async () => {
        await deleteTool({ access: await projectAccess(context, project, "project.edit"), name });
        return { deleted: name };
      }),
  );

  server.registerTool(
    "create_component",
    {
      title: "Create a component",
      description:
        'Creates a component: the document a ui tool renders in the host (MCP Apps). Give `html` (a full document that talks to the host with the MCP Apps handshake) or kind "tsx" with `source`. Needs the Editor role or above.',
      inputSchema: z.object({
        project: projectArgument,
        name: z.string().describe("lowercase letters, digits, _ or -."),
        ...componentFields,
      }),
      annotations: EDIT,
    },
    ({ project, ...input }) =>
      answer(async () => createComponent({ access: await projectAccess(context, project, "project.edit"), input: input as never })),
  );

  server.registerTool(
    "update_component",
    {
      title: "Update a component",
      description: "Changes fields of a component; only the fields you pass change. Needs the Editor role or above.",
      inputSchema: z.object({ project: projectArgument, name: z.string(), ...componentFields }),
      annotations: EDIT,
    },
    ({ project, name, ...input }) =>
      answer(async () => updateComponent({ access: await projectAccess(context, project, "project.edit"), name, input: input as never })),
  );

  server.registerTool(
    "delete_component",
    {
      title: "Delete a component",
      description:
        "Deletes a component. Refused while a tool still uses it (change or delete those tools first). Needs the Editor role or above.",
      inputSchema: z.object({ project: projectArgument, name: z.string() }),
      annotations: DELETE,
    },
    ({ project, name }) =>
      answer(async () => {
        await deleteComponent({ access: await projectAccess(context, project, "project.edit"), name });
        return { deleted: name };
      }),
  );
}
