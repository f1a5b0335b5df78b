// The export archive (one JSON document): a project's draft — Instructions, tools, components,
// prompts and resources — as the admin API shapes them, with secrets by name only. Items are read
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
});

export type ProjectArchive = z.infer<typeof archiveSchema>;
