"use client";

import { Link } from "@/components/ui/link";
import { useState } from "react";
import { SectionHeader } from "@/components/ui/section-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import type { ProductionToken } from "@/lib/hooks/api-types";
import { CodeSnippet } from "./code-snippet";
import { DraftTokenSection } from "./draft-token-section";
import { claudeDesktopConfig, inspectorCommand, inspectorUiCommand, type EndpointKind } from "./host-config";
import { ProductionTokensSection } from "./production-tokens-section";

/** Claude Desktop, ChatGPT and MCP Inspector configuration for one endpoint. */
function ConnectHostSection({ url, serverName, endpoint }: { url: string; serverName: string; endpoint: EndpointKind }) {
  const token = endpoint === "draft" ? "the draft token" : "a production token";
  return (
    <Section title="Connect a host" description={`Paste one of these into the host. Replace <paste token> with ${token} (below).`}>
      <div className="space-y-6">
        <div className="space-y-2">
          <CodeSnippet label="Claude Desktop (claude_desktop_config.json)" value={claudeDesktopConfig({ url, serverName, endpoint })} />
          <p className="text-xs text-muted">
            Uses the <code className="font-mono">mcp-remote</code> bridge to send the token. Or, with no token at all: in claude.ai or
            Claude Desktop, Settings → Connectors → Add custom connector, paste the URL above, sign in to Atelier and click Authorize.
          </p>
        </div>
        <div className="space-y-1.5">
          <p className="text-sm font-medium">ChatGPT connector URL</p>
          <CopyField label="ChatGPT connector URL" value={url} />
          <p className="text-xs text-muted">
            In ChatGPT: Settings → Connectors → Create, with this URL; ChatGPT then asks you to sign in to Atelier and authorize it.
          </p>
        </div>
        <CodeSnippet label="MCP Inspector (command line)" value={inspectorCommand(url, endpoint)} />
        <CodeSnippet label="MCP Inspector (web UI — add the Authorization header there)" value={inspectorUiCommand(url)} />
      </div>
    </Section>
  );
}

/** Where hosts connect: the endpoint URLs, ready-to-paste host configuration, the draft token and production tokens. */
export function ServerTab({
  org,
  project,
  origin,
  productionVersion,
  draftToken,
  productionTokens,
  canRotate,
}: {
  org: string;
  project: string;
  origin: string;
  /** The version production serves; null before the first publish. */
  productionVersion: string | null;
  draftToken: { prefix: string | null; rotatedAt: string | null };
  /** null when the viewer may not manage production tokens. */
  productionTokens: ProductionToken[] | null;
  canRotate: boolean;
}) {
  const [endpoint, setEndpoint] = useState<EndpointKind>("draft");
  const productionUrl = `${origin}/mcp/${org}/${project}`;
  const draftUrl = `${productionUrl}/draft`;
  const url = endpoint === "draft" ? draftUrl : productionUrl;

  return (
    <main className="space-y-6">
      <SectionHeader
        title="Server"
        description="This project is one MCP server with two endpoints: the draft, live on every save, and production, what you publish."
      />

      <Section
        title="Endpoint"
        description="Streamable HTTP. Both endpoints serve current MCP clients and 2025-era ones from the same URL."
      >
        <Field label="Endpoint" className="max-w-xs">
          {(control) => (
            <Select {...control} value={endpoint} onChange={(event) => setEndpoint(event.target.value as EndpointKind)}>
              <option value="draft">Draft</option>
              <option value="production">Production</option>
            </Select>
          )}
        </Field>
        <div className="space-y-1.5">
          <p className="text-sm font-medium">URL</p>
          <CopyField label={endpoint === "draft" ? "Draft URL" : "Production URL"} value={url} />
          <p className="text-xs text-muted">
            {endpoint === "draft"
              ? "Every save in the studio is served here at once. Hosts authenticate with the draft token (below)."
              : "Serves the published package. Hosts connect with OAuth or a production access token."}
          </p>
        </div>
        {endpoint === "production" &&
          (productionVersion ? (
            <p className="flex flex-wrap items-center gap-2 text-sm">
              <span>Serving</span>
              <Badge tone="success">v{productionVersion}</Badge>
              <Link href={`/orgs/${org}/projects/${project}/history`} className="text-accent-fg hover:underline">
                Publish history
              </Link>
            </p>
          ) : (
            <Alert tone="warning" title="Nothing is published yet — publish from the project header to serve production">
              Until then the production endpoint has no tools to serve. Use the draft endpoint to test with hosts.
            </Alert>
          ))}
      </Section>

      {endpoint === "draft" && <ConnectHostSection url={draftUrl} serverName={`${project}-draft`} endpoint="draft" />}
      {endpoint === "production" &&
        (productionVersion ? (
          <ConnectHostSection url={productionUrl} serverName={project} endpoint="production" />
        ) : (
          <Section title="Connect a host" description="Host configuration for production appears here once the project is published.">
            <div className="space-y-1.5">
              <p className="text-sm font-medium">ChatGPT connector URL</p>
              <CopyField label="ChatGPT connector URL" value={productionUrl} />
            </div>
          </Section>
        ))}

      {endpoint === "draft" && (
        <DraftTokenSection org={org} project={project} prefix={draftToken.prefix} rotatedAt={draftToken.rotatedAt} canRotate={canRotate} />
      )}
      {endpoint === "production" &&
        (productionTokens ? (
          <ProductionTokensSection org={org} project={project} initialTokens={productionTokens} />
        ) : (
          <Section
            title="Production tokens"
            description="Owners, Admins and project owners create production tokens. Ask one of them for a token, or connect with OAuth."
          />
        ))}
    </main>
  );
}
