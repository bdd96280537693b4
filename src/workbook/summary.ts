import { Diagnostic, TOTAL_COLUMN } from "../domain";
import { ContractResults } from "./compute";
import { ContractInputs } from "./readContract";

/** The headless command's JSON summary (WORKBOOK.md). Sections for absent tables are omitted. */
export interface Summary {
  unit: string;
  followUp?: {
    groups: Record<string, { afvigelse: number }>;
    total: number;
    rows: {
      område: string;
      pulje: string;
      afvigelse: number;
      økonomi: string;
      mængder: string;
      refusion: string;
    }[];
    flagCounts: Record<string, Record<string, number>>;
  };
  pool?: {
    pools: string[];
    result: Record<string, number>;
    resultExcludingPrognoses: Record<string, number>;
    budgetvaern: number;
    budgetvaernBrugt: number;
    kassefinansiering: number;
    kassefinansieringExcludingPrognoses: number;
    flag: string;
    lines: { post: string; type: string; status: string; kilde?: string; values: Record<string, number> }[];
  };
  budgetModel?: { år: number; pulje: string; reservationspulje: number }[];
  yearEnd?: {
    afvigelse: number;
    kassen: number;
    overførsel: number;
    perStyringsområde: Record<string, { afvigelse: number; kassen: number; overførsel: number }>;
    ledgerLine?: Record<string, number>;
    lines: {
      område: string;
      afvigelse: number;
      kassen: number;
      overførsel: number;
      overførselPerÅr: { år: number; beløb: number }[];
    }[];
  };
  investments?: {
    gevinst: number;
    investeringssum: number;
    nettogevinst: number;
    realiseretNettogevinst: number;
    rows: {
      nr: string;
      projekt: string;
      nettogevinst: number;
      afkastgrad: number | null;
      realiseretNettogevinst: number | null;
      flag: string;
    }[];
  };
  appropriations?: { tekst: string; beløbKr: number; år: number; fra: string; til: string; pulje: string }[];
  diagnostics: Diagnostic[];
}

function byPool(pools: readonly string[], values: readonly number[], total: number): Record<string, number> {
  return { ...Object.fromEntries(pools.map((p, i) => [p, values[i] ?? 0])), [TOTAL_COLUMN]: total };
}

export function buildSummary(
  inputs: ContractInputs,
  results: ContractResults,
  diagnostics: Diagnostic[],
): Summary {
  const summary: Summary = { unit: inputs.parameters.unit, diagnostics };
  const { followUp, ledger, outcome, yearEnd, investments } = results;
  if (followUp) {
    summary.followUp = {
      groups: Object.fromEntries([...followUp.groups].map(([k, v]) => [k, { afvigelse: v.afvigelse }])),
      total: followUp.total.afvigelse,
      rows: followUp.rows.map((r) => ({
        område: r.row.område,
        pulje: r.row.pulje,
        afvigelse: r.afvigelse,
        økonomi: r.økonomi,
        mængder: r.mængder,
        refusion: r.refusion,
      })),
      flagCounts: results.flagCounts ?? {},
    };
  }
  if (ledger && outcome) {
    summary.pool = {
      pools: ledger.pools,
      result: byPool(ledger.pools, ledger.result.perPool, ledger.result.total),
      resultExcludingPrognoses: byPool(
        ledger.pools,
        ledger.resultExcludingPrognoses.perPool,
        ledger.resultExcludingPrognoses.total,
      ),
      budgetvaern: outcome.budgetvaern,
      budgetvaernBrugt: outcome.budgetvaernBrugt,
      kassefinansiering: outcome.kassefinansiering,
      kassefinansieringExcludingPrognoses: results.outcomeExcludingPrognoses!.kassefinansiering,
      flag: outcome.flag,
      lines: ledger.lines.map((l) => ({
        post: l.post,
        type: l.type,
        status: l.status,
        ...(l.kilde === undefined ? {} : { kilde: l.kilde }),
        values: byPool(ledger.pools, l.values, l.total),
      })),
    };
  }
  if (results.budgetModel) summary.budgetModel = results.budgetModel.map((r) => ({ ...r }));
  if (yearEnd) {
    summary.yearEnd = {
      ...yearEnd.total,
      perStyringsområde: Object.fromEntries(yearEnd.perStyringsområde),
      ...(results.yearEndLedgerLine ? { ledgerLine: results.yearEndLedgerLine } : {}),
      lines: yearEnd.lines.map((l) => ({
        område: l.line.område,
        afvigelse: l.afvigelse,
        kassen: l.kassen,
        overførsel: l.overførsel,
        overførselPerÅr: l.overførselPerÅr,
      })),
    };
  }
  if (investments) {
    summary.investments = {
      gevinst: investments.gevinst,
      investeringssum: investments.investeringssum,
      nettogevinst: investments.nettogevinst,
      realiseretNettogevinst: investments.realiseretNettogevinst,
      rows: investments.rows.map((r) => ({
        nr: r.project.nr,
        projekt: r.project.projekt,
        nettogevinst: r.nettogevinst,
        afkastgrad: r.afkastgrad ?? null,
        realiseretNettogevinst: r.realiseretNettogevinst ?? null,
        flag: r.flag,
      })),
    };
  }
  if (results.appropriations) summary.appropriations = results.appropriations.map((a) => ({ ...a }));
  return summary;
}
