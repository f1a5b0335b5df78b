// Issue 12 item 13: a handler's console output and error message lose its secrets also when the
// handler writes them trivially transformed (what README "Secrets" promises, no more).
import { describe, expect, it } from "vitest";
import { runHandler, type SandboxEnv } from "@/lib/sandbox";

const SECRET = "sk-live-4b1d9e0c7a22";
const env: SandboxEnv = { secrets: { API_KEY: SECRET }, organizationId: "org_1", projectId: "proj_1", environment: "draft", locale: "en" };

describe("secrets in a real handler's logs and errors", () => {
  it("are redacted spaced, reversed, upper-cased and base64/hex-encoded", async () => {
    const result = await runHandler({
      code: `async (props, env) => {
        const key = env.secrets.API_KEY;
        // The isolate has no btoa: base64 of an ASCII string by hand, as a handler would.
        const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        const base64 = (text) => {
          let out = "";
          for (let i = 0; i < text.length; i += 3) {
            const bytes = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)];
            const n = (bytes[0] << 16) | ((bytes[1] || 0) << 8) | (bytes[2] || 0);
            const count = Math.min(3, text.length - i);
            for (let j = 0; j < 4; j++) out += j <= count ? alphabet[(n >> (18 - 6 * j)) & 63] : "=";
          }
          return out;
        };
        console.log(key.split("").join(" "));
        console.log([...key].reverse().join(""));
        console.log(key.toUpperCase());
        console.log(base64(key));
        console.log("Basic " + base64("bot:" + key));
        console.log([...key].map((c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join(""));
        throw new Error("refused: " + key.split("").join(" "));
      }`,
      props: {},
      env,
      allowedDomains: [],
    });
    const messages = result.logs.map((entry) => entry.message);
    expect(messages.slice(0, 4)).toEqual(["[redacted]", "[redacted]", "[redacted]", "[redacted]"]);
    expect(messages[4]).toMatch(/^Basic .{0,8}\[redacted\].{0,4}$/);
    expect(messages[5]).toBe("[redacted]");
    expect(result).toMatchObject({ ok: false, message: "refused: [redacted]" });
  });
});
