import { above, atMost, sum } from "./compare";
import { cellText, RawRecord } from "./cells";
import { DiagnosticSink, Location } from "./diagnostics";
import { COLOURS, economyFlag, Flag, quantityFlag, refundFlag } from "./flags";
import { FollowUpResult, isOutsidePools } from "./followUp";
import { messages } from "./messages";
import { normalizeName } from "./normalize";
import { Parameters } from "./parameters";
import { Amount } from "./units";

/** R13: the five headline indicators, in the order the case shows them. */
export const INDICATORS = [
  "Økonomi",
  "Antal ledige",
  "Refusion",
  "Ledighedsudvikling",
  "Reservationspulje",
] as const;
export type IndicatorName = (typeof INDICATORS)[number];

/** A row of the Indikatorer table: the user's own colour and sentence for an indicator. */
export interface IndicatorChoice {
  indikator: IndicatorName;
  valgt?: Flag;
  bemærkning?: string;
  at?: Location;
}

/** An indicator as the case shows it: the tool's proposal, the user's choice, the colour that counts. */
export interface Indicator {
  indikator: IndicatorName;
  forslag: Flag;
  /** How the proposal was reached, in Danish (the rule and its figures). */
  grundlag: string;
  valgt?: Flag;
  /** The user's colour where given, else the proposal. */
  farve: Flag;
  bemærkning?: string;
}

/**
 * R13 Ledighedsudvikling: the gap between the municipality's and the national unemployment rate, in
 * percentage points. GRØN at or below the green limit (0,95), RØD above the red one (2,0), else GUL;
 * "–" without both rates.
 */
export function unemploymentFlag(
  municipality: number | undefined,
  national: number | undefined,
  t: Pick<Parameters, "unemploymentGreenPoints" | "unemploymentRedPoints">,
): Flag {
  if (municipality === undefined || national === undefined) return "–";
  const gapPoints = (municipality - national) * 100;
  if (atMost(gapPoints, t.unemploymentGreenPoints)) return "GRØN";
  return above(gapPoints, t.unemploymentRedPoints) ? "RØD" : "GUL";
}

/**
 * R13: a proposal per indicator by its stated rule. Økonomi is R2.1 on the pools' totals (korrigeret
 * against forventet); Antal ledige R2.2 on the total fuldtidspersoner of the rows that have both;
 * Refusion R2.3 on the budget-weighted average rates (weights |korrigeret budget|); Ledighedsudvikling
 * the gap above; Reservationspulje the pool's own flag (R5.2). What cannot be proposed is "–".
 */
export function proposeIndicators(
  followUp: FollowUpResult | undefined,
  poolFlag: Flag | undefined,
  p: Parameters,
): { indikator: IndicatorName; forslag: Flag; grundlag: string }[] {
  const rows = (followUp?.rows ?? []).map((r) => r.row).filter((r) => !isOutsidePools(r.pulje));
  const total = followUp?.total;
  const persons = rows.filter((r) => r.budgetPersoner !== undefined && r.forventedePersoner !== undefined);
  const budgetPersons = persons.length === 0 ? undefined : sum(persons.map((r) => r.budgetPersoner!));
  const expectedPersons = persons.length === 0 ? undefined : sum(persons.map((r) => r.forventedePersoner!));
  const rated = rows.filter(
    (r) => r.budgetRefusion !== undefined && r.forventetRefusion !== undefined && r.korrigeret !== 0,
  );
  const weight = sum(rated.map((r) => Math.abs(r.korrigeret)));
  const average = (rate: (r: (typeof rated)[number]) => number) =>
    weight === 0 ? undefined : sum(rated.map((r) => Math.abs(r.korrigeret) * rate(r))) / weight;
  const budgetRate = average((r) => r.budgetRefusion!);
  const expectedRate = average((r) => r.forventetRefusion!);
  const economy = total ? economyFlag(total.korrigeret, total.forventet, p) : "–";
  return [
    {
      indikator: "Økonomi",
      forslag: economy,
      grundlag: total
        ? messages.indicatorEconomy(total.korrigeret, total.forventet)
        : messages.indicatorMissing("opfølgningen (arket Opfølgning)"),
    },
    {
      indikator: "Antal ledige",
      forslag: quantityFlag(budgetPersons, expectedPersons, p),
      grundlag:
        budgetPersons === undefined || expectedPersons === undefined
          ? messages.indicatorMissing("fuldtidspersoner i opfølgningen (arket Opfølgning)")
          : messages.indicatorPersons(budgetPersons, expectedPersons),
    },
    {
      indikator: "Refusion",
      forslag: refundFlag(budgetRate, expectedRate, p),
      grundlag:
        budgetRate === undefined || expectedRate === undefined
          ? messages.indicatorMissing("refusionssatser i opfølgningen (arket Opfølgning)")
          : messages.indicatorRefund(budgetRate, expectedRate),
    },
    {
      indikator: "Ledighedsudvikling",
      forslag: unemploymentFlag(p.unemploymentMunicipality, p.unemploymentNational, p),
      grundlag:
        p.unemploymentMunicipality === undefined || p.unemploymentNational === undefined
          ? messages.indicatorMissing("parametrene Ledighed kommune og Ledighed landsplan")
          : messages.indicatorUnemployment(p.unemploymentMunicipality, p.unemploymentNational),
    },
    {
      indikator: "Reservationspulje",
      forslag: poolFlag ?? "–",
      grundlag:
        poolFlag === undefined
          ? messages.indicatorMissing("reservationspuljen (arket Reservationspulje)")
          : messages.indicatorPool(),
    },
  ];
}

