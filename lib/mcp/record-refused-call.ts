// A tools/call refused for its credentials (401) is an execution too (SPEC §9, error type "auth"):
// during an incident — a kill switch, a revoked token — the Executions page shows the calls that
// stopped working, not just silence. Only the failure path pays for this: the body is parsed here
// (and, on the draft endpoint, the project looked up by its slugs) only when the answer is a 401.
//
// Anyone can send a 401-bound request, so these records are capped per project
// (AUTH_RECORDS_PER_MINUTE, counted by the process's rate limiter: shared in Redis when set); past
// the cap the refusal is still answered, just not recorded.
import "server-only";
import { db } from "@/lib/db";
import { recordToolCall } from "@/lib/executions/recorder";
import { clientInfo } from "@/lib/http";
import { getRateLimiter } from "@/lib/rate-limit/rate-limiter";
import type { EndpointAddress } from "./protected-resource";
import { guardedBodyText } from "./request-guards";
import { requestClientInfo, toolCallOf } from "./serve-project";

export const AUTH_RECORDS_PER_MINUTE = 60;

export type RefusedCode = "missing_credentials" | "invalid_token";

export async function recordRefusedCall(options: {
  request: Request;
  address: EndpointAddress;
  /** Known on production (the auth query read it); looked up by slugs on the draft endpoint. */
  project?: { id: string; organizationId: string } | null;
  code: RefusedCode;
}): Promise<void> {
  try {
    if (options.request.method !== "POST") return;
    const call = toolCallOf(parseJson(guardedBodyText(options.request) ?? (await options.request.clone().text())));
    if (!call) return;
    const project = options.project ?? (await findProject(options.address));
    if (!project || !(await withinCap(project.id))) return;
    recordToolCall(
      {
        projectId: project.id,
        organizationId: project.organizationId,
        environment: options.address.environment,
        packageVersion: null,
        // Nobody was identified: the credential was missing or refused.
        caller: { kind: "anonymous" },
        clientIp: clientInfo(options.request).ip,
      },
      {
        toolName: call.name,
        toolId: null,
        environment: options.address.environment,
        status: "error",
        errorType: "auth",
        errorCode: options.code,
        durationMs: 0,
        logs: [],
        arguments: call.arguments,
        startedAt: new Date(),
        client: requestClientInfo(call, options.request),
      },
    );
  } catch (error) {
    // Recording must never change the 401 the caller gets.
    console.error("[mcp] recording a refused call failed", error);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function findProject(address: EndpointAddress) {
  return db.project.findFirst({
    where: { slug: address.projectSlug, organization: { slug: address.orgSlug } },
    select: { id: true, organizationId: true },
  });
}

async function withinCap(projectId: string): Promise<boolean> {
  const decision = await getRateLimiter().check([
    { kind: "window", key: `auth-records:${projectId}`, limit: AUTH_RECORDS_PER_MINUTE, windowMs: 60_000 },
  ]);
  return decision.allowed;
}
