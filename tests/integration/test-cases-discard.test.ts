// Discarding draft changes puts test cases back as production pinned them: everything, or one tool's.
import { beforeAll, describe, expect, it } from "vitest";
import * as discardRoute from "@/app/app/v1/organizations/[org]/projects/[project]/draft/discard/route";
import { getProjectAccess, type ProjectAccess } from "@/lib/access";
import { publishPackage } from "@/lib/packages/publish-package";
import { createTestCase, deleteTestCase, unsafeListProjectTestCases, updateTestCase } from "@/lib/test-cases/test-cases";
import { createPrompt, deletePrompt } from "@/lib/prompts/prompts";
import { createResource } from "@/lib/resources/resources";
import { createTool } from "@/lib/tools/tools";
import { asSession, call, createOrgWithMembers, type OrgFixture } from "./helpers";

let fixture: OrgFixture;
let access: ProjectAccess;

const expectations = [{ kind: "isError" as const, value: false }];
const snapshot = async () =>
  (await unsafeListProjectTestCases(access.project.id)).map(
    (testCase) => `${testCase.tool ?? testCase.prompt ?? testCase.resource}/${testCase.name}:${JSON.stringify(testCase.input)}`,
  );

async function discard(body: Record<string, string>) {
  return call<{ discarded: { testCases?: { added: string[]; modified: string[]; removed: string[] } } }>(discardRoute.POST, {
    method: "POST",
    path: "/",
    headers: await asSession(fixture.users.owner),
    params: { org: fixture.organization.slug, project: fixture.project.slug },
    body,
  });
}

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  access = await getProjectAccess({
    actor: fixture.users.owner,
    orgSlug: fixture.organization.slug,
    projectSlug: fixture.project.slug,
    permission: "project.publish",
  });
  for (const name of ["a", "b"]) await createTool({ access, input: { name, kind: "data" } });
  await createTestCase({ access, target: { kind: "tool", name: "a" }, input: { name: "one", input: { n: 1 }, expectations } });
  await createTestCase({ access, target: { kind: "tool", name: "b" }, input: { name: "two", input: { n: 2 }, expectations } });
  await publishPackage({ access, actor: fixture.users.owner, input: { changelog: "With cases" } });
});

describe("discarding test cases", () => {
  it("restores one tool's cases, then all of them", async () => {
    const published = await snapshot();
    await updateTestCase({ access, target: { kind: "tool", name: "a" }, name: "one", input: { input: { n: 10 } } });
    await createTestCase({ access, target: { kind: "tool", name: "a" }, input: { name: "extra", expectations } });
    await deleteTestCase({ access, target: { kind: "tool", name: "b" }, name: "two" });

    const one = await discard({ tool: "a" });
    expect(one.status).toBe(200);
    expect(one.body.discarded.testCases).toEqual({ added: ["a/extra"], modified: ["a/one"], removed: [] });
    expect(await snapshot()).toEqual(['a/one:{"n":1}']);

    const rest = await discard({});
    expect(rest.body.discarded.testCases).toEqual({ added: [], modified: [], removed: ["b/two"] });
    expect(await snapshot()).toEqual(published);
  });

  it("restores a prompt's and a resource's cases with the whole draft, even after the prompt was deleted", async () => {
    await createPrompt({ access, input: { name: "greet", messages: [{ role: "user", content: { type: "text", text: "Hi" } }] } });
    await createResource({
      access,
      input: { name: "day", kind: "template", uri: "notes://days/{date}", handler: "async (v) => ({ text: v.date })" },
    });
    await createTestCase({ access, target: { kind: "prompt", name: "greet" }, input: { name: "hi", expectations } });
    await createTestCase({
      access,
      target: { kind: "resource", name: "day" },
      input: { name: "monday", input: { date: "1" }, expectations },
    });
    await publishPackage({ access, actor: fixture.users.owner, input: { changelog: "Prompt and resource cases" } });
    const published = await snapshot();

    await deletePrompt({ access, name: "greet" });
    await updateTestCase({ access, target: { kind: "resource", name: "day" }, name: "monday", input: { input: { date: "2" } } });
    // Discarding one tool (with a changed case, so its cases are reset) leaves prompt and resource cases alone.
    await updateTestCase({ access, target: { kind: "tool", name: "a" }, name: "one", input: { input: { n: 5 } } });
    const promptAndResourceCases = async () => (await snapshot()).filter((entry) => !entry.startsWith("a/") && !entry.startsWith("b/"));
    const before = await promptAndResourceCases();
    expect(before).toEqual(['day/monday:{"date":"2"}']);
    const tool = await discard({ tool: "a" });
    expect(tool.status).toBe(200);
    expect(tool.body.discarded.testCases).toEqual({ added: [], modified: ["a/one"], removed: [] });
    expect(await promptAndResourceCases()).toEqual(before);

    const all = await discard({});
    expect(all.body.discarded.testCases).toEqual({ added: [], modified: ["resources/day/monday"], removed: ["prompts/greet/hi"] });
    expect(await snapshot()).toEqual(published);
  });
});
