// The bench's baseline: what the MCP SDK v2 alone costs for the same tool, with no auth, database
// or sandbox. It runs in its own process (scripts/bench.ts starts it on BARE_PORT), so that the
// load client does not share its thread, and its CPU time can be read apart from the client's.
import { createServer } from "node:http";
import { createMcpHandler, Server } from "@modelcontextprotocol/server";

const addNumbers = {
  name: "add_numbers",
  description: "Adds a list of numbers and returns the sum.",
  inputSchema: { type: "object" as const, properties: { numbers: { type: "array", items: { type: "number" } } }, required: ["numbers"] },
};

const handler = createMcpHandler(
  () => {
    const server = new Server({ name: "bare", version: "1.0.0" }, { capabilities: { tools: {} } });
    server.setRequestHandler("tools/list", () => ({ tools: [addNumbers] }));
    server.setRequestHandler("tools/call", (request) => {
      const numbers = (request.params.arguments?.numbers ?? []) as number[];
      const sum = numbers.reduce((total, n) => total + n, 0);
      return { content: [{ type: "text", text: JSON.stringify({ sum }) }], structuredContent: { sum } };
    });
    return server;
  },
  { legacy: "stateless" },
);

// The smallest Node adapter: the body read whole, then one web Request.
const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const response = await handler.fetch(
    new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers,
      ...(req.method === "POST" ? { body: Buffer.concat(chunks) } : {}),
    }),
  );
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.BARE_PORT), "127.0.0.1", () => console.log("bare server listening"));
process.once("SIGTERM", () => process.exit(0));
