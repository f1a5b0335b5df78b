// The peer `npm run bench` compares Atelier with: what a Next.js user would write to host the same
// tool with Vercel's mcp-handler, as its README shows (no auth, no sandbox, no records).
import { createMcpHandler } from "mcp-handler";
import { z } from "zod";

const handler = createMcpHandler(
  (server) => {
    server.registerTool(
      "add_numbers",
      {
        title: "Add numbers",
        description: "Adds a list of numbers and returns the sum.",
        inputSchema: z.object({ numbers: z.array(z.number()).min(1) }),
      },
      async ({ numbers }) => {
        const sum = numbers.reduce((total, n) => total + n, 0);
        return { content: [{ type: "text", text: JSON.stringify({ sum }) }], structuredContent: { sum } };
      },
    );
  },
  { serverInfo: { name: "mcp-handler-bench", version: "1.0.0" } },
);

export { handler as GET, handler as POST };
