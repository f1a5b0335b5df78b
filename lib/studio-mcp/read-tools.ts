// Reading: projects, tools, components, executions and the audit log.
import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { getComponent, listComponents } from "@/lib/components/components";
import { EXECUTION_ENVIRONMENTS, EXECUTION_STATUSES } from "@/lib/executions/execution-filters";
import { getExecution, listExecutions } from "@/lib/executions/executions";
import { getProject, listProjects } from "@/lib/projects/projects";
import { listPrompts } from "@/lib/prompts/prompts";
import { listResources } from "@/lib/resources/resources";
import { getTool, listTools } from "@/lib/tools/tools";
import { answer, organizationAccess, projectAccess, projectArgument, type StudioContext } from "./studio-tool";

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, openWorldHint: false } as const;

export function registerReadTools(server: McpServer, context: StudioContext) {
  server.registerTool(
    "list_projects",
    {
      title: "List projects",
      description:
        "Lists the projects (MCP servers) of this Atelier organization: slug, name, visibility and the version production serves (null before the first publish). Start here; every other tool takes a project slug.",
      inputSchema: z.object({}),
      annotations: READ_ONLY,
    },
    () =>
      answer(async () => {
        const page = await listProjects({ access: await organizationAccess(context, "organization.view"), page: { limit: 100 } });
        return page.data.map(({ slug, name, visibility, productionVersion }) => ({ slug, name, visibility, productionVersion }));
      }),
  );

  server.registerTool(
    "get_project",
    {
      title: "Read a project",
      description:
        "Reads one project: its Instructions (what the model using the project's MCP server is told), the production version, and the names of its draft tools (with kind and description), components, prompts and resources. Use get_tool or get_component for the full definition of one item.",
      inputSchema: z.object({ project: projectArgument }),
      annotations: READ_ONLY,
    },
    ({ project }) =>
      answer(async () => {
        const access = await projectAccess(context, project, "project.view");
        const [details, tools, components, prompts, resources] = await Promise.all([
          getProject({ access }),
          listTools({ access }),
          listComponents({ access }),
          listPrompts({ access }),
          listResources({ access }),
        ]);
        return {
          slug: details.slug,
          name: details.name,
          visibility: details.visibility,
          productionVersion: details.productionVersion,
          instructions: details.instructions,
          tools: tools.map((tool) => ({ name: tool.name, kind: tool.kind, description: tool.description, component: tool.component })),
          components: components.map((component) => ({ name: component.name, kind: component.kind, title: component.title })),
          prompts: prompts.map((prompt) => prompt.name),
          resources: resources.map((resource) => ({ name: resource.name, uri: resource.uri })),
        };
      }),
  );

  server.registerTool(
    "list_tools",
    {
      title: "List a project's tools",
      description:
        "Lists the tools on a project's draft with their kind (data = runs a JavaScript handler; ui = renders a component), description and input schema.",
      inputSchema: z.object({ project: projectArgument }),
      annotations: READ_ONLY,
    },
    ({ project }) =>
      answer(async () =>
        (await listTools({ access: await projectAccess(context, project, "project.view") })).map((tool) => ({
          name: tool.name,
          kind: tool.kind,
          description: tool.description,
          inputSchema: tool.inputSchema,
        })),
      ),
  );

  server.registerTool(
    "get_tool",
    {
      title: "Read a tool",
      description:
        "Reads one draft tool in full: description, input and output JSON Schemas, annotations, the handler source (data tools) or root component (ui tools), allowed domains, limits, and the names of its secrets (never their values).",
      inputSchema: z.object({ project: projectArgument, name: z.string().describe("The tool's name.") }),
      annotations: READ_ONLY,
    },
    ({ project, name }) => answer(async () => getTool({ access: await projectAccess(context, project, "project.view"), name })),
  );

  server.registerTool(
    "list_components",
    {
      title: "List a project's components",
      description: "Lists the components (HTML or TSX documents that ui tools render in the host, MCP Apps) of a project's draft.",
      inputSchema: z.object({ project: projectArgument }),
      annotations: READ_ONLY,
    },
    ({ project }) =>
      answer(async () =>
        (await listComponents({ access: await projectAccess(context, project, "project.view") })).map((component) => ({
          name: component.name,
          kind: component.kind,
          title: component.title,
          description: component.description,
        })),
      ),
  );

  server.registerTool(
    "get_component",
    {
      title: "Read a component",
      description: "Reads one component in full: its HTML (or TSX source), CSP domains, title and description.",
      inputSchema: z.object({ project: projectArgument, name: z.string().describe("The component's name.") }),
      annotations: READ_ONLY,
    },
    ({ project, name }) => answer(async () => getComponent({ access: await projectAccess(context, project, "project.view"), name })),
  );

  server.registerTool(
    "list_executions",
    {
      title: "List tool executions",
      description:
        "Lists recent tool calls of a project, newest first, on the draft and production endpoints: tool, status, error type and code, duration, caller. Use get_execution for one call's input, output and console logs. Needs the Editor role or above.",
      inputSchema: z.object({
        project: projectArgument,
        tool: z.string().optional().describe("Only calls of this tool."),
        environment: z.enum(EXECUTION_ENVIRONMENTS).optional(),
        status: z.enum(EXECUTION_STATUSES).optional(),
        limit: z.number().int().min(1).max(100).default(20),
      }),
      annotations: READ_ONLY,
    },
    ({ project, limit, ...filters }) =>
      answer(async () => {
        const access = await projectAccess(context, project, "project.executions");
        return (await listExecutions({ access, query: { ...filters, limit } })).data;
      }),
  );

  server.registerTool(
    "get_execution",
    {
      title: "Read one execution",
      description:
        "Reads one tool call in full: input, output, console logs (secrets redacted), error, duration. Needs the Editor role or above.",
      inputSchema: z.object({ project: projectArgument, id: z.string().describe("The execution id from list_executions.") }),
      annotations: READ_ONLY,
    },
    ({ project, id }) => answer(async () => getExecution({ access: await projectAccess(context, project, "project.executions"), id })),
  );

  server.registerTool(
    "read_audit_log",
    {
      title: "Read the audit log",
      description:
        "Reads the organization's audit log, newest first: who published, rolled back, changed settings, members, tokens or secrets, and when. Filter by project slug or action (e.g. package.publish). Needs the Admin or Owner role.",
      inputSchema: z.object({
        project: z.string().optional().describe("Only events about this project."),
        action: z.string().optional().describe("Only this action, e.g. package.publish, package.rollback, project.import."),
        limit: z.number().int().min(1).max(100).default(20),
      }),
      annotations: READ_ONLY,
    },
    ({ project, action, limit }) =>
      answer(async () => {
        const access = await organizationAccess(context, "organization.audit");
        const page = await listAuditEvents({ access, filters: { project, action }, page: { limit } });
        return page.data;
      }),
  );
}
