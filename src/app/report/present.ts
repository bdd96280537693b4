import { capitalize, Flag, FLAGS, formatDanishNumber, NOT_APPLICABLE } from "../../domain";

/**
 * How every view shows an amount: Danish thousands separators, whole numbers without decimals, others
 * with two; nothing for a missing value.
 */
export function formatAmount(value: number | null | undefined): string {
  return value === undefined || value === null
    ? ""
    : formatDanishNumber(value, Number.isInteger(value) ? 0 : 2);
}

/** The column heading of a flag count: the flag word, and for "–" what it means. */
export function flagHeading(flag: Flag): string {
  return flag === NOT_APPLICABLE ? "Ikke beregnet (–)" : flag;
}

/** One indicator's flag counts in FLAGS order (GRØN, GUL, RØD, –), with its name as users read it. */
export interface FlagCountRow {
  indicator: string;
  counts: number[];
}

/** The flag counts per indicator (Økonomi, Mængder, Refusion …), every count in FLAGS order. */
export function flagCountRows(flagCounts: Record<string, Partial<Record<string, number>>>): FlagCountRow[] {
  return Object.entries(flagCounts).map(([name, counts]) => ({
    indicator: capitalize(name),
    counts: FLAGS.map((f) => counts[f] ?? 0),
  }));
}
