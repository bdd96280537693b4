import { FollowUpRow, InvestmentProject, Ledger, LedgerLine, parseMovementType } from "../../src/domain";
import { num, readCsvFixture } from "./csvFixture";

/** The 2. halvår 2018 follow-up rows (1.000 kr.) with their documented deviations. */
export function followUp2018(): { rows: FollowUpRow[]; documented: number[] } {
  const records = readCsvFixture("opfoelgning-2018-2halvaar.csv");
  return {
    rows: records.map((r) => ({
      område: r["Område"]!,
      pulje: r["Pulje"]!,
      vedtaget: num(r["Vedtaget budget"]),
      korrigeret: num(r["Korrigeret budget"])!,
      forventet: num(r["Forventet regnskab"])!,
    })),
    documented: records.map((r) => num(r["Mer-/mindreforbrug (documented)"])!),
  };
}

export const LEDGER_POOLS_2018 = ["Budgetgaranterede områder og øvrige overførsler", "Beskæftigelsestilskud"];

/**
 * The 2018 ledger. The efterregulering is KL's prognosis (status Prognose); every other line is final.
 * Computed lines are given with no amounts so the tests show that the engine, not the fixture, fills them.
 */
export function ledger2018(): {
  ledger: Ledger;
  documentedTotals: number[];
  documentedValues: (number | undefined)[][];
} {
  const records = readCsvFixture("reservationspulje-2018.csv");
  const lines: LedgerLine[] = records.map((r) => {
    const type = parseMovementType(r["Type"]!)!;
    const computed = type === "Saldo" || type === "Resultat";
    return {
      post: r["Post"]!,
      type,
      status: type === "Efterregulering" ? "Prognose" : "Endelig",
      values: computed ? [] : LEDGER_POOLS_2018.map((p) => num(r[p]) ?? 0),
    };
  });
  return {
    ledger: { pools: LEDGER_POOLS_2018, lines },
    documentedTotals: records.map((r) => num(r["Reservationspuljerne samlet set (documented)"])!),
    documentedValues: records.map((r) => LEDGER_POOLS_2018.map((p) => num(r[p]))),
  };
}

export function investments2018(): InvestmentProject[] {
  return readCsvFixture("investeringer-2018.csv").map((r) => ({
    nr: r["Nr"]!,
    projekt: r["Investeringsprojekt"]!,
    gevinst: num(r["Gevinst"])!,
    investeringssum: num(r["Investeringssum"])!,
    realiseretGevinst: num(r["Realiseret gevinst"]),
    forbrug: num(r["Forbrug"]),
  }));
}

export function documentedInvestmentNets(): { nettogevinst: number; realiseret: number }[] {
  return readCsvFixture("investeringer-2018.csv").map((r) => ({
    nettogevinst: num(r["Nettogevinst (documented)"])!,
    realiseret: num(r["Nettogevinst realiseret (documented)"])!,
  }));
}