/** R13: the user's colour, where given, wins; the sentence travels with it. Every indicator is listed. */
export function chooseIndicators(
  proposals: ReturnType<typeof proposeIndicators>,
  choices: readonly IndicatorChoice[],
): Indicator[] {
  return proposals.map((proposal) => {
    const choice = choices.find((c) => c.indikator === proposal.indikator);
    return {
      ...proposal,
      ...(choice?.valgt ? { valgt: choice.valgt } : {}),
      farve: choice?.valgt ?? proposal.forslag,
      ...(choice?.bemærkning ? { bemærkning: choice.bemærkning } : {}),
    };
  });
}

/** R13: the movements that are the area's own doing, not a regulation. */
export const AREA_RESULT_TYPES: readonly string[] = ["Vurdering", "Investeringsprojekter", "Regnskab"];

/**
 * R13: the area's own result — the sum of the ledger's Vurdering, Investeringsprojekter and Regnskab
 * movements (I alt), what the year would have given without the regulations; in an accounts case the pool
 * "forbedres … som følge af regnskabsresultatet". 2018: 20.253 + 451 − 6.879 = 13.825.
 */
export function areaResult(lines: readonly { type: string; total: Amount }[]): Amount {
  return sum(lines.filter((l) => AREA_RESULT_TYPES.includes(l.type)).map((l) => l.total));
}

export type IndicatorField = "indikator" | "valgt" | "bemærkning";

/** Reads the Indikatorer table: an indicator's name and, optionally, the user's colour and sentence. */
export function readIndicatorChoices(
  records: readonly RawRecord<IndicatorField>[],
  diagnostics: DiagnosticSink,
): IndicatorChoice[] {
  const out: IndicatorChoice[] = [];
  for (const record of records) {
    const nameCell = record.cells.indikator;
    const name = cellText(nameCell);
    if (name === undefined) continue;
    const indikator = INDICATORS.find((i) => normalizeName(i) === normalizeName(name));
    if (!indikator) {
      diagnostics.error(
        "UNKNOWN_INDICATOR",
        messages.unknownIndicator(name, INDICATORS),
        nameCell?.at ?? record.at,
      );
      continue;
    }
    const first = out.find((c) => c.indikator === indikator);
    if (first) {
      // Two rows for one indicator would leave one of them silently unused.
      diagnostics.error(
        "DUPLICATE_INDICATOR",
        messages.duplicateIndicator(indikator, first.at?.cell),
        nameCell?.at ?? record.at,
      );
      continue;
    }
    const valgtText = cellText(record.cells.valgt);
    let valgt: Flag | undefined;
    if (valgtText !== undefined) {
      valgt = COLOURS.find((f) => normalizeName(f) === normalizeName(valgtText));
      if (!valgt) {
        diagnostics.error(
          "NOT_A_FLAG",
          messages.notAFlag(indikator, valgtText),
          record.cells.valgt?.at ?? record.at,
        );
        continue;
      }
    }
    const bemærkning = cellText(record.cells.bemærkning);
    out.push({
      indikator,
      ...(valgt ? { valgt } : {}),
      ...(bemærkning ? { bemærkning } : {}),
      at: record.at,
    });
  }
  return out;
}

export const INDICATOR_COLUMNS = [
  { field: "indikator" as const, header: "Indikator", required: true },
  { field: "valgt" as const, header: "Valgt", required: false },
  { field: "bemærkning" as const, header: "Bemærkning", required: false },
];
