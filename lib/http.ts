// Request parsing and the one error → response mapper for JSON routes.
import { requestClientIp } from "@/lib/rate-limit/client-ip";
import { z } from "zod";
import { AppError, ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export const MAX_JSON_BODY_BYTES = 1024 * 1024;

export function json(data: unknown, init?: ResponseInit) {
  return Response.json(data, init);
}

export function errorBody(code: string, message: string, details?: Record<string, unknown>) {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

function zodMessage(error: z.ZodError) {
  const first = error.issues[0];
  const field = first?.path.join(".");
  return field ? `${field}: ${first.message}` : (first?.message ?? "Invalid input");
}

/**
 * Database errors a client can act on. A unique violation names the fields it collided on (a
 * slug, a version, …) rather than assuming a name; a serialization failure or deadlock (P2034)
 * means a concurrent change won, so it is a conflict to retry; a record that vanished between
 * the check and the write (P2025) is gone.
 */
function knownDatabaseError(error: Prisma.PrismaClientKnownRequestError): { code: ErrorCode; message: string } | null {
  switch (error.code) {
    case "P2002": {
      const fields = uniqueFields(error);
      return {
        code: "conflict",
        message: fields ? `Another record already has this ${fields}` : "Another record already has these values",
      };
    }
    case "P2034":
      return { code: "conflict", message: "Someone else changed this at the same time. Reload and try again." };
    case "P2025":
      return { code: "not_found", message: "Not found: it may have just been deleted" };
    default:
      return null;
  }
}

function uniqueFields(error: Prisma.PrismaClientKnownRequestError): string | null {
  const meta = error.meta as { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: unknown } } } } | undefined;
  const fields = Array.isArray(meta?.target) ? meta.target : meta?.driverAdapterError?.cause?.constraint?.fields;
  if (!Array.isArray(fields)) return null;
  const names = fields.map(String).filter((name) => !/^(id|organizationId|projectId|userId)$/.test(name.replace(/"/g, "")));
  return names.length ? names.map((name) => name.replace(/"/g, "")).join(" and ") : null;
}

/** Maps any thrown value to a JSON error response; unknown errors are logged and hidden. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return json(errorBody(error.code, error.message, error.details), { status: error.status });
  }
  if (error instanceof z.ZodError) {
    const fields = error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }));
    return json(errorBody("validation_failed", zodMessage(error), { fields }), { status: 422 });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const known = knownDatabaseError(error);
    if (known) return json(errorBody(known.code, known.message), { status: ERROR_STATUS[known.code] });
  }
  console.error("Unhandled error", error);
  return json(errorBody("internal", "Something went wrong on our side. Try again; if it persists, check the server log."), {
    status: 500,
  });
}

/** Reads a JSON body with a size limit, then validates it with a zod schema. */
export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_JSON_BODY_BYTES) throw new AppError("payload_too_large", "Request body is too large");
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BODY_BYTES) throw new AppError("payload_too_large", "Request body is too large");
  let body: unknown;
  try {
    body = text.length ? JSON.parse(text) : {};
  } catch {
    throw new AppError("bad_request", "Request body is not valid JSON");
  }
  return schema.parse(body);
}

export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  return schema.parse(Object.fromEntries(new URL(request.url).searchParams));
}

/** Who sent a request, for audit entries and execution records (see requestClientIp for which address). */
export function clientInfo(request: Request) {
  return { ip: requestClientIp(request), userAgent: request.headers.get("user-agent") };
}

// The origin lives in its own module (the proxy imports it without the database); re-exported for the MCP and OAuth routes.
