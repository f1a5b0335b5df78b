// The export archive (one JSON document): a project's draft — Instructions, tools, components,
// prompts, resources and test cases — as the admin API shapes them, with secrets by name only. Items are read
// loosely here; each is checked by its own domain's schema when it is imported, so the errors are
// the ones the editor would show.
import { z } from "zod";

export const ARCHIVE_FORMAT = "atelier.project-export/v1";

const item = z.looseObject({ name: z.string().min(1).max(64) });

export const archiveSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT, { error: `is not an Atelier project export (expected "format": "${ARCHIVE_FORMAT}")` }),
  exportedAt: z.string().optional(),
  source: z.object({ organization: z.string(), project: z.string(), draftDigest: z.string() }).partial().optional(),
  project: z.object({ slug: z.string().max(64).optional(), name: z.string().max(200).optional(), instructions: z.string().max(20_000) }),
  tools: z.array(item.extend({ secretNames: z.array(z.string()).max(100).optional() })).max(500),
  components: z.array(item).max(500),
  prompts: z.array(item).max(500).default([]),
  resources: z.array(item).max(500).default([]),
  /**
   * Saved test cases, each naming its `tool`, `prompt` or `resource` (the package manifest's shape).
   * Absent in archives written before cases were exported: importing one leaves the draft's cases
   * as they are (those of deleted items go with them); present, even empty, it replaces them.
   */
  testCases: z
    .array(
      z.looseObject({
        tool: z.string().min(1).max(64).optional(),
        prompt: z.string().min(1).max(64).optional(),
        resource: z.string().min(1).max(64).optional(),
        name: z.string().min(1).max(64),
      }),
    )
    .max(5000)
    .optional(),
});

export type ProjectArchive = z.infer<typeof archiveSchema>;
