// How the Executions page writes figures and reads its time ranges (UTC, like every studio date).
import { describe, expect, it } from "vitest";
import { rangeProblem, resolveWindow, utcInstant } from "@/lib/hooks/use-executions";
import { errorTypeLabel, formatDuration, formatRate, formatTime } from "./format";

describe("formatting", () => {
  it("writes durations in ms below a second, then seconds", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(42)).toBe("42 ms");
    expect(formatDuration(87.5)).toBe("87.5 ms");
    expect(formatDuration(1234)).toBe("1.23 s");
    expect(formatDuration(61_000)).toBe("61.0 s");
  });

  it("writes rates as percentages, with a decimal below 10%", () => {
    expect(formatRate(0)).toBe("0%");
    expect(formatRate(0.0123)).toBe("1.2%");
    expect(formatRate(2 / 3)).toBe("67%");
    expect(formatRate(1)).toBe("100%");
  });

  it("writes times in UTC with seconds", () => {
    expect(formatTime("2026-11-21T09:05:07.123Z")).toBe("Nov 21, 09:05:07 UTC");
  });

  it("names error types, and falls back for unknown ones", () => {
    expect(errorTypeLabel("rate_limited")).toBe("Rate limited");
    expect(errorTypeLabel("something_new")).toBe("Error");
  });
});

describe("time ranges", () => {
  const now = Date.parse("2026-11-21T12:00:00Z");

  it("turns a preset into a window ending now", () => {
    expect(resolveWindow({ preset: "1h" }, now)).toEqual({ from: "2026-11-21T11:00:00.000Z" });
    expect(resolveWindow({ preset: "7d" }, now)).toEqual({ from: "2026-11-14T12:00:00.000Z" });
  });

  it("reads custom datetime-local values as UTC; an empty end means now", () => {
    expect(utcInstant("2026-11-20T08:30")?.toISOString()).toBe("2026-11-20T08:30:00.000Z");
    expect(utcInstant("")).toBeNull();
    expect(utcInstant("not a date")).toBeNull();
    expect(resolveWindow({ preset: "custom", from: "2026-11-20T08:30", to: "" }, now)).toEqual({ from: "2026-11-20T08:30:00.000Z" });
    expect(resolveWindow({ preset: "custom", from: "2026-11-20T08:30", to: "2026-11-20T09:00" }, now)).toEqual({
      from: "2026-11-20T08:30:00.000Z",
      to: "2026-11-20T09:00:00.000Z",
    });
  });

  it("explains a custom range that can't be used", () => {
    expect(rangeProblem({ preset: "24h" })).toBeNull();
    expect(rangeProblem({ preset: "custom", from: "", to: "" })).toBe("Choose a start time.");
    expect(rangeProblem({ preset: "custom", from: "2026-11-20T09:00", to: "2026-11-20T08:00" })).toBe("The start must be before the end.");
    expect(rangeProblem({ preset: "custom", from: "2026-11-20T08:00", to: "" })).toBeNull();
  });
});
