// Trying and releasing: run a tool on the draft, preview a publish, publish, list versions, roll back.
import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { AppError, notFound } from "@/lib/errors";
import { recordToolCall } from "@/lib/executions/recorder";
import { callTool, reportToolCall } from "@/lib/mcp/call-tool";
import type { McpCaller } from "@/lib/mcp/types";
import { listPackages } from "@/lib/packages/list-packages";
import { getPublishPreview } from "@/lib/packages/preview-publish";
import { publishWithGate, readTestGate } from "@/lib/test-cases/publish-gate";
import { listTestRuns } from "@/lib/test-cases/run-test-cases";
import { rollbackPackage } from "@/lib/packages/rollback-package";
import { checkToolCallLimits, projectRateLimits } from "@/lib/rate-limit/tool-call-limits";
import { getDraftSnapshot } from "@/lib/tools/draft-snapshot";
import { answer, jsonResult, projectAccess, projectArgument, type StudioContext, toolError } from "./studio-tool";

export function registerReleaseTools(server: McpServer, context: StudioContext) {
  server.registerTool(
    "run_tool",
    {
      title: "Run a tool on the draft",
      description:
        "Calls a tool of the project's draft exactly as a host connected to the draft endpoint would, and returns its result plus the handler's console logs. Arguments are validated against the tool's input schema first. The call is recorded in the executions (as this member's test-panel call). Needs the Editor role or above.",
      inputSchema: z.object({
        project: projectArgument,
        name: z.string().describe("The tool to call."),
        arguments: z.record(z.string(), z.unknown()).default({}).describe("The tool's arguments, matching its input schema."),
      }),
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },
    },
    async ({ project, name, arguments: args }) => {
      try {
        const access = await projectAccess(context, project, "project.draft");
        const snapshot = await getDraftSnapshot(access.project);
        const tool = snapshot.tools.find((candidate) => candidate.name === name);
        if (!tool) throw notFound(`Tool "${name}"`);
        // The member's own budget, shared with their test panel: one person, however they call.
        const caller: McpCaller = { kind: "test_panel", credentialId: "studio-mcp", userId: context.actor.userId };
        const clientIp = context.actor.ip ?? null;
        const limit = await checkToolCallLimits({
          projectId: access.project.id,
          limits: projectRateLimits(access.project),
          caller,
          clientIp,
          isDataTool: tool.kind === "data",
        });
        if (!limit.allowed) throw new AppError("rate_limited", limit.message);
        const { result, record } = await callTool({
          snapshot,
          tool,
          arguments: args,
          context: { projectSlug: access.project.slug, environment: "draft", locale: "en" },
        });
        const source = {
          projectId: access.project.id,
          organizationId: access.organization.id,
          environment: "draft" as const,
          packageVersion: null,
          caller,
          clientIp,
        };
        await reportToolCall(
          { onToolCall: (entry) => recordToolCall(source, entry) },
          { ...record, client: { name: "Atelier studio MCP server", version: null } },
        );
        return jsonResult({
          isError: result.isError ?? false,
          content: result.content,
          ...(result.structuredContent ? { structuredContent: result.structuredContent } : {}),
          logs: record.logs,
        });
      } catch (error) {
        return toolError(error);
      }
    },
  );

  server.registerTool(
    "preview_publish",
    {
      title: "Preview a publish",
      description:
        "Shows what publishing the draft would do, without doing it: tools, components, prompts and resources added, modified or removed, a unified diff per file, breaking changes (with why each one breaks hosts), and the suggested and minimum version. Read it before publish.",
      inputSchema: z.object({ project: projectArgument }),
      annotations: { readOnlyHint: true, destructiveHint: false, openWorldHint: false },
    },
    ({ project }) =>
      answer(async () => {
        const access = await projectAccess(context, project, "project.view");
        const [preview, tests] = await Promise.all([getPublishPreview({ access }), listTestRuns({ access, limit: 20 })]);
        // The last result of every saved test case, and whether failing ones block publish.
        const testCases = tests.lastResults.map((item) => ({
          tool: item.tool,
          prompt: item.prompt,
          resource: item.resource,
          case: item.case,
          status: item.result ? (item.result.passed ? "passed" : "failed") : "not run",
          failures: item.result?.expectations.filter((verdict) => !verdict.passed).map((verdict) => verdict.diff) ?? [],
          ranAt: item.run?.createdAt ?? null,
        }));
        return { ...preview, testGate: readTestGate(access.project.testGate), testCases };
      }),
  );

  server.registerTool(
    "publish",
    {
      title: "Publish the draft",
      description:
        "Publishes the draft as a new signed, immutable version: production serves it from the next request, to every connected host. Read preview_publish first and tell the user about breaking changes before publishing. Needs the Admin or Owner role, or to be an owner of the project; Editors are refused.",
      inputSchema: z.object({
        project: projectArgument,
        changelog: z.string().describe("What changed, for the people who use this server."),
        version: z.string().optional().describe("Semantic version; default: the suggested one. Must be at least the minimum version."),
        overrideReason: z
          .string()
          .optional()
          .describe(
            "Only when the project requires passing test cases and some fail: why to publish anyway (Owners and Admins only; audited).",
          ),
      }),
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
    },
    ({ project, changelog, version, overrideReason }) =>
      answer(async () => {
        // Through the publish gate, as the admin API: the project's test cases run on its draft first.
        const published = await publishWithGate({
          access: await projectAccess(context, project, "project.publish"),
          actor: context.actor,
          origin: context.origin ?? "",
          input: { changelog, version, overrideReason },
        });
        const { changes: _changes, signature: _signature, testRun, ...rest } = published;
        const summary = { ...rest, testRun: testRun && { passed: testRun.passed, failed: testRun.failed } };
        return summary;
      }),
  );

  server.registerTool(
    "list_versions",
    {
      title: "List published versions",
      description: "Lists a project's published versions, newest first, with changelog, author and which one production serves.",
      inputSchema: z.object({ project: projectArgument, limit: z.number().int().min(1).max(100).default(20) }),
      annotations: { readOnlyHint: true, destructiveHint: false, openWorldHint: false },
    },
    ({ project, limit }) =>
      answer(async () => {
        const page = await listPackages({ access: await projectAccess(context, project, "project.view"), page: { limit } });
        return page.data.map(({ version, changelog, createdAt, isProduction, author }) => ({
          version,
          changelog,
          createdAt,
          isProduction,
          author: author.name,
        }));
      }),
  );

  server.registerTool(
    "rollback",
    {
      title: "Roll production back",
      description:
        "Makes production serve an earlier published version from the next request (nothing new is created; the draft is untouched). Confirm with the user first. Needs the Admin or Owner role, or to be an owner of the project.",
      inputSchema: z.object({ project: projectArgument, version: z.string().describe("A version from list_versions.") }),
      annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: false },
    },
    ({ project, version }) =>
      answer(async () => {
        const rolled = await rollbackPackage({
          access: await projectAccess(context, project, "project.publish"),
          actor: context.actor,
          input: { version },
        });
        return { version: rolled.version, previousProductionVersion: rolled.previousProductionVersion };
      }),
  );
}
