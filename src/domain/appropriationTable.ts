import type { Appropriation } from "./appropriations";
import { DiagnosticSink } from "./diagnostics";
import { messages } from "./messages";
import { poolDescription } from "./parameters";
import type { Parameters } from "./parameters";
import { Kroner, toWholeKroner } from "./units";
import type { YearEndResult } from "./yearEnd";

/** One row of the bevillingstabel (R14.1): + is money received, − money given, in whole kr. */
export interface AppropriationTableRow {
  punkt: number;
  beskrivelse: string;
  styringsområde: string;
  udvalg: string;
  år: number;
  beløbKr: Kroner;
}

/**
 * R14.1 from a follow-up, Odense's form: one indstillingspunkt per tillægsbevilling (R9), two rows that
 * sum to 0 — the committee's styringsområde and the reservation pool under the pool's committee. A
 * mindreforbrug goes from the committee (−) to the pool (+); a merforbrug the other way.
 */
export function appropriationTable(list: readonly Appropriation[], p: Parameters): AppropriationTableRow[] {
  return list.flatMap((a, i) => {
    const toPool = a.tilPuljen;
    const committee = toPool ? -a.beløbKr : a.beløbKr;
    return [
      {
        punkt: i + 1,
        beskrivelse: a.tekst,
        styringsområde: p.steeringArea,
        udvalg: p.committee,
        år: a.år,
        beløbKr: committee,
      },
      {
        punkt: i + 1,
        beskrivelse: a.tekst,
        styringsområde: `Reservationspuljen vedrørende ${poolDescription(p, a.pulje)}`,
        udvalg: p.poolCommittee,
        år: a.år,
        beløbKr: -committee,
      },
    ];
  });
}

/** R14.1: every indstillingspunkt sums to 0 in every year; one that does not is an error. */
export function checkAppropriationTable(
  rows: readonly AppropriationTableRow[],
  diagnostics: DiagnosticSink,
): void {
  const sums = new Map<string, { punkt: number; år: number; sum: number }>();
  for (const r of rows) {
    const key = `${r.punkt}|${r.år}`;
    const entry = sums.get(key) ?? { punkt: r.punkt, år: r.år, sum: 0 };
    entry.sum += r.beløbKr;
    sums.set(key, entry);
  }
  for (const { punkt, år, sum } of sums.values())
    if (sum !== 0)
      diagnostics.error("UNBALANCED_APPROPRIATION", messages.unbalancedAppropriation(punkt, år, sum));
}

/** R7/R14.1: the overførsel carried to each year over all lines, in whole kr., keyed by the target year. */
export function transfersPerYear(
  lines: readonly { overførselPerÅr: { år: number; beløb: number }[] }[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of lines)
    for (const { år, beløb } of line.overførselPerÅr) out[String(år)] = (out[String(år)] ?? 0) + beløb;
  return out;
}

/** The styringsområde name of the treasury's rows in the bevillingstabel. */
export const TREASURY = "Kassen";

/**
 * R14.1 from the year-end (R7), after `first − 1` punkter from the follow-up:
 * - **Overførsel**: per styringsområde and target year the carried-over amount is received (+), and the
 *   treasury gives it (−). A mindreforbrug carried over is money the area gets next year.
 * - **Konvertering** (a line's `Konverteres til`): the line's overførsel leaves its styringsområde (−) and
 *   arrives at the other (+) in the same target years.
 * - **Kassen afregning**: the year-end's total Kassen — the lines without overførselsadgang — per
 *   styringsområde given to the treasury (−) and received there (+), in the accounts' year.
 * Amounts in the table's unit become whole kr. per row; the treasury's row is minus the sum of the
 * rounded rows, so every punkt sums to 0 exactly. The treasury's udvalg is the pool's (Puljeudvalg).
 */
