// The custom server's listener (scripts/server.mjs) when Next fails on a request: logged, answered
// 500 (or cut once its answer had begun), never left open.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { requestListener } from "./request-listener.mjs";

let server: Server | undefined;

afterEach(async () => {
  vi.restoreAllMocks();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

async function serve(handleWithNext: Parameters<typeof requestListener>[0]) {
  server = createServer(requestListener(handleWithNext, { nodePath: true }));
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("the custom server's request listener", () => {
  it("answers 500 and logs when Next's handler rejects before answering", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const origin = await serve(async () => {
      throw new Error("Next could not render this");
    });
    const response = await fetch(`${origin}/some/page`, { signal: AbortSignal.timeout(10_000) });
    expect(response.status).toBe(500);
    expect(await response.text()).toBe("Internal Server Error");
    expect(logged).toHaveBeenCalledWith(
      "[server] GET /some/page failed",
      expect.objectContaining({ message: "Next could not render this" }),
    );
  });

  it("drops the connection when Next's handler rejects after its answer began", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const origin = await serve(async (_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.write("<html>");
      await new Promise((resolve) => setTimeout(resolve, 10));
      throw new Error("failed while streaming");
    });
    const response = await fetch(`${origin}/some/page`, { signal: AbortSignal.timeout(10_000) });
    expect(response.status).toBe(200);
    // Cut by the server (undici's "terminated"), not by this test's timeout.
    await expect(response.text()).rejects.toMatchObject({ name: "TypeError" });
  });
});
