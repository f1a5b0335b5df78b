import { isSameOriginRequest } from "@/lib/api/same-origin";
import { authenticateRequest } from "@/lib/auth/actor";
import { componentFrameHeaders, componentFrameSchema, renderComponentFrame } from "@/lib/components/component-frame";
import { errorBody, errorResponse, json } from "@/lib/http";

// POST /component-frame – form fields { kind, text, csp, name }, posted by the studio into the
// sandboxed iframe of the test panel or the component preview. Answers the component document with
// its CSP as a response header. Signed-in studio pages only.
export async function POST(request: Request) {
  try {
    if (!isSameOriginRequest(request))
      return json(errorBody("forbidden", "Only the studio's own pages can open a component frame"), { status: 403 });
    await authenticateRequest(request);
    const form = await request.formData();
    const input = componentFrameSchema.parse({
      kind: form.get("kind"),
      text: form.get("text"),
      csp: form.get("csp") ?? "{}",
      name: form.get("name") ?? undefined,
    });
    return new Response(await renderComponentFrame(input), { headers: componentFrameHeaders(input.csp) });
  } catch (error) {
    return errorResponse(error);
  }
}