export function yearEndAppropriationTable(
  result: YearEndResult,
  accountsYear: number,
  p: Parameters,
  first: number,
): AppropriationTableRow[] {
  const rows: AppropriationTableRow[] = [];
  let punkt = first;
  const kr = (amount: number): Kroner => toWholeKroner(amount, p.unit);
  /**
   * A punkt of amounts per styringsområde and year against the treasury: each area row `sign × amount`
   * in whole kr., then a Kassen row per year with minus their sum. Nothing when every row rounds to 0.
   */
  const againstTreasury = (amounts: Map<string, number>, sign: 1 | -1, beskrivelse: string) => {
    const own: AppropriationTableRow[] = [];
    for (const [key, amount] of amounts) {
      const [styringsområde, år] = key.split("\u0000") as [string, string];
      const beløbKr = sign * kr(amount) + 0;
      if (beløbKr !== 0)
        own.push({ punkt, beskrivelse, styringsområde, udvalg: p.committee, år: Number(år), beløbKr });
    }
    if (own.length === 0) return;
    for (const år of [...new Set(own.map((r) => r.år))].sort((x, y) => x - y)) {
      const total = own.filter((r) => r.år === år).reduce((s, r) => s + r.beløbKr, 0);
      own.push({
        punkt,
        beskrivelse,
        styringsområde: TREASURY,
        udvalg: p.poolCommittee,
        år,
        beløbKr: -total + 0,
      });
    }
    rows.push(...own);
    punkt++;
  };
  const add = (map: Map<string, number>, styringsområde: string, år: number, amount: number) => {
    const key = `${styringsområde}\u0000${år}`;
    map.set(key, (map.get(key) ?? 0) + amount);
  };

  // Overførsel: received by each styringsområde in each target year (+ a mindreforbrug carried over).
  const carried = new Map<string, number>();
  for (const line of result.lines)
    for (const { år, beløb } of line.overførselPerÅr) add(carried, line.line.styringsområde, år, beløb);
  const years = [...new Set(result.lines.flatMap((l) => l.overførselPerÅr.map((s) => s.år)))].sort(
    (x, y) => x - y,
  );
  againstTreasury(
    carried,
    1,
    `Overførsel af over- og underskud fra ${accountsYear} til ${joinYears(years)} på områder med overførselsadgang (+ overføres til området, − finansieres af kassen).`,
  );

  // Konvertering: one punkt per converted line.
  for (const line of result.lines) {
    const to = line.line.konverteresTil;
    if (to === undefined) continue;
    const parts = line.overførselPerÅr.filter((s) => kr(s.beløb) !== 0);
    if (parts.length === 0) continue;
    const beskrivelse = `Konvertering af overførslen vedrørende ${line.line.område} fra ${line.line.styringsområde} til ${to}.`;
    for (const { år, beløb } of parts)
      rows.push(
        {
          punkt,
          beskrivelse,
          styringsområde: line.line.styringsområde,
          udvalg: p.committee,
          år,
          beløbKr: -kr(beløb) + 0,
        },
        { punkt, beskrivelse, styringsområde: to, udvalg: p.committee, år, beløbKr: kr(beløb) },
      );
    punkt++;
  }

  // Kassen afregning: the lines without overførselsadgang, per styringsområde, given back (−) to the treasury.
  const kassen = new Map<string, number>();
  for (const line of result.lines)
    if (!line.line.overførselsadgang) add(kassen, line.line.styringsområde, accountsYear, line.kassen);
  againstTreasury(
    kassen,
    -1,
    `Afregning med kassen af mer- og mindreforbrug i ${accountsYear} på områder uden overførselsadgang (− tilbage til kassen, + finansieret af kassen).`,
  );
  return rows;
}

/** "2019", "2019 og 2020", "2019, 2020 og 2021". */
function joinYears(years: readonly number[]): string {
  const texts = years.map(String);
  return texts.length <= 1 ? (texts[0] ?? "") : `${texts.slice(0, -1).join(", ")} og ${texts.at(-1)!}`;
}
