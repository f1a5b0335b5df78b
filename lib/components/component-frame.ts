// The studio's component frame document: what the test panel and the live preview load in their
// sandboxed iframe. The CSP a host would derive from the component's `_meta.ui.csp` travels as a
// response header (plus `sandbox allow-scripts`), so nothing in the component's markup can move,
// shadow or remove it — unlike a <meta> tag injected into the author's HTML.
import { z } from "zod";
import { cspSchema } from "./components";
import { contentSecurityPolicy } from "./component-csp";
import { ComponentCompileError, compileComponent } from "./compile-component";
import { withAppRuntime } from "./app-runtime";

export const componentFrameSchema = z.object({
  /** "document": served as is (a resources/read answer); "html": an HTML component as written; "tsx": a TSX module. */
  kind: z.enum(["document", "html", "tsx"]),
  text: z.string().max(2_000_000),
  csp: z
    .string()
    .max(20_000)
    .transform((value, context) => {
      try {
        return cspSchema.parse(JSON.parse(value || "{}"));
      } catch {
        context.addIssue({ code: "custom", message: "csp must be the component's CSP domains as JSON" });
        return z.NEVER;
      }
    }),
  name: z.string().max(64).default("preview"),
});

export function componentFrameHeaders(csp: z.infer<typeof cspSchema>): HeadersInit {
  return {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": `${contentSecurityPolicy(csp)}; sandbox allow-scripts; frame-ancestors 'self'`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  };
}

/** The document to show; a TSX compile error becomes a page saying where it is. */
export async function renderComponentFrame(input: z.infer<typeof componentFrameSchema>): Promise<string> {
  if (input.kind === "document") return input.text;
  if (input.kind === "html") return withAppRuntime(input.text);
  try {
    return await compileComponent({ name: input.name, source: input.text });
  } catch (error) {
    if (!(error instanceof ComponentCompileError)) throw error;
    const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
    return `<!doctype html><meta charset="utf-8"><pre style="color:#b91c1c;white-space:pre-wrap;font:13px ui-monospace,monospace;padding:12px">${escapeHtml(
      `${error.file}:${error.line}:${error.column}: ${error.message}\n${error.lineText}`,
    )}</pre>`;
  }
}
