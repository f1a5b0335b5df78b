import { testCaseItemRoutes } from "@/lib/test-cases/test-case-routes";

// GET, PATCH, DELETE /app/v1/organizations/{org}/projects/{project}/resources/{name}/test-cases/{case}
export const { GET, PATCH, DELETE } = testCaseItemRoutes("resource", "name");
