// Mergeable latency histograms (the `histogram` of ExecutionRollup): a count of calls per latency
// slot, fixed for everyone, so two histograms merge by adding slot by slot and percentiles of any
// set of rollups come from their merged histogram.
//
// Slots: one per millisecond below 16 ms (exact), then log-scale slots 2^(1/8) wide — lower bounds
// ceil(16 × 2^(j/8)) ms, j = 0…128 — the last one open-ended from 1,048,576 ms (17.5 min). The
// database bins with the same bounds (execution_latency_slot in the execution_rollups migration;
// a test checks that both agree). Slots are 1-based like SQL arrays: slot s is histogram[s - 1].
//
// Precision: a slot stands for the geometric middle of the whole milliseconds it holds, which is
// within LATENCY_RELATIVE_PRECISION (2^(1/16) − 1 ≈ 4.43 %) of each of them; percentiles are then
// interpolated like percentile_cont, so a percentile is within that relative distance of
// percentile_cont over the raw rows, and exact while the values it interpolates are below 16 ms.

const EXACT_BELOW_MS = 16;
const STEPS_PER_DOUBLING = 8;
const LOG_SLOTS = 129;

/** Lower bound (ms) of each slot, ascending. */
export const LATENCY_SLOT_LOWER_BOUNDS: readonly number[] = [
  ...Array.from({ length: EXACT_BELOW_MS }, (_, ms) => ms),
  ...Array.from({ length: LOG_SLOTS }, (_, j) => Math.ceil(EXACT_BELOW_MS * 2 ** (j / STEPS_PER_DOUBLING))),
];

/** The largest relative error of a percentile taken from a histogram (durations under 17.5 min). */
export const LATENCY_RELATIVE_PRECISION = 2 ** (1 / (2 * STEPS_PER_DOUBLING)) - 1;

/** The 1-based slot of a duration (negative durations count as 0 ms), as execution_latency_slot. */
export function latencySlot(durationMs: number): number {
  const bounds = LATENCY_SLOT_LOWER_BOUNDS;
  const ms = Math.max(0, durationMs);
  let low = 0;
  let high = bounds.length - 1;
  // The last bound not above ms.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (bounds[middle] <= ms) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** The value a slot stands for: the geometric middle of its whole milliseconds (its bound for the last, open-ended, slot). */
function slotValue(slot: number): number {
  const bounds = LATENCY_SLOT_LOWER_BOUNDS;
  const low = bounds[slot - 1];
  if (slot >= bounds.length) return low;
  const high = bounds[slot] - 1;
  return low === high ? low : Math.sqrt(low * high);
}

/** Adds `other` into `into`, slot by slot (either may be shorter: trailing slots are zeros). */
export function mergeHistogramInto(into: number[], other: readonly number[]): number[] {
  for (let index = 0; index < other.length; index++) into[index] = (into[index] ?? 0) + other[index];
  return into;
}

/** A histogram of durations (for tests and for rows read raw). */
export function histogramOf(durationsMs: readonly number[]): number[] {
  const histogram: number[] = [];
  for (const ms of durationsMs) {
    const slot = latencySlot(ms);
    while (histogram.length < slot) histogram.push(0);
    histogram[slot - 1]++;
  }
  return histogram;
}

/**
 * The `fraction` percentile (0…1) of the counted durations, interpolated between the two nearest
 * ranks like percentile_cont; null for an empty histogram.
 */
export function histogramPercentile(histogram: readonly number[], fraction: number): number | null {
  const count = histogram.reduce((sum, n) => sum + n, 0);
  if (count === 0) return null;
  const rank = fraction * (count - 1);
  const lowRank = Math.floor(rank);
  const low = valueAtRank(histogram, lowRank);
  if (rank === lowRank) return low;
  const high = valueAtRank(histogram, lowRank + 1);
  return low + (rank - lowRank) * (high - low);
}

// The value of the rank-th smallest duration (0-based).
function valueAtRank(histogram: readonly number[], rank: number): number {
  let seen = 0;
  for (let index = 0; index < histogram.length; index++) {
    seen += histogram[index];
    if (rank < seen) return slotValue(index + 1);
  }
  throw new Error(`rank ${rank} is beyond the histogram's ${seen} values`);
}
