import { normalizeName } from "./normalize";

/** The units a table can be stated in (docs/rules.md R0.1). */
export type Unit = "kr." | "1.000 kr." | "mio. kr.";

/** An amount in the table's unit (e.g. 8132 in 1.000 kr.). */
export type Amount = number;
/** An amount in kroner. */
export type Kroner = number;

export const UNITS: readonly Unit[] = ["kr.", "1.000 kr.", "mio. kr."];
export const DEFAULT_UNIT: Unit = "1.000 kr.";

const KRONER_PER_UNIT: Record<Unit, number> = { "kr.": 1, "1.000 kr.": 1_000, "mio. kr.": 1_000_000 };

const UNIT_SPELLINGS: Record<string, Unit> = {
  "kr.": "kr.",
  kr: "kr.",
  "1.000 kr.": "1.000 kr.",
  "1.000 kr": "1.000 kr.",
  "1000 kr.": "1.000 kr.",
  "1000 kr": "1.000 kr.",
  "t.kr.": "1.000 kr.",
  "t.kr": "1.000 kr.",
  "tkr.": "1.000 kr.",
  tkr: "1.000 kr.",
  "mio. kr.": "mio. kr.",
  "mio. kr": "mio. kr.",
  "mio.kr.": "mio. kr.",
  "mio kr.": "mio. kr.",
  "mio kr": "mio. kr.",
};

/** Reads a unit as users write it ("1.000 kr.", "t.kr.", "mio. kr."); undefined when it is not one. */
export function parseUnit(text: string): Unit | undefined {
  return UNIT_SPELLINGS[normalizeName(text)];
}

export function kronerPerUnit(unit: Unit): number {
  return KRONER_PER_UNIT[unit];
}

/** A threshold stated in kr. expressed in the table's unit (250.000 kr. = 250 in 1.000 kr.). */
export function fromKroner(kroner: Kroner, unit: Unit): Amount {
  return kroner / KRONER_PER_UNIT[unit];
}

/** An amount in the table's unit in whole kroner (8.132 in 1.000 kr. = 8.132.000 kr.). */
export function toWholeKroner(amount: Amount, unit: Unit): Kroner {
  // Round the product, not the amount: 1.234,5 (1.000 kr.) is 1.234.500 kr.
  return Math.round(amount * KRONER_PER_UNIT[unit]) + 0;
}
