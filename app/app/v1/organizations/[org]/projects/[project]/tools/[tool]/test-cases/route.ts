import { testCaseCollectionRoutes } from "@/lib/test-cases/test-case-routes";

// GET  /app/v1/organizations/{org}/projects/{project}/tools/{tool}/test-cases – the tool's saved test cases
// POST /app/v1/organizations/{org}/projects/{project}/tools/{tool}/test-cases – save a case
// { name, input, expectations } or { fromPreset: "<preset name>" }; part of the draft at once
export const { GET, POST } = testCaseCollectionRoutes("tool", "tool");
