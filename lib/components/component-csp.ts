// The Content-Security-Policy an MCP Apps host derives from a component's `_meta.ui.csp`
// (ext-apps spec 2026-01-26): nothing from the network unless declared, inline script and style
// allowed. The studio applies it as a response header of the served preview document
// (app/component-frame/route.ts), where the component's own markup cannot move or remove it.
export type ComponentCspDomains = {
  connectDomains?: string[];
  resourceDomains?: string[];
  frameDomains?: string[];
  baseUriDomains?: string[];
};

/** A CSP source for a declared domain: bare host names become https origins, as hosts serve them. */
export function cspSource(domain: string): string {
  return domain.includes("://") ? domain : `https://${domain}`;
}

// A declared value can never add a directive or a keyword: anything with whitespace, ";", ",",
// or quotes is dropped rather than passed into the policy.
const SAFE_SOURCE = /^[a-z][a-z0-9+.-]*:\/\/[^\s;,'"]+$/i;

export function contentSecurityPolicy(csp: ComponentCspDomains = {}): string {
  const list = (domains?: string[]) => {
    const sources = (domains ?? []).map(cspSource).filter((source) => SAFE_SOURCE.test(source));
    return sources.length ? ` ${sources.join(" ")}` : "";
  };
  const resources = list(csp.resourceDomains);
  return [
    "default-src 'none'",
    `script-src 'unsafe-inline'${resources}`,
    `style-src 'unsafe-inline'${resources}`,
    `img-src data: blob:${resources}`,
    `font-src data:${resources}`,
    `media-src data: blob:${resources}`,
    `connect-src${list(csp.connectDomains) || " 'none'"}`,
    `frame-src${list(csp.frameDomains) || " 'none'"}`,
    `base-uri${list(csp.baseUriDomains) || " 'none'"}`,
    "form-action 'none'",
  ].join("; ");
}
