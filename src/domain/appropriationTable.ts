import type { Appropriation } from "./appropriations";
import { DiagnosticSink } from "./diagnostics";
import { messages } from "./messages";
import { poolDescription } from "./parameters";
import type { Parameters } from "./parameters";
import { Kroner } from "./units";

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
  return list.flatMap((a) => {
    const toPool = a.tilPuljen;
    const committee = toPool ? -a.beløbKr : a.beløbKr;
    return [
      {
        punkt: a.punkt,
        beskrivelse: a.tekst,
        styringsområde: p.steeringArea,
        udvalg: p.committee,
        år: a.år,
        beløbKr: committee,
      },
      {
        punkt: a.punkt,
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

/** The treasury in the bevillingstabel (its Udvalg column): what the accounts' afregning is paid into. */
export const TREASURY = "Kassen";
