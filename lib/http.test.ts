import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { errorResponse } from "./http";

const prismaError = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError("database said no", { code, clientVersion: "7", meta });

async function mapped(error: unknown) {
  const response = errorResponse(error);
  return { status: response.status, body: (await response.json()) as { error: { code: string; message: string } } };
}

describe("errorResponse for database errors", () => {
  it("answers a deadlock or serialization failure (P2034) with 409, to retry", async () => {
    expect(await mapped(prismaError("P2034"))).toEqual({
      status: 409,
      body: { error: { code: "conflict", message: "Someone else changed this at the same time. Reload and try again." } },
    });
  });

  it("answers a record that vanished (P2025) with 404", async () => {
    const { status, body } = await mapped(prismaError("P2025"));
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
  });

  it("names the fields of a unique violation instead of assuming a name", async () => {
    expect((await mapped(prismaError("P2002", { target: ["projectId", "version"] }))).body.error.message).toBe(
      "Another record already has this version",
    );
    const adapterMeta = { driverAdapterError: { cause: { constraint: { fields: ['"slug"'] } } } };
    expect((await mapped(prismaError("P2002", adapterMeta))).body.error.message).toBe("Another record already has this slug");
    expect((await mapped(prismaError("P2002"))).body.error.message).toBe("Another record already has these values");
  });
});
