// MCP endpoint tests go over real HTTP: a node:http server on 127.0.0.1:0 turns each request
// into a web Request and hands it to the exported route handlers, exactly as Next does, so the
// real SDK client (both protocol eras) and raw fetch can talk to it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { getOrganizationAccess, getProjectAccess } from "@/lib/access";
import { createProject } from "@/lib/projects/projects";
import { rotateDraftToken } from "@/lib/projects/draft-token";
import type { CreateToolInput } from "@/lib/tools/tool-input";
import { createTool } from "@/lib/tools/tools";
import { createOrgWithMembers, uniqueSlug, type TestUser } from "./helpers";

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
/** `module` is a route file's exports (`import * as route from "@/app/…/route"`). */
export type RouteTable = Array<{ pattern: RegExp; module: Record<string, unknown> }>;

export type TestHttpServer = { origin: string; close: () => Promise<void> };

/** Serves the given routes; named groups of a pattern become the route's params. */
export async function startRouteServer(routes: RouteTable): Promise<TestHttpServer> {
  const server: Server = createServer((req, res) => {
    serve(routes, req, res, (server.address() as AddressInfo).port).catch((error: unknown) => {
      res.statusCode = 599;
      res.end(`test server failed: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function serve(routes: RouteTable, req: IncomingMessage, res: ServerResponse, port: number) {
  // As `next start` does: request.url is built from Next's own hostname (localhost), whatever
  // address the request came to, and the x-forwarded-* headers are filled in when absent
  // (node_modules/next/dist/server/base-server.js). The address the client used is in Host.
  const url = new URL(req.url ?? "/", `http://localhost:${port}`);
  req.headers["x-forwarded-host"] ??= req.headers.host;
  req.headers["x-forwarded-port"] ??= String(port);
  req.headers["x-forwarded-proto"] ??= "http";
  req.headers["x-forwarded-for"] ??= req.socket.remoteAddress;
  const route = routes.find((candidate) => candidate.pattern.test(url.pathname));
  const handler = route?.module[req.method ?? "GET"] as RouteHandler | undefined;
  if (!route || typeof handler !== "function") {
    res.statusCode = route ? 405 : 404;
    res.end();
    return;
  }
  const params = { ...route.pattern.exec(url.pathname)?.groups };
  // A handler may answer before reading the whole body (413): the rest of it would be read as the
  // next request on this keep-alive connection, so the connection is dropped instead.
  res.once("finish", () => {
    if (!req.complete) req.destroy();
  });
  const response = await handler(toWebRequest(req, res, url), { params: Promise.resolve(params) });
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    res.setHeader(name, value);
  });
  if (!response.body) {
    res.end();
    return;
  }
  // Streamed as it comes (SSE responses included), never buffered.
  Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
}

function toWebRequest(req: IncomingMessage, res: ServerResponse, url: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) {
      for (const item of value) headers.append(name, item);
    } else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const controller = new AbortController();
  // The client went away before the answer was complete: what Next signals as request.signal.
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return new Request(url, {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: "half" } : {}),
  } as RequestInit);
}

export type Era = "modern" | "legacy";

/**
 * A connected SDK v2 client. `modern` pins 2026-07-28 (server/discover, per-request envelope);
 * `legacy` is the client's default plain 2025 initialize handshake.
 */
export async function connectClient(options: {
  url: string;
  token: string | null;
  era: Era;
  headers?: Record<string, string>;
  /** What the client declares it can do (elicitation, sampling…); none when absent. */
  capabilities?: Record<string, object>;
}): Promise<Client> {
  const client = new Client(
    { name: "atelier-tests", version: "1.0.0" },
    {
      ...(options.era === "modern" ? { versionNegotiation: { mode: { pin: "2026-07-28" } } } : {}),
      ...(options.capabilities ? { capabilities: options.capabilities } : {}),
    },
  );
  const transport = new StreamableHTTPClientTransport(new URL(options.url), {
    // token null: an anonymous caller (production of a public project).
    requestInit: { headers: { ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}), ...options.headers } },
  });
  await client.connect(transport);
  return client;
}

/** A project of the owner's organization with its draft token. */
export async function createProjectWithDraftToken(options: { owner: TestUser; orgSlug: string; instructions?: string }) {
  const orgAccess = await getOrganizationAccess({
    actor: options.owner,
    orgSlug: options.orgSlug,
    permission: "organization.createProject",
  });
  const project = await createProject({
    access: orgAccess,
    actor: options.owner,
    input: { slug: uniqueSlug("mcp"), name: "MCP Test Project", instructions: options.instructions },
  });
  const access = await getProjectAccess({
    actor: options.owner,
    orgSlug: options.orgSlug,
    projectSlug: project.slug,
    permission: "project.tokens",
  });
  const { token } = await rotateDraftToken({ access, actor: options.owner });
  return { project, access, token };
}

/**
 * A new organization (createOrgWithMembers) with a project of its owner's, the project's draft
 * token and the given draft tools; `draftPath` is the path of the project's draft endpoint.
 */
export async function createDraftProject(options: { tools?: CreateToolInput[] } = {}) {
  const fixture = await createOrgWithMembers();
  const created = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug: fixture.organization.slug });
  for (const input of options.tools ?? []) await createTool({ access: created.access, input });
  return { fixture, ...created, draftPath: `/mcp/${fixture.organization.slug}/${created.project.slug}/draft` };
}

/** A 2025-era initialize request, as a host without the SDK sends it. */
export const RAW_INITIALIZE = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
};

/** A 2025-era client's raw JSON-RPC POST (what hosts without the SDK send). */
export async function postJsonRpc(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The JSON-RPC message of a response body, whether sent as JSON or as one SSE event. */
export function parseJsonRpc(text: string): { result?: Record<string, unknown>; error?: { code: number; message: string } } {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) return JSON.parse(trimmed);
  const data = trimmed.split("\n").find((line) => line.startsWith("data: "));
  return JSON.parse(data?.slice("data: ".length) ?? "{}");
}
