import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { EndpointBadge } from "@/components/grants/endpoint-badge";
import type { ConsentView } from "@/lib/oauth/consent";

type Consent = Extract<ConsentView, { kind: "consent" }>;

const SCOPE_DESCRIPTIONS: Record<string, string> = {
  mcp: "List and call this endpoint’s tools and read its components, as you",
};

// The studio MCP server's tools act in the studio: what the member's role allows, in every project.
const STUDIO_SCOPE_DESCRIPTIONS: Record<string, string> = {
  mcp: "Read, build, test and publish tools in this organization’s projects, as you and as far as your role allows",
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="space-y-1 py-3">
      <dt className="text-xs font-medium tracking-wide text-muted uppercase">{label}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

/** Who asks for what, on whose behalf: everything a person needs to decide. */
export function ConsentDetails({ view }: { view: Consent }) {
  return (
    <dl className="divide-y divide-line border-y border-line">
      <Row label="App">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium break-words">{view.client.name}</span>
          {view.client.unverified && <Badge>Unverified</Badge>}
        </div>
        {view.client.documentHost && (
          <p className="mt-0.5 text-muted">
            Described by <span className="font-medium break-all text-fg">{view.client.documentHost}</span>
          </p>
        )}
        <p className="mt-0.5 text-muted">
          Returns you to <span className="font-medium break-words text-fg">{view.client.redirectHost}</span>
        </p>
      </Row>
      {view.organization && view.project && (
        <>
          <Row label="Organization">{view.organization.name}</Row>
          <Row label="Project">{view.project.name}</Row>
        </>
      )}
      {view.endpoint.environment === "studio" && (
        <Row label="Organization">
          {view.organization ? (
            <>
              Atelier studio for organization <span className="font-medium">{view.organization.name}</span>: build, test and publish tools
              as you
            </>
          ) : (
            "Atelier studio for an organization: build, test and publish tools as you"
          )}
        </Row>
      )}
      <Row label="Endpoint">
        <EndpointBadge environment={view.endpoint.environment} />
        <p className="mt-1.5 font-mono text-xs break-all text-muted">{view.endpoint.url}</p>
      </Row>
      <Row label="Access">
        <ul className="space-y-1">
          {view.scopes.map((scope) => (
            <li key={scope}>
              {(view.endpoint.environment === "studio" ? STUDIO_SCOPE_DESCRIPTIONS[scope] : undefined) ??
                SCOPE_DESCRIPTIONS[scope] ??
                scope}
            </li>
          ))}
        </ul>
      </Row>
      <Row label="Signed in as">
        <span className="font-medium">{view.user.name}</span>
        <span className="block break-all text-muted">{view.user.email}</span>
      </Row>
    </dl>
  );
}
