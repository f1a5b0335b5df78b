import { describe, expect, it } from "vitest";
import { impersonatedApp } from "./well-known-apps";

describe("impersonatedApp", () => {
  it("believes a well-known name only from that app's own hosts", () => {
    expect(impersonatedApp("Claude", "claude.ai")).toBeNull();
    expect(impersonatedApp("Claude Desktop", "mcp.claude.ai")).toBeNull();
    expect(impersonatedApp("ChatGPT", "chatgpt.com")).toBeNull();
    expect(impersonatedApp("Claude", "claude.ai.evil.example")).toBe("Claude");
    expect(impersonatedApp("ChatGPT", "evil.example")).toBe("ChatGPT");
  });

  it("sees through case, spacing and look-alike letters", () => {
    expect(impersonatedApp("C L A U D E", "evil.example")).toBe("Claude");
    expect(impersonatedApp("C1aude", "evil.example")).toBe("Claude");
    expect(impersonatedApp("Сlaude", "evil.example")).toBe("Claude"); // Cyrillic С
    expect(impersonatedApp("Chat-GPT by OpenAI", "evil.example")).toBe("ChatGPT");
  });

  it("leaves other names alone", () => {
    expect(impersonatedApp("Docs Host", "docs.example")).toBeNull();
    expect(impersonatedApp("My MCP client", "127.0.0.1:8080")).toBeNull();
  });
});
