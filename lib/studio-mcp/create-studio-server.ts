// The studio's own MCP server, /mcp/{org}: what a member can do in the studio, as tools an agent
// can call — read projects, tools, components, executions and the audit log; build tools and
// components on the draft; run them; preview, publish and roll back. Built per request for the
// calling member; every tool checks its permission through lib/access.ts like the API does.
import { McpServer } from "@modelcontextprotocol/server";
import { registerBuildTools } from "./build-tools";
import { registerReadTools } from "./read-tools";
import { registerReleaseTools } from "./release-tools";
import type { StudioContext } from "./studio-tool";

const INSTRUCTIONS = `This is Atelier, a studio for building MCP servers ("projects"). Each project has a draft (edited freely, served at its draft endpoint) and published versions (what production hosts see).
Typical flow: list_projects → get_project → create_tool / update_tool (and create_component for ui tools) → run_tool to try it on the draft → preview_publish → publish with a changelog.
Publishing and rolling back change what every connected host sees: show the user preview_publish's breaking changes and ask before publishing or rolling back.
Errors are returned as tool results that name what to fix; roles decide what is allowed (Viewers read, Editors build and run, Admins, Owners and project owners publish).`;

export function createStudioServer(context: StudioContext): McpServer {
  const server = new McpServer({ name: `Atelier studio (${context.orgSlug})`, version: "1.0.0" }, { instructions: INSTRUCTIONS });
  registerReadTools(server, context);
  registerBuildTools(server, context);
  registerReleaseTools(server, context);
  return server;
}
