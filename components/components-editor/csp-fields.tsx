"use client";

import { StringListEditor } from "@/components/ui/string-list-editor";
import type { ComponentCsp } from "@/lib/hooks/use-components";

export const CSP_FIELDS = [
  { key: "connectDomains", label: "Connect domains", item: "Connect domain", hint: "fetch, XHR and WebSocket targets." },
  { key: "resourceDomains", label: "Resource domains", item: "Resource domain", hint: "Scripts, styles, images, fonts and media." },
  { key: "frameDomains", label: "Frame domains", item: "Frame domain", hint: "Pages the component may embed in its own iframes." },
  { key: "baseUriDomains", label: "Base URI domains", item: "Base URI domain", hint: "Allowed values of a <base href>." },
] as const;

export type CspKey = (typeof CSP_FIELDS)[number]["key"];

/** The four CSP lists of MCP Apps; hosts block everything from the network that isn't declared. */
export function CspFields({
  csp,
  onChange,
  readOnly,
  errors,
}: {
  csp: ComponentCsp;
  onChange: (csp: ComponentCsp) => void;
  readOnly: boolean;
  errors: Partial<Record<CspKey, string>>;
}) {
  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-medium">Content security</legend>
      <p className="-mt-2 text-xs text-muted">
        Hosts render the component with nothing from the network unless it is declared here. Use host names (
        <code className="font-mono">cdn.example.com</code>) or origins (<code className="font-mono">https://api.example.com</code>). The
        preview applies the same policy.
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        {CSP_FIELDS.map((field) => (
          <div key={field.key} className="space-y-1.5">
            <p className="text-sm font-medium">{field.label}</p>
            <p className="text-xs text-muted">{field.hint}</p>
            <StringListEditor
              label={field.label}
              itemLabel={field.item}
              values={csp[field.key] ?? []}
              onChange={(values) => onChange({ ...csp, [field.key]: values })}
              placeholder="cdn.example.com"
              readOnly={readOnly}
              error={errors[field.key]}
              emptyText="None."
            />
          </div>
        ))}
      </div>
    </fieldset>
  );
}
