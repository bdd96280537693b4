import { appropriations } from "./appropriations";
import type { Appropriation } from "./appropriations";
import { appropriationTable, AppropriationTableRow, TREASURY } from "./appropriationTable";
import type { CaseKind } from "./caseKind";
import { formatFigure, formatKroner } from "./danishNumber";
import { normalizeName } from "./normalize";
import { SOURCE_FOLLOW_UP } from "./prognoses";
import { poolDescription } from "./parameters";
import type { Parameters } from "./parameters";
import { Amount, Kroner, toWholeKroner, Unit } from "./units";
import type { YearEndResult } from "./yearEnd";
import { isPoolKassenLine } from "./yearEnd";

/** What a point of the indstilling decides. */
export type DecisionPointKind =
  "godkendelse" | "tillægsbevilling" | "overførsel" | "konvertering" | "afregning";

/** One numbered point of the indstilling; the bevillingstabel's Indstillingspunkt is this number. */
export interface DecisionPoint {
  nr: number;
  kind: DecisionPointKind;
  tekst: string;
}

/** R15.4: the overførsel table of an accounts case, one row per Regnskab line, in whole kr. */
export interface TransferRow {
  beskrivelse: string;
  styringsområde: string;
  afvigelse: Kroner;
  kassen: Kroner;
  /** Per target year (the table's `years`), 0 where the line carries nothing to that year. */
  overførsel: Kroner[];
}

export interface TransferTable {
  accountsYear: number;
  years: number[];
  rows: TransferRow[];
  total: TransferRow;
}

/**
 * The committee's decision for one kind of case (R15): the indstilling's opening sentence and numbered
 * points, the bevillingstabel numbered as the points, and for an accounts case the overførsel table.
 */
export interface Decision {
  sagstype: CaseKind;
  indledning: string;
  /** Empty for an Orientering: nothing is proposed. */
  points: DecisionPoint[];
  /** The bevillingstabel (R14.1), each punkt summing to 0; empty when nothing moves. */
  table: AppropriationTableRow[];
  /** The follow-up's budget-neutral tillægsbevillinger (R9), numbered as their points. */
  appropriations: Appropriation[];
  transfers?: TransferTable;
  /** Where a proposed amount and another figure of the case differ, both and the difference (R15.5). */
  figureNotes: string[];
}

/** A pool's movement for this follow-up as the ledger shows it, and the follow-up's own sum beside it. */
export interface PoolMovement {
  pulje: string;
  /** The amount proposed, in the tables' unit: the ledger's line where there is one, else the follow-up's sum. */
  amount: Amount;
  /** The ledger line the amount is taken from. */
  post?: string;
  /** The follow-up's sum of the pool's rows, when it is not the amount itself. */
  followUpSum?: Amount;
}

/**
 * R15.5 The ledger line that carries this follow-up's movement: the last Vurdering line fed from the
 * follow-up (Kilde Opfølgning), else the last Vurdering line; undefined when there is none.
 */
export function followUpMovementLine<L extends { type: string; kilde?: string }>(
  lines: readonly L[],
): L | undefined {
  const vurdering = lines.filter((l) => l.type === "Vurdering");
  return (
    vurdering
      .filter((l) => l.kilde !== undefined && normalizeName(l.kilde) === normalizeName(SOURCE_FOLLOW_UP))
      .at(-1) ?? vurdering.at(-1)
  );
}

/** The pool's share of the accounts (the ledger's Regnskab movement) and the accounts' own figure beside it. */
export interface AccountsSettlement {
  amount: Amount;
  post?: string;
  /** The Regnskab table's Kassen of the steering area, when it is not the amount itself. */
  yearEndSum?: Amount;
}

/** R15.2 The opening sentence of the indstilling. */
export function decisionOpening(kind: CaseKind, p: Parameters): string {
  return kind === "Orientering"
    ? `${p.administration} forelægger sagen for ${p.committee} til orientering. Der indstilles ingen bevillinger.`
    : `${p.administration} indstiller til ${p.committee}, at byrådet godkender:`;
}

/**
 * R15.3 A Budgetopfølgning: point 1 approves the follow-up; then one budget-neutral tillægsbevilling per
 * pool (R9), for the amount the ledger shows for this follow-up, numbered from 2 as in the bevillingstabel.
 */
