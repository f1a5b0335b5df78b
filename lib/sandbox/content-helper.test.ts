import { describe, expect, it } from "vitest";
import { runHandler } from "./index";

const env = { secrets: {}, organizationId: "o", projectId: "p", environment: "production" as const, locale: "en" };
const run = (code: string) => runHandler({ code, props: {}, env, allowedDomains: [] });

describe("mcp content helper", () => {
  it("returns content blocks and structured content", async () => {
    const result = await run(`async () => mcp.result({
      content: [mcp.text("Chart"), mcp.image("iVBORw0KGgo=", "image/png"), mcp.audio("UklGRg==", "audio/wav"),
        mcp.resource({ uri: "file:///data.csv", mimeType: "text/csv", text: "a,b" })],
      structuredContent: { points: 2 },
    })`);
    expect(result).toMatchObject({
      ok: true,
      output: { points: 2 },
      content: [
        { type: "text", text: "Chart" },
        { type: "image", data: "iVBORw0KGgo=", mimeType: "image/png" },
        { type: "audio", data: "UklGRg==", mimeType: "audio/wav" },
        { type: "resource", resource: { uri: "file:///data.csv", mimeType: "text/csv", text: "a,b" } },
      ],
    });
  });

  it("returns null output without structured content", async () => {
    expect(await run("async () => mcp.result({ content: [mcp.text('hi')] })")).toMatchObject({ ok: true, output: null });
  });

  it("treats look-alike objects as ordinary output", async () => {
    const result = await run("async () => ({ content: [{ type: 'text', text: 'hi' }] })");
    expect(result).toEqual(expect.objectContaining({ ok: true, output: { content: [{ type: "text", text: "hi" }] } }));
    expect(result).not.toHaveProperty("content");
  });

  it("fails the call for an invalid block", async () => {
    expect(await run("async () => mcp.result({ content: [mcp.text('ok'), mcp.image(42, 'image/png')] })")).toMatchObject({
      ok: false,
      errorType: "runtime",
      message: "Content block 2 is invalid: an image block needs base64 `data` and a `mimeType` string",
    });
    expect(await run("async () => mcp.result({ content: [{ type: 'video' }] })")).toMatchObject({
      message: expect.stringContaining("`type` must be one of"),
    });
    expect(await run("async () => mcp.result({ content: 'hi' })")).toMatchObject({
      message: "mcp.result needs `content` to be an array of content blocks",
    });
    expect(await run("async () => mcp.result({ content: [mcp.resource({ uri: 'x:y', text: 'a', blob: 'b' })] })")).toMatchObject({
      message: expect.stringContaining("exactly one of `text` or base64 `blob`"),
    });
  });

  it("is frozen and cannot be replaced", async () => {
    const result = await run("async () => { mcp.text = 1; globalThis.mcp = 2; return Object.isFrozen(mcp) && typeof mcp.text }");
    expect(result).toMatchObject({ ok: true, output: "function" });
  });
});
