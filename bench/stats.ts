/** Timing helpers: medians of repeated runs with min and max. Measurements only; nothing fails on time. */
export interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(values: readonly number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)]!,
    min: sorted[0]!,
    max: sorted.at(-1)!,
    runs: values.length,
  };
}

/** Runs fn `runs` times (after one warm-up when asked) and returns the timing in ms. */
export async function time(fn: () => unknown, runs: number, warmUp = true): Promise<Timing> {
  if (warmUp) await fn();
  const values: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    values.push(performance.now() - t0);
  }
  return summarize(values);
}

/** The process's peak resident memory so far, in MB (Linux: ru_maxrss is in kB). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** One line of the printed table and of bench/results.json. */
export interface Row {
  group: string;
  measure: string;
  size?: number;
  value: number;
  min?: number;
  max?: number;
  unit: string;
  /** Growth from the group's smallest size: (value / smallest value) / (size / smallest size); 1 = linear. */
  perUnitGrowth?: number;
  baseline?: { name: string; value: number; ratio: number };
  budget?: { limit: number; ok: boolean };
  note?: string;
}

/** Adds perUnitGrowth to the rows of one measure, relative to its smallest size. */
export function withGrowth(rows: Row[]): Row[] {
  const first = rows.find((r) => r.size !== undefined);
  const firstSize = first?.size;
  if (!first || firstSize === undefined) return rows;
  return rows.map((r) =>
    r.size === undefined || r.size === firstSize || first.value === 0
      ? r
      : { ...r, perUnitGrowth: r.value / first.value / (r.size / firstSize) },
  );
}
