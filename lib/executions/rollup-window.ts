// Which rollups and which raw rows make up a stats window [from, to). ExecutionRollup holds UTC
// buckets of 1 min, 10 min, 1 h and 1 day (each size divides the next, all aligned on the epoch):
// the window is covered by the largest whole buckets that fit, smaller ones towards its edges,
// and the raw rows of the less-than-a-minute left at each edge (at most two minutes of rows in
// all). A 24-hour window reads at most ~51 buckets per tool and environment, whatever the volume.

/** The rollup bucket sizes in seconds, smallest first (the execution_rollups migration writes these). */
export const ROLLUP_BUCKET_SECONDS = [60, 600, 3600, 86400] as const;

type TimeRange = { from: Date; to: Date };
/** Buckets of one size whose start is in [from, to) (from and to are multiples of the size). */
type BucketRange = TimeRange & { bucketSeconds: number };

export function coverWindow(from: Date, to: Date): { buckets: BucketRange[]; raw: TimeRange[] } {
  const start = from.getTime();
  const end = to.getTime();
  const minute = ROLLUP_BUCKET_SECONDS[0] * 1000;
  const alignedStart = ceilTo(start, minute);
  const alignedEnd = floorTo(end, minute);
  if (alignedStart >= alignedEnd) return { buckets: [], raw: start < end ? [{ from, to }] : [] };

  const buckets: BucketRange[] = [];
  const cover = (low: number, high: number, level: number) => {
    if (low >= high) return;
    const size = ROLLUP_BUCKET_SECONDS[level] * 1000;
    const wholeLow = ceilTo(low, size);
    const wholeHigh = floorTo(high, size);
    if (level === 0 || wholeLow < wholeHigh) {
      buckets.push({ bucketSeconds: ROLLUP_BUCKET_SECONDS[level], from: new Date(wholeLow), to: new Date(wholeHigh) });
      if (level === 0) return;
      cover(low, wholeLow, level - 1);
      cover(wholeHigh, high, level - 1);
    } else {
      cover(low, high, level - 1);
    }
  };
  cover(alignedStart, alignedEnd, ROLLUP_BUCKET_SECONDS.length - 1);

  const raw: TimeRange[] = [];
  if (start < alignedStart) raw.push({ from, to: new Date(alignedStart) });
  if (alignedEnd < end) raw.push({ from: new Date(alignedEnd), to });
  return { buckets, raw };
}

const floorTo = (ms: number, size: number) => Math.floor(ms / size) * size;
const ceilTo = (ms: number, size: number) => Math.ceil(ms / size) * size;