export function followUpDecision(movements: readonly PoolMovement[], år: number, p: Parameters): Decision {
  const list = appropriations(new Map(movements.map((m) => [m.pulje, m.amount])), år, p, 2);
  return {
    sagstype: "Budgetopfølgning",
    indledning: decisionOpening("Budgetopfølgning", p),
    points: [
      {
        nr: 1,
        kind: "godkendelse",
        tekst: "Den samlede økonomiopfølgning for området for forsørgelses- og sikringsydelse.",
      },
      ...list.map((a) => ({ nr: a.punkt, kind: "tillægsbevilling" as const, tekst: a.tekst })),
    ],
    table: appropriationTable(list, p),
    appropriations: list,
    figureNotes: movements.flatMap((m) => {
      if (m.followUpSum === undefined || m.followUpSum === m.amount || m.post === undefined) return [];
      return [
        `Bevillingen vedrørende ${poolDescription(p, m.pulje)} er puljens linje "${m.post}": ${formatFigure(m.amount)} (${p.unit}). ` +
          `Opfølgningens rækker summer til ${formatFigure(m.followUpSum)}, en forskel på ${formatFigure(m.amount - m.followUpSum)}.`,
      ];
    }),
  };
}

/**
 * R15.4 A Regnskab (årsberetning) on the accounts of year N, decided in N+1:
 * 1. the årsberetning;
 * 2. the overførsel of every line with overførselsadgang to the years it is carried to (its own table);
 * 3. … one konvertering per (from, to, year): the carried amounts leave one styringsområde and arrive at
 *    the other, one row per styringsområde;
 * then the pool's afregning, once, in N+1: Kassen receives the pool's share P from the steering area
 * under the committee (rows steering area · Kassen · +P and steering area · Udvalg · −P).
 * The follow-up's tillægsbevillinger are not proposed: the afregning carries that money (one movement,
 * one bevilling). Amounts in whole kr., row by row.
 */
export function accountsDecision(
  yearEnd: YearEndResult | undefined,
  accountsYear: number,
  settlement: AccountsSettlement | undefined,
  p: Parameters,
): Decision {
  const kr = (a: Amount): Kroner => toWholeKroner(a, p.unit);
  const next = accountsYear + 1;
  const points: DecisionPoint[] = [
    {
      nr: 1,
      kind: "godkendelse",
      tekst: `Årsberetning ${accountsYear} (økonomisk regnskab og effektregnskab) for ${p.committee}.`,
    },
  ];
  const table: AppropriationTableRow[] = [];
  const transfers = yearEnd && transferTable(yearEnd, accountsYear, p.unit);
  const carried = transfers?.total.overførsel ?? [];
  if (transfers && carried.some((x) => x !== 0)) {
    const total = carried.reduce((s, x) => s + x, 0);
    const perYear = transfers.years
      .map((y, i) => [y, carried[i]!] as const)
      .filter(([, x]) => x !== 0)
      .map(([y, x]) =>
        x >= 0 ? `${formatKroner(x)} til ${y}` : `et merforbrug på ${formatKroner(-x)} til ${y}`,
      );
    points.push({
      nr: points.length + 1,
      kind: "overførsel",
      tekst:
        `At det samlede ${total >= 0 ? "mindreforbrug" : "merforbrug"} på ${formatKroner(Math.abs(total))} fra ${accountsYear} ` +
        `overføres til kommende budgetår. Der overføres ${joinDanish(perYear)}.`,
    });
  }
  // Konvertering: per (from, to, year) the sum of the converted lines' carried amounts.
  const conversions = new Map<string, { from: string; to: string; år: number; beløb: Kroner }>();
  for (const line of yearEnd?.lines ?? []) {
    const to = line.line.konverteresTil;
    if (to === undefined) continue;
    for (const { år, beløb } of line.overførselPerÅr) {
      const key = `${normalizeName(line.line.styringsområde)}\u0000${normalizeName(to)}\u0000${år}`;
      const entry = conversions.get(key) ?? { from: line.line.styringsområde, to, år, beløb: 0 };
      entry.beløb += kr(beløb);
      conversions.set(key, entry);
    }
  }
  for (const c of [...conversions.values()].sort((x, y) => x.år - y.år)) {
    if (c.beløb === 0) continue;
    const punkt = points.length + 1;
    const what = c.beløb > 0 ? "budget" : "et merforbrug";
    points.push({
      nr: punkt,
      kind: "konvertering",
      tekst: `Der flyttes ${what} på ${formatKroner(Math.abs(c.beløb))} fra styringsområdet ${c.from} til styringsområdet ${c.to} i ${c.år}.`,
    });
    const beskrivelse = "Konvertering mellem styringsområder";
    table.push(
      { punkt, beskrivelse, styringsområde: c.to, udvalg: p.committee, år: c.år, beløbKr: c.beløb },
      { punkt, beskrivelse, styringsområde: c.from, udvalg: p.committee, år: c.år, beløbKr: -c.beløb + 0 },
    );
  }
  const figureNotes: string[] = [];
  const share = settlement === undefined ? 0 : kr(settlement.amount);
  if (settlement !== undefined && share !== 0) {
    const punkt = points.length + 1;
    const pool = `reservationspuljen under ${p.poolCommittee}`;
    points.push({
      nr: punkt,
      kind: "afregning",
      tekst:
        share > 0
          ? `Der lægges ${formatKroner(share)} i kassen fra styringsområdet ${p.steeringArea} under ${p.committee} til forbedring af ${pool} i ${next}.`
          : `Der tilføres ${formatKroner(-share)} fra kassen til styringsområdet ${p.steeringArea} under ${p.committee}; ${pool} forringes tilsvarende i ${next}.`,
    });
    const beskrivelse = "Afregning - Reservationspuljen";
    table.push(
      { punkt, beskrivelse, styringsområde: p.steeringArea, udvalg: TREASURY, år: next, beløbKr: share },
      {
        punkt,
        beskrivelse,
        styringsområde: p.steeringArea,
        udvalg: p.committee,
        år: next,
        beløbKr: -share + 0,
      },
    );
    if (settlement.yearEndSum !== undefined && settlement.yearEndSum !== settlement.amount && settlement.post)
      figureNotes.push(
        `Afregningen er puljens linje "${settlement.post}": ${formatFigure(settlement.amount)} (${p.unit}). ` +
          `Regnskabets kassebeløb for ${p.steeringArea} er ${formatFigure(settlement.yearEndSum)}, en forskel på ${formatFigure(settlement.amount - settlement.yearEndSum)}.`,
      );
  }
  return {
    sagstype: "Regnskab",
    indledning: decisionOpening("Regnskab", p),
    points,
    table,
    appropriations: [],
    ...(transfers ? { transfers } : {}),
    figureNotes,
  };
}

