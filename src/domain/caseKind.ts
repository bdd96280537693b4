import { normalizeName } from "./normalize";

/** The three kinds of committee case (docs/rules.md, R15): each has its own decision. */
export const CASE_KINDS = ["Budgetopfølgning", "Regnskab", "Orientering"] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** A Sagstype as written: case-insensitive, æ/ø/å or ae/oe/aa. Undefined when it is none of the three. */
export function parseCaseKind(text: string): CaseKind | undefined {
  return CASE_KINDS.find((k) => normalizeName(k) === normalizeName(text));
}

/** Why the kind is what it is: given in Regler, or chosen by the tool from the tables present. */
export type CaseKindSource = "parameter" | "followUp" | "yearEnd" | "none";

/**
 * R15.1: the Sagstype parameter where given; else a follow-up makes a Budgetopfølgning, the accounts
 * alone (Regnskab without a follow-up) a Regnskab, and neither an Orientering.
 */
export function chooseCaseKind(
  given: CaseKind | undefined,
  tables: { followUp: boolean; yearEnd: boolean },
): { kind: CaseKind; source: CaseKindSource } {
  if (given !== undefined) return { kind: given, source: "parameter" };
  if (tables.followUp) return { kind: "Budgetopfølgning", source: "followUp" };
  if (tables.yearEnd) return { kind: "Regnskab", source: "yearEnd" };
  return { kind: "Orientering", source: "none" };
}
