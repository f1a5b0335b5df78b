import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./component-csp";

const directive = (policy: string, name: string) => policy.split("; ").find((part) => part.split(" ")[0] === name);

describe("contentSecurityPolicy", () => {
  it("allows nothing from the network when no domain is declared", () => {
    const policy = contentSecurityPolicy({});
    expect(directive(policy, "default-src")).toBe("default-src 'none'");
    expect(directive(policy, "connect-src")).toBe("connect-src 'none'");
    expect(directive(policy, "frame-src")).toBe("frame-src 'none'");
    expect(directive(policy, "base-uri")).toBe("base-uri 'none'");
    expect(directive(policy, "script-src")).toBe("script-src 'unsafe-inline'");
    expect(directive(policy, "img-src")).toBe("img-src data: blob:");
  });

  it("adds resource domains to scripts, styles, images, fonts and media, as https origins", () => {
    const policy = contentSecurityPolicy({ resourceDomains: ["cdn.example.com", "https://fonts.example.org"] });
    for (const name of ["script-src", "style-src", "img-src", "font-src", "media-src"]) {
      expect(directive(policy, name)).toContain(" https://cdn.example.com https://fonts.example.org");
    }
    expect(directive(policy, "connect-src")).toBe("connect-src 'none'");
  });

  it("puts connect, frame and base-uri domains only in their own directive", () => {
    const policy = contentSecurityPolicy({
      connectDomains: ["api.example.com"],
      frameDomains: ["https://player.example.com"],
      baseUriDomains: ["base.example.com"],
    });
    expect(directive(policy, "connect-src")).toBe("connect-src https://api.example.com");
    expect(directive(policy, "frame-src")).toBe("frame-src https://player.example.com");
    expect(directive(policy, "base-uri")).toBe("base-uri https://base.example.com");
    expect(directive(policy, "script-src")).toBe("script-src 'unsafe-inline'");
  });

  it("keeps a declared scheme (wss) as written", () => {
    expect(directive(contentSecurityPolicy({ connectDomains: ["wss://live.example.com"] }), "connect-src")).toBe(
      "connect-src wss://live.example.com",
    );
  });

  it("drops a value that would add a directive or a keyword", () => {
    const policy = contentSecurityPolicy({ connectDomains: ["https://a.example.com;script-src *", "'unsafe-eval'", "api.example.com"] });
    expect(directive(policy, "connect-src")).toBe("connect-src https://api.example.com");
    expect(policy.split("; ").filter((part) => part.startsWith("script-src"))).toHaveLength(1);
  });
});
