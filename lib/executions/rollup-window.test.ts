import { describe, expect, it } from "vitest";
import { coverWindow, ROLLUP_BUCKET_SECONDS } from "./rollup-window";

const at = (iso: string) => new Date(iso);

/** Every millisecond of [from, to) covered exactly once, by aligned buckets or the raw edges. */
function expectExactCover(from: Date, to: Date) {
  const { buckets, raw } = coverWindow(from, to);
  const pieces = [
    ...buckets.map((range) => {
      const size = range.bucketSeconds * 1000;
      expect(ROLLUP_BUCKET_SECONDS).toContain(range.bucketSeconds);
      expect(range.from.getTime() % size).toBe(0);
      expect(range.to.getTime() % size).toBe(0);
      return [range.from.getTime(), range.to.getTime()];
    }),
    ...raw.map((range) => {
      // A partial minute at an edge, or the whole window when no whole minute fits in it.
      expect(range.to.getTime() - range.from.getTime()).toBeLessThan(buckets.length > 0 ? 60_000 : 120_000);
      return [range.from.getTime(), range.to.getTime()];
    }),
  ].sort((a, b) => a[0] - b[0]);
  let cursor = from.getTime();
  for (const [start, end] of pieces) {
    expect(start).toBe(cursor);
    expect(end).toBeGreaterThan(start);
    cursor = end;
  }
  expect(cursor).toBe(to.getTime());
  return { buckets, raw };
}

describe("coverWindow", () => {
  it("uses the largest whole buckets, smaller ones towards the edges, raw rows for the partial minutes", () => {
    const { buckets, raw } = expectExactCover(at("2026-11-28T22:13:07.123Z"), at("2026-11-30T02:41:59.999Z"));
    expect(buckets.find((range) => range.bucketSeconds === 86400)).toEqual({
      bucketSeconds: 86400,
      from: at("2026-11-29T00:00:00Z"),
      to: at("2026-11-30T00:00:00Z"),
    });
    expect(raw).toEqual([
      { from: at("2026-11-28T22:13:07.123Z"), to: at("2026-11-28T22:14:00Z") },
      { from: at("2026-11-30T02:41:00Z"), to: at("2026-11-30T02:41:59.999Z") },
    ]);
  });

  it("keeps a 24-hour window to a few dozen buckets", () => {
    const { buckets } = expectExactCover(at("2026-11-29T10:59:31.5Z"), at("2026-11-30T10:59:31.5Z"));
    expect(buckets.length).toBeLessThanOrEqual(8);
  });

  it("covers windows within one minute, across a minute, aligned, and empty ones", () => {
    expect(expectExactCover(at("2026-11-29T10:00:10Z"), at("2026-11-29T10:00:50Z")).buckets).toEqual([]);
    expect(expectExactCover(at("2026-11-29T10:00:50Z"), at("2026-11-29T10:01:10Z")).buckets).toEqual([]);
    expect(expectExactCover(at("2026-11-29T00:00:00Z"), at("2026-11-30T00:00:00Z"))).toEqual({
      buckets: [{ bucketSeconds: 86400, from: at("2026-11-29T00:00:00Z"), to: at("2026-11-30T00:00:00Z") }],
      raw: [],
    });
    expect(coverWindow(at("2026-11-29T00:00:00Z"), at("2026-11-29T00:00:00Z"))).toEqual({ buckets: [], raw: [] });
  });

  it("covers random windows exactly", () => {
    let state = 7;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
    for (let round = 0; round < 500; round++) {
      const from = Date.parse("2026-11-01T00:00:00Z") + Math.floor(random() * 30 * 86_400_000);
      const length = Math.floor(random() ** 3 * 40 * 86_400_000);
      expectExactCover(new Date(from), new Date(from + length));
    }
  });
});
