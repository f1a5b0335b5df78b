import { testCaseItemRoutes } from "@/lib/test-cases/test-case-routes";

// GET, PATCH (rename, new input or expectations), DELETE
// /app/v1/organizations/{org}/projects/{project}/tools/{tool}/test-cases/{case}
export const { GET, PATCH, DELETE } = testCaseItemRoutes("tool", "tool");
