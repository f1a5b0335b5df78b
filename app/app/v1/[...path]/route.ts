// ANY /app/v1/… – unknown API paths answer JSON 404, not the studio's HTML 404 page
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";

function handler(request: Request) {
  const { pathname } = new URL(request.url);
  return errorResponse(new AppError("not_found", `There is no API route ${request.method} ${pathname}`));
}

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE, handler as HEAD, handler as OPTIONS };
