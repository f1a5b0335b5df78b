// The Executions filters survive a round trip through the query string; bad values fall back.
import { describe, expect, it } from "vitest";
import { DEFAULT_EXECUTION_FILTERS } from "@/lib/hooks/use-executions";
import { filtersFromParams, paramsWithFilters } from "./filters-url";

describe("filters in the URL", () => {
  it("round-trips every filter and keeps other parameters", () => {
    const filters = {
      tool: "get_weather",
      environment: "production",
      status: "error",
      errorType: "timeout",
      range: { preset: "custom", from: "2026-11-20T10:00", to: "2026-11-21T09:30" },
    } as const;
    const params = paramsWithFilters(new URLSearchParams("execution=abc"), filters);
    expect(params.get("execution")).toBe("abc");
    expect(filtersFromParams(params)).toEqual(filters);
  });

  it("leaves the defaults out of the URL", () => {
    expect(paramsWithFilters(new URLSearchParams(), DEFAULT_EXECUTION_FILTERS).toString()).toBe("");
    expect(paramsWithFilters(new URLSearchParams(), { ...DEFAULT_EXECUTION_FILTERS, range: { preset: "7d" } }).toString()).toBe("range=7d");
  });

  it("ignores unknown values instead of failing", () => {
    const filters = filtersFromParams(new URLSearchParams("environment=staging&status=maybe&errorType=nope&range=1y"));
    expect(filters).toEqual(DEFAULT_EXECUTION_FILTERS);
    expect(filtersFromParams(new URLSearchParams("range=custom&from=yesterday")).range).toEqual({
      preset: "custom",
      from: "yesterday",
      to: "",
    });
  });

  it("drops an error type next to status=success", () => {
    expect(filtersFromParams(new URLSearchParams("status=success&errorType=runtime")).errorType).toBeNull();
  });
});
