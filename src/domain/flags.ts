import { above, atMost, below } from "./compare";
import { Amount, fromKroner, Unit } from "./units";

/** A traffic-light flag; "–" when the flag's inputs are missing (docs/rules.md R2). */
export type Flag = "GRØN" | "GUL" | "RØD" | "–";

export const FLAGS: readonly Flag[] = ["GRØN", "GUL", "RØD", "–"];
export const NOT_APPLICABLE: Flag = "–";
/** The colours a judgement can have (a flag without "–"): what a user may choose. */
export const COLOURS: readonly Flag[] = FLAGS.filter((f) => f !== NOT_APPLICABLE);

/** Severity order used by the monotonicity invariant and by counting. */
export function flagSeverity(flag: Flag): number {
  return flag === "GRØN" ? 0 : flag === "GUL" ? 1 : flag === "RØD" ? 2 : -1;
}

export interface EconomyThresholds {
  unit: Unit;
  economyAmountKr: number;
  economyYellowShare: number;
  economyRedShare: number;
}

/**
 * R2.1 Økonomi. The deviation is korrigeret − forventet (+ = mindreforbrug). GRØN for mindreforbrug,
 * merforbrug ≤ the amount limit (250.000 kr., converted to the table's unit) or below 0,25 % of the
 * korrigeret budget; RØD above 1,5 %; GUL between, with 0,25 % and 1,5 % themselves GUL. The share is of
 * |budget|, so an income line (negative budget) is judged like any other; a budget of exactly 0 with
 * merforbrug above the amount limit is RØD (docs/rules.md, R2.1).
 */
export function economyFlag(
  korrigeret: Amount | undefined,
  forventet: Amount | undefined,
  t: EconomyThresholds,
): Flag {
  if (korrigeret === undefined || forventet === undefined) return NOT_APPLICABLE;
  const merforbrug = forventet - korrigeret;
  if (merforbrug <= 0) return "GRØN";
  if (atMost(merforbrug, fromKroner(t.economyAmountKr, t.unit))) return "GRØN";
  // An income line (negative budget) is judged on |budget| like any other; only a budget of exactly 0
  // leaves no percentage, and then a merforbrug above the amount limit is RØD.
  if (korrigeret === 0) return "RØD";
  const share = merforbrug / Math.abs(korrigeret);
  if (below(share, t.economyYellowShare)) return "GRØN";
  return above(share, t.economyRedShare) ? "RØD" : "GUL";
}

export interface QuantityThresholds {
  quantityYellowPersons: number;
  quantityRedPersons: number;
  quantityYellowShare: number;
  quantityRedShare: number;
  /** When the bands overlap: a green condition wins (true, default), or the worst band that holds. */
  quantityGreenWins?: boolean;
}

/**
 * R2.2 Mængder on fuldtidspersoner. The document's bands overlap, so by default (`Mængder: grøn vinder`
 * Ja): GRØN if either green condition holds (falling, rise ≤ 50 persons, rise < 3 %); otherwise RØD if
 * either red condition holds (rise > 100 persons, > 10 %); otherwise GUL. With Nej the worst band that
 * holds wins: RØD if either red condition holds, GUL if either yellow one does. Without a positive
 * budgeted number only persons count.
 */
export function quantityFlag(
  budgetted: number | undefined,
  expected: number | undefined,
  t: QuantityThresholds,
): Flag {
  if (budgetted === undefined || expected === undefined) return NOT_APPLICABLE;
  const rise = expected - budgetted;
  const share = budgetted > 0 ? rise / budgetted : undefined;
  if (rise <= 0) return "GRØN";
  const green =
    atMost(rise, t.quantityYellowPersons) || (share !== undefined && below(share, t.quantityYellowShare));
  const red = above(rise, t.quantityRedPersons) || (share !== undefined && above(share, t.quantityRedShare));
  if (t.quantityGreenWins ?? true) return green ? "GRØN" : red ? "RØD" : "GUL";
  // The worst band that holds: any red condition, else any yellow one (a rise beyond a green limit).
  if (red) return "RØD";
  const yellow =
    !atMost(rise, t.quantityYellowPersons) || (share !== undefined && !below(share, t.quantityYellowShare));
  return yellow ? "GUL" : "GRØN";
}

export interface RefundThresholds {
  refundYellowPoints: number;
  refundRedPoints: number;
}

/**
 * R2.3 Refusion on the average refusion rate (fractions: 0,21 = 21 %). The fall is measured in
 * percentage points. GRØN when rising or falling less than 0,5 pp; GUL from 0,5 to 1,0 pp inclusive;
 * RØD above 1,0 pp.
 */
export function refundFlag(
  budgetted: number | undefined,
  expected: number | undefined,
  t: RefundThresholds,
): Flag {
  if (budgetted === undefined || expected === undefined) return NOT_APPLICABLE;
  const fallPoints = (budgetted - expected) * 100;
  if (below(fallPoints, t.refundYellowPoints)) return "GRØN";
  return above(fallPoints, t.refundRedPoints) ? "RØD" : "GUL";
}

/** Counts of each flag, for summaries. */
export function countFlags(flags: Iterable<Flag>): Record<Flag, number> {
  const counts: Record<Flag, number> = { GRØN: 0, GUL: 0, RØD: 0, "–": 0 };
  for (const flag of flags) counts[flag] += 1;
  return counts;
}
