import { describe, expect, it } from "vitest";
import { AUDIT_CSV_COLUMNS, auditCsvHeader, auditCsvRow, auditJsonLine } from "./export-audit-events";
import type { AuditEventItem } from "./list-audit-events";

const event: AuditEventItem = {
  id: "evt_1",
  createdAt: new Date("2026-11-21T09:30:00.123Z"),
  action: "project.visibility",
  actorUserId: "user_1",
  actorTokenId: null,
  actorLabel: "ada@example.test",
  targetType: "project",
  targetId: "proj_1",
  targetLabel: "demo",
  oldValue: { visibility: "private" },
  newValue: { visibility: "public" },
  ip: null,
  userAgent: 'Mozilla/5.0 (X11; "quoted", comma)',
};

describe("audit CSV", () => {
  it("has one header cell per column, CRLF-terminated", () => {
    expect(auditCsvHeader()).toBe(`${AUDIT_CSV_COLUMNS.join(",")}\r\n`);
  });

  it("quotes only cells that need it, doubles quotes, writes JSON values as text and null as an empty cell", () => {
    expect(auditCsvRow(event)).toBe(
      [
        "evt_1",
        "2026-11-21T09:30:00.123Z",
        "project.visibility",
        "user_1",
        "",
        "ada@example.test",
        "project",
        "proj_1",
        "demo",
        '"{""visibility"":""private""}"',
        '"{""visibility"":""public""}"',
        "",
        '"Mozilla/5.0 (X11; ""quoted"", comma)"',
      ].join(",") + "\r\n",
    );
  });

  it("keeps line breaks inside a quoted cell, and an empty string distinct from null", () => {
    const row = auditCsvRow({ ...event, targetLabel: "a\r\nb", userAgent: "" });
    expect(row).toContain(',"a\r\nb",');
    expect(row.endsWith(',""\r\n')).toBe(true);
  });
});

describe("audit JSON Lines", () => {
  it("is the event as JSON on one line", () => {
    const line = auditJsonLine({ ...event, targetLabel: "line\nbreak" });
    expect(line.endsWith("\n")).toBe(true);
    expect(line.slice(0, -1)).not.toContain("\n");
    expect(JSON.parse(line)).toEqual({ ...JSON.parse(JSON.stringify(event)), targetLabel: "line\nbreak" });
  });
});