/** R15.2 An Orientering proposes nothing. */
export function orientationDecision(p: Parameters): Decision {
  return {
    sagstype: "Orientering",
    indledning: decisionOpening("Orientering", p),
    points: [],
    table: [],
    appropriations: [],
    figureNotes: [],
  };
}

/**
 * R15.4 The overførsel table: per Regnskab line its afvigelse, the part that goes to the kassen and the
 * part carried to each year, in whole kr. (each figure rounded on its own row; I alt the sum of the rows).
 */
export function transferTable(yearEnd: YearEndResult, accountsYear: number, unit: Unit): TransferTable {
  const kr = (a: Amount): Kroner => toWholeKroner(a, unit);
  const years = [...new Set(yearEnd.lines.flatMap((l) => l.overførselPerÅr.map((s) => s.år)))].sort(
    (x, y) => x - y,
  );
  const rows = yearEnd.lines.map((l): TransferRow => ({
    beskrivelse: l.line.område,
    styringsområde: l.line.styringsområde,
    afvigelse: kr(l.afvigelse),
    kassen: kr(l.kassen),
    overførsel: years.map((y) =>
      l.overførselPerÅr.filter((s) => s.år === y).reduce((s, x) => s + kr(x.beløb), 0),
    ),
  }));
  const sum = (f: (r: TransferRow) => number) => rows.reduce((s, r) => s + f(r), 0) + 0;
  return {
    accountsYear,
    years,
    rows,
    total: {
      beskrivelse: "I alt",
      styringsområde: "",
      afvigelse: sum((r) => r.afvigelse),
      kassen: sum((r) => r.kassen),
      overførsel: years.map((_, i) => sum((r) => r.overførsel[i]!)),
    },
  };
}

/** The pool's share of the accounts from the Regnskab table: the Kassen of the steering area's lines. */
export function yearEndPoolShare(yearEnd: YearEndResult, p: Parameters): Amount | undefined {
  const lines = yearEnd.lines.filter((l) => isPoolKassenLine(l, p.steeringArea, p.steeringAreaSynonyms));
  return lines.length === 0 ? undefined : lines.reduce((s, l) => s + l.kassen, 0);
}

/**
 * R15.5 The notes beside a decision's amounts: where a proposed figure differs from another figure of the
 * case, and — when the case proposes bevillinger — the rounding of kroner from rows in another unit.
 */
export function decisionNotes(decision: Decision, unit: Unit): string[] {
  const kroner = kronerNote(unit);
  return [...decision.figureNotes, ...(kroner && decision.points.length > 1 ? [kroner] : [])];
}

/** R0.6/R15.5: the note wherever kroner come from rows in another unit; undefined in kr. */
export function kronerNote(unit: Unit): string | undefined {
  return unit === "kr."
    ? undefined
    : `Beløbene i kr. er omregnet fra tabellernes ${unit} række for række og er derfor afrundet til hele ${unit === "mio. kr." ? "millioner" : "tusinde"} kroner.`;
}

/** "a", "a og b", "a, b og c". */
function joinDanish(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} og ${parts.at(-1)!}`;
}
