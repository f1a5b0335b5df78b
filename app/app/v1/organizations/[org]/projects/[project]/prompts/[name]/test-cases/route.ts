import { testCaseCollectionRoutes } from "@/lib/test-cases/test-case-routes";

// GET  /app/v1/organizations/{org}/projects/{project}/prompts/{name}/test-cases – the prompt's saved test cases
// POST /app/v1/organizations/{org}/projects/{project}/prompts/{name}/test-cases – save a case
// { name, input (the prompt's arguments, strings), expectations }; part of the draft at once
export const { GET, POST } = testCaseCollectionRoutes("prompt", "name");
