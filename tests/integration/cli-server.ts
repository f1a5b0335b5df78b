// The admin API routes the atelier CLI uses and the draft MCP endpoint, served over real HTTP from
// the test process (startRouteServer), so the CLI binary runs as a child process against them.
import * as componentsRoute from "@/app/app/v1/organizations/[org]/projects/[project]/components/route";
import * as digestRoute from "@/app/app/v1/organizations/[org]/projects/[project]/draft/digest/route";
import * as executionsRoute from "@/app/app/v1/organizations/[org]/projects/[project]/executions/route";
import * as exportRoute from "@/app/app/v1/organizations/[org]/projects/[project]/export/route";
import * as importRoute from "@/app/app/v1/organizations/[org]/projects/[project]/import/route";
import * as packagesRoute from "@/app/app/v1/organizations/[org]/projects/[project]/packages/route";
import * as publishRoute from "@/app/app/v1/organizations/[org]/projects/[project]/publish/route";
import * as rollbackRoute from "@/app/app/v1/organizations/[org]/projects/[project]/rollback/route";
import * as projectRoute from "@/app/app/v1/organizations/[org]/projects/[project]/route";
import * as toolsRoute from "@/app/app/v1/organizations/[org]/projects/[project]/tools/route";
import * as meRoute from "@/app/app/v1/me/route";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import { startRouteServer } from "./mcp-helpers";

const project = `^/app/v1/organizations/(?<org>[^/]+)/projects/(?<project>[^/]+)`;

export function startCliServer() {
  return startRouteServer([
    { pattern: /^\/app\/v1\/me$/, module: meRoute },
    { pattern: new RegExp(`${project}$`), module: projectRoute },
    { pattern: new RegExp(`${project}/publish$`), module: publishRoute },
    { pattern: new RegExp(`${project}/rollback$`), module: rollbackRoute },
    { pattern: new RegExp(`${project}/packages$`), module: packagesRoute },
    { pattern: new RegExp(`${project}/draft/digest$`), module: digestRoute },
    { pattern: new RegExp(`${project}/export$`), module: exportRoute },
    { pattern: new RegExp(`${project}/import$`), module: importRoute },
    { pattern: new RegExp(`${project}/tools$`), module: toolsRoute },
    { pattern: new RegExp(`${project}/components$`), module: componentsRoute },
    { pattern: new RegExp(`${project}/executions$`), module: executionsRoute },
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute },
  ]);
}
