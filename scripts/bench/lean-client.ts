// The bench's load client: hand-built JSON-RPC POSTs over node:http with a keep-alive agent, no MCP
// SDK client. The SDK client costs more per request than a fast server does (it capped the bare
// SDK server at ~430 req/s where this client drives it at 1,000–1,900), so measuring through it
// flattered whichever server was slower. Every answer is checked; a wrong one fails the bench.
import { Agent, request } from "node:http";

/** The 2026-07-28 era: stateless, every request carries its own `_meta` envelope and routing headers. */
const PROTOCOL_VERSION = "2026-07-28";
const META = {
  "io.modelcontextprotocol/protocolVersion": PROTOCOL_VERSION,
  "io.modelcontextprotocol/clientInfo": { name: "atelier-bench", version: "1.0.0" },
  "io.modelcontextprotocol/clientCapabilities": {},
};

type JsonRpcAnswer = { jsonrpc: "2.0"; id: number; result?: Record<string, unknown>; error?: { code: number; message: string } };

export type LeanClient = {
  /** Sends one JSON-RPC request and returns its `result`; throws on an HTTP error, a JSON-RPC error or a malformed answer. */
  call(method: string, params: Record<string, unknown>): Promise<Record<string, unknown>>;
  close(): void;
};

/** A client for one MCP endpoint; `lanes` is the most requests it will have in flight (one socket each). */
export function leanClient(endpoint: string, options: { token?: string; lanes: number }): LeanClient {
  const url = new URL(endpoint);
  const agent = new Agent({ keepAlive: true, maxSockets: options.lanes, maxFreeSockets: options.lanes });
  let nextId = 1;

  const call = (method: string, params: Record<string, unknown>) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = nextId++;
      const body = JSON.stringify({ jsonrpc: "2.0", id, method, params: { ...params, _meta: META } });
      const headers: Record<string, string | number> = {
        "Content-Type": "application/json",
        Accept: "application/json, text/event-stream",
        "Content-Length": Buffer.byteLength(body),
        "MCP-Protocol-Version": PROTOCOL_VERSION,
        "Mcp-Method": method,
      };
      if (typeof params.name === "string") headers["Mcp-Name"] = params.name;
      if (options.token) headers.Authorization = `Bearer ${options.token}`;
      const req = request({ agent, host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          try {
            if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`);
            const answer = parseAnswer(text, String(res.headers["content-type"] ?? ""), id);
            if (answer.error) throw new Error(`JSON-RPC error ${answer.error.code}: ${answer.error.message}`);
            if (!answer.result) throw new Error(`no result in ${text.slice(0, 300)}`);
            resolve(answer.result);
          } catch (error) {
            reject(new Error(`${method} on ${endpoint}: ${(error as Error).message}`));
          }
        });
      });
      req.on("error", reject);
      req.end(body);
    });

  return { call, close: () => agent.destroy() };
}

/** A JSON answer, or the answer with our id among the messages of an SSE stream. */
function parseAnswer(text: string, contentType: string, id: number): JsonRpcAnswer {
  if (contentType.startsWith("application/json")) return JSON.parse(text) as JsonRpcAnswer;
  if (!contentType.startsWith("text/event-stream")) throw new Error(`unexpected content type ${contentType}`);
  for (const event of text.split(/\r?\n\r?\n/)) {
    const data = event
      .split(/\r?\n/)
      .filter((line) => line.startsWith("data:"))
      .map((line) => line.slice(5).trimStart())
      .join("\n");
    if (!data) continue;
    const message = JSON.parse(data) as JsonRpcAnswer;
    if (message.id === id) return message;
  }
  throw new Error(`no answer with id ${id} in the event stream`);
}

/** The bench's tool on every target: `add_numbers({ numbers: [1, 2, 3] })` must answer a sum of 6. */
export const ADD_NUMBERS = { name: "add_numbers", arguments: { numbers: [1, 2, 3] } };

export function checkToolsList(result: Record<string, unknown>): void {
  const tools = result.tools as { name: string }[] | undefined;
  if (!tools?.some((tool) => tool.name === ADD_NUMBERS.name)) throw new Error(`tools/list does not list ${ADD_NUMBERS.name}`);
}

export function checkAddNumbers(result: Record<string, unknown>): void {
  if (result.isError) throw new Error(`tools/call answered an error: ${JSON.stringify(result.content).slice(0, 300)}`);
  const structured = result.structuredContent as { sum?: unknown } | undefined;
  const text = (result.content as { type: string; text?: string }[] | undefined)?.find((part) => part.type === "text")?.text;
  const sum = structured?.sum ?? (text ? (JSON.parse(text) as { sum?: unknown }).sum : undefined);
  if (sum !== 6) throw new Error(`tools/call answered sum ${JSON.stringify(sum)} instead of 6`);
}
