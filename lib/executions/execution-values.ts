// What an execution record's environment, status and error type can be. No dependencies: the
// Executions page's filter controls import it without pulling in zod (see ./execution-filters).
export const EXECUTION_ENVIRONMENTS = ["draft", "production"] as const;
export const EXECUTION_STATUSES = ["success", "error"] as const;
export const EXECUTION_ERROR_TYPES = ["validation", "runtime", "timeout", "rate_limited", "auth", "cancelled"] as const;

export type ExecutionEnvironment = (typeof EXECUTION_ENVIRONMENTS)[number];
export type ExecutionStatusName = (typeof EXECUTION_STATUSES)[number];
export type ExecutionErrorType = (typeof EXECUTION_ERROR_TYPES)[number];
