import { testCaseCollectionRoutes } from "@/lib/test-cases/test-case-routes";

// GET  /app/v1/organizations/{org}/projects/{project}/resources/{name}/test-cases – the resource's saved test cases
// POST /app/v1/organizations/{org}/projects/{project}/resources/{name}/test-cases – save a case
// { name, input (a template's variables, strings), expectations }; part of the draft at once
export const { GET, POST } = testCaseCollectionRoutes("resource", "name");
