import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  histogramOf,
  histogramPercentile,
  LATENCY_RELATIVE_PRECISION,
  LATENCY_SLOT_LOWER_BOUNDS,
  latencySlot,
  mergeHistogramInto,
} from "./latency-histogram";

/** percentile_cont over the values, as PostgreSQL computes it. */
function percentileCont(values: number[], fraction: number) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = fraction * (sorted.length - 1);
  const low = Math.floor(rank);
  return rank === low ? sorted[low] : sorted[low] + (rank - low) * (sorted[low + 1] - sorted[low]);
}

function pseudoRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("latency slots", () => {
  it("are exact below 16 ms, then at most 2^(1/8) wide, ascending, up to 1,048,576 ms", () => {
    expect(LATENCY_SLOT_LOWER_BOUNDS.slice(0, 17)).toEqual([...Array.from({ length: 16 }, (_, ms) => ms), 16]);
    for (let index = 1; index < LATENCY_SLOT_LOWER_BOUNDS.length; index++) {
      expect(LATENCY_SLOT_LOWER_BOUNDS[index]).toBeGreaterThan(LATENCY_SLOT_LOWER_BOUNDS[index - 1]);
      if (index > 16) expect((LATENCY_SLOT_LOWER_BOUNDS[index] - 1) / LATENCY_SLOT_LOWER_BOUNDS[index - 1]).toBeLessThan(2 ** (1 / 8));
    }
    expect(LATENCY_SLOT_LOWER_BOUNDS.at(-1)).toBe(1_048_576);
    expect(LATENCY_RELATIVE_PRECISION).toBeCloseTo(0.0443, 4);
  });

  it("bin a duration into the slot whose bounds hold it (negative as 0, huge into the last)", () => {
    expect(latencySlot(-3)).toBe(1);
    expect(latencySlot(0)).toBe(1);
    expect(latencySlot(15)).toBe(16);
    expect(latencySlot(16)).toBe(17);
    expect(latencySlot(17)).toBe(17);
    expect(latencySlot(18)).toBe(18);
    expect(latencySlot(10 ** 9)).toBe(LATENCY_SLOT_LOWER_BOUNDS.length);
    for (let ms = 0; ms < 20_000; ms += 7) {
      const slot = latencySlot(ms);
      expect(LATENCY_SLOT_LOWER_BOUNDS[slot - 1]).toBeLessThanOrEqual(ms);
      if (slot < LATENCY_SLOT_LOWER_BOUNDS.length) expect(LATENCY_SLOT_LOWER_BOUNDS[slot]).toBeGreaterThan(ms);
    }
  });

  it("are the bounds the execution_rollups migration gives the database", () => {
    const migrations = path.resolve(import.meta.dirname, "../../prisma/migrations");
    const directory = readdirSync(migrations).find((name) => name.endsWith("_execution_rollups"));
    const sql = readFileSync(path.join(migrations, directory ?? "missing", "migration.sql"), "utf8");
    const literal = sql.match(/width_bucket\(GREATEST\(duration_ms, 0\), '\{([\d,]+)\}'/)?.[1];
    expect(literal?.split(",").map(Number)).toEqual(LATENCY_SLOT_LOWER_BOUNDS);
  });
});

describe("histograms", () => {
  it("merge slot by slot, whatever their lengths", () => {
    expect(mergeHistogramInto([1, 2], [0, 1, 0, 4])).toEqual([1, 3, 0, 4]);
    expect(mergeHistogramInto([1, 2, 3], [1])).toEqual([2, 2, 3]);
    const a = [3, 40, 41, 200, 5000];
    const b = [7, 7, 90_000];
    expect(mergeHistogramInto(histogramOf(a), histogramOf(b))).toEqual(histogramOf([...a, ...b]));
  });

  it("give percentile_cont exactly below 16 ms, and null when empty", () => {
    const values = [0, 1, 1, 2, 3, 5, 8, 13, 15];
    for (const fraction of [0, 0.1, 0.5, 0.9, 0.95, 1])
      expect(histogramPercentile(histogramOf(values), fraction)).toBeCloseTo(percentileCont(values, fraction), 10);
    expect(histogramPercentile([], 0.5)).toBeNull();
    expect(histogramPercentile([0, 0], 0.5)).toBeNull();
  });

  it("give percentiles within the stated relative precision of percentile_cont", () => {
    const random = pseudoRandom(42);
    for (let round = 0; round < 200; round++) {
      const count = 1 + Math.floor(random() * 300);
      const scale = 10 ** (random() * 5);
      const values = Array.from({ length: count }, () => Math.floor(random() * random() * scale));
      const histogram = histogramOf(values);
      for (const fraction of [0.5, 0.95, 0.99]) {
        const exact = percentileCont(values, fraction);
        const estimate = histogramPercentile(histogram, fraction) ?? Number.NaN;
        expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(exact * LATENCY_RELATIVE_PRECISION + 1e-9);
      }
    }
  });
});
