import { decisionNotes, kronerNote, poolName, TOTAL_COLUMN, transfersPerYear } from "../domain";
import { RunDiagnostic } from "./codes";
import { ContractResults } from "./compute";
import { ContractInputs } from "./readContract";
import { caseDocument, caseFigures, ruleName, sourceReference } from "./report";

/** The headless command's JSON summary (docs/workbook.md). Sections for absent tables are omitted. */
export interface Summary {
  unit: string;
  /** R0.7: each pool's name as the case prints it (the Puljenavn parameters), keyed as everywhere else. */
  puljenavne?: Record<string, string>;
  /** R15: the kind of case, and whether the Sagstype parameter gave it or the tool chose it from the tables. */
  sagstype?: { type: string; valgtAf: "parameter" | "tabellerne" };
  /** R15.2: the indstilling — its opening and numbered points (none in an Orientering) — and the notes beside the amounts. */
  indstilling?: {
    indledning: string;
    punkter: { nr: number; art: string; tekst: string }[];
    noter: string[];
  };
  /** R15.4: an accounts case's overførsel table, per Regnskab line, in whole kr. */
  overførsel?: {
    regnskabsår: number;
    år: number[];
    rows: {
      beskrivelse: string;
      styringsområde: string;
      afvigelse: number;
      kassen: number;
      overførsel: number[];
    }[];
    total: { afvigelse: number; kassen: number; overførsel: number[] };
  };
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
    /** R12.1: per earlier follow-up of the Budgetår, earlier − current forecast (+ = expenditure fell). */
    changes?: { siden: string; år: number; total: number; groups: Record<string, number> }[];
  };
  /** R11: the years overview, one entry per year column of the follow-up. */
  years?: {
    kolonne: string;
    art: string;
    år: number;
    ved?: string;
    samlet: number;
    /** null where the column's pool cannot be known; grundlag says why. */
    reservationspulje: number | null;
    grundlag: string;
  }[];
  pool?: {
    pools: string[];
    result: Record<string, number>;
    resultExcludingPrognoses: Record<string, number>;
    budgetvaern: number;
    budgetvaernBrugt: number;
    kassefinansiering: number;
    kassefinansieringExcludingPrognoses: number;
    flag: string;
    lines: {
      post: string;
      type: string;
      status: string;
      kilde?: string;
      /** For a line fed by its Kilde: where its amounts came from (table, prognosis, steering area). */
      fedFrom?: string;
      values: Record<string, number>;
    }[];
    /** Lines whose amounts the tool fetched by their Kilde (Reguleringer, egen beregning, Regnskab, Investeringer). */
    fedLines: string[];
    /** R13: the area's own result, the sum of the Vurdering and Investeringsprojekter movements. */
    areaResult: number;
    /** R11: every year's ledger (the Budgetår's too), keyed by year; years never add up. */
    byYear?: Record<
      string,
      {
        result: Record<string, number>;
        lines: { post: string; type: string; values: Record<string, number> }[];
      }
    >;
  };
  /** R13: the five headline indicators: the proposal, the user's colour (valgt), the colour that counts. */
  indicators?: {
    indikator: string;
    forslag: string;
    valgt?: string;
    farve: string;
    bemærkning?: string;
    grundlag: string;
  }[];
  budgetModel?: { år: number; pulje: string; reservationspulje: number }[];
  yearEnd?: {
    afvigelse: number;
    kassen: number;
    overførsel: number;
    perStyringsområde: Record<string, { afvigelse: number; kassen: number; overførsel: number }>;
    ledgerLine?: Record<string, number>;
    /** R14.1: the overførsel carried to each year over all lines (whole kr.), keyed by the target year. */
    overførselPerÅr: Record<string, number>;
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
  regulations?: {
    scenarios: {
      scenarie: string;
      regulering: string;
      kilde?: string;
      dato?: string;
      status: string;
      valgt: boolean;
      egenBeregning: boolean;
      amounts: Record<string, number>;
      result: Record<string, number>;
      budgetvaernBrugt: number;
      kassefinansiering: number;
      flag: string;
    }[];
    sensitivity: {
      regulering: string;
      pulje: string;
      rows: {
        beløb: number;
        resultat: number;
        budgetvaernBrugt: number;
        kassefinansiering: number;
        flag: string;
        budgetvaernOpbrugt: boolean;
      }[];
    }[];
    grid?: {
      rækker: { regulering: string; pulje: string; beløb: number[] };
      kolonner: { regulering: string; pulje: string; beløb: number[] };
      resultat: number[][];
      flag: string[][];
    };
    estimate?: { key: string; label: string; value: number | null; missing: string[] }[];
  };
  appropriations?: {
    punkt: number;
    tekst: string;
    beløbKr: number;
    år: number;
    fra: string;
    til: string;
    pulje: string;
    tilPuljen: boolean;
  }[];
  /** R14.1: the bevillingstabel (+ = money received, − = money given; each punkt sums to 0). */
  appropriationTable?: {
    punkt: number;
    beskrivelse: string;
    styringsområde: string;
    udvalg: string;
    år: number;
    beløbKr: number;
  }[];
  /** R0.6: why the appropriation amounts may differ from the exact ones (the table is not in kr.). */
  appropriationsNote?: string[];
  /**
   * Issue 30 Where the case's figures come from (as the Spor sheet shows them): when they were computed,
   * the fingerprint of each table read, and per figure of the case its rule, its computation in words
   * and its source cells (a figure whose sources all have a factor is Σ faktor × tal).
   */
  grundlag?: {
    beregnet?: string;
    tabeller: { tabel: string; område: string; rækker: number; fingeraftryk: string }[];
    tal: {
      tabel: string;
      linje: string;
      tal: number;
      regel: string;
      regelnavn: string;
      beregning: string;
      /** Each source: the reference ("'Opfølgning'!E5:E16"), its sheet and range apart, what it is. */
      kilder: { celler: string; ark: string; område: string; hvad: string; tal?: number; faktor?: number }[];
    }[];
  };
  diagnostics: RunDiagnostic[];
}

function byPool(pools: readonly string[], values: readonly number[], total: number): Record<string, number> {
  return { ...Object.fromEntries(pools.map((p, i) => [p, values[i] ?? 0])), [TOTAL_COLUMN]: total };
}

export function buildSummary(
  inputs: ContractInputs,
  results: ContractResults,
  diagnostics: RunDiagnostic[],
): Summary {
  const summary: Summary = { unit: inputs.parameters.unit, diagnostics };
  const pools = new Set([
    ...(results.followUp ? [...results.followUp.groups.keys()] : []),
    ...(results.ledger?.pools ?? []),
  ]);
  if (pools.size > 0)
    summary.puljenavne = Object.fromEntries(
      [...pools].map((pool) => [pool, poolName(inputs.parameters, pool)]),
    );
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
      ...(results.changes && results.changes.length > 0
        ? {
            changes: results.changes.map((c) => ({
              siden: c.siden,
              år: c.år,
              total: c.total,
              groups: Object.fromEntries(c.groups),
            })),
          }
        : {}),
    };
  }
  if (results.years) summary.years = results.years.map((y) => ({ ...y }));
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
      lines: ledger.lines.map((l, i) => {
        const fed = (results.fedLines ?? []).indexOf(i);
        return {
          post: l.post,
          type: l.type,
          status: l.status,
          ...(l.kilde === undefined ? {} : { kilde: l.kilde }),
          ...(fed >= 0 && results.fedSources?.[fed] ? { fedFrom: results.fedSources[fed] } : {}),
          values: byPool(ledger.pools, l.values, l.total),
        };
      }),
      fedLines: (results.fedLines ?? []).map((i) => ledger.lines[i]!.post),
      areaResult: results.areaResult ?? 0,
    };
    const years = (results.ledgerYears ?? []).filter((y) => y.år !== undefined);
    if (years.length > 0)
      summary.pool.byYear = Object.fromEntries(
        years.map((y) => [
          String(y.år),
          {
            result: byPool(y.ledger.pools, y.ledger.result.perPool, y.ledger.result.total),
            lines: y.ledger.lines.map((l) => ({
              post: l.post,
              type: l.type,
              values: byPool(y.ledger.pools, l.values, l.total),
            })),
          },
        ]),
      );
  }
  if (results.budgetModel) summary.budgetModel = results.budgetModel.map((r) => ({ ...r }));
  if (yearEnd) {
    summary.yearEnd = {
      ...yearEnd.total,
      perStyringsområde: Object.fromEntries(yearEnd.perStyringsområde),
      ...(results.yearEndLedgerLine ? { ledgerLine: results.yearEndLedgerLine } : {}),
      overførselPerÅr: transfersPerYear(yearEnd.lines),
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
  if (results.indicators)
    summary.indicators = results.indicators.map((i) => ({
      indikator: i.indikator,
      forslag: i.forslag,
      ...(i.valgt ? { valgt: i.valgt } : {}),
      farve: i.farve,
      ...(i.bemærkning ? { bemærkning: i.bemærkning } : {}),
      grundlag: i.grundlag,
    }));
  const regulations = regulationsSummary(results);
  if (regulations) summary.regulations = regulations;
  if (results.appropriations) summary.appropriations = results.appropriations.map((a) => ({ ...a }));
  if (results.appropriationTable)
    summary.appropriationTable = results.appropriationTable.map((r) => ({ ...r }));
  const note = kronerNote(inputs.parameters.unit);
  if (results.appropriations && results.appropriations.length > 0 && note)
    summary.appropriationsNote = [note];
  if (results.caseKind)
    summary.sagstype = {
      type: results.caseKind,
      valgtAf: results.caseKindSource === "parameter" ? "parameter" : "tabellerne",
    };
  const decision = results.decision;
  if (decision) {
    summary.indstilling = {
      indledning: decision.indledning,
      punkter: decision.points.map((p) => ({ nr: p.nr, art: p.kind, tekst: p.tekst })),
      noter: decisionNotes(decision, inputs.parameters.unit),
    };
    const t = decision.transfers;
    if (t && t.rows.length > 0)
      summary.overførsel = {
        regnskabsår: t.accountsYear,
        år: t.years,
        rows: t.rows.map((r) => ({ ...r, overførsel: [...r.overførsel] })),
        total: { afvigelse: t.total.afvigelse, kassen: t.total.kassen, overførsel: [...t.total.overførsel] },
      };
  }
  if (Object.keys(results).length > 0) {
    const figures = caseFigures(caseDocument(inputs, results));
    summary.grundlag = {
      ...(results.computedAt ? { beregnet: results.computedAt } : {}),
      tabeller: (results.fingerprints ?? []).map((f) => ({
        tabel: f.label,
        område: f.range,
        rækker: f.rows,
        fingeraftryk: f.hash,
      })),
      tal: figures.map((f) => ({
        tabel: f.table.title,
        linje: f.line,
        tal: f.value,
        regel: f.trace.rule,
        regelnavn: ruleName(f.trace.rule),
        beregning: f.trace.how,
        kilder: f.trace.sources.map((s) => ({
          celler: sourceReference(s),
          ark: s.sheet,
          område: s.range,
          hvad: s.what,
          ...(s.value === undefined ? {} : { tal: s.value }),
          ...(s.factor === undefined ? {} : { faktor: s.factor }),
        })),
      })),
    };
  }
  return summary;
}

function regulationsSummary(results: ContractResults): Summary["regulations"] {
  const { ledger, scenarios, sensitivity, grid, estimate } = results;
  if (!scenarios && !sensitivity && !estimate) return undefined;
  const pools = ledger?.pools ?? [];
  return {
    scenarios: (scenarios ?? []).map((r) => ({
      scenarie: r.scenario.name,
      regulering: r.scenario.type,
      ...(r.scenario.kilde === undefined ? {} : { kilde: r.scenario.kilde }),
      ...(r.dato === undefined ? {} : { dato: r.dato }),
      status: r.scenario.status ?? "Prognose",
      valgt: r.chosen,
      egenBeregning: r.estimated,
      amounts: Object.fromEntries(pools.map((p) => [p, r.scenario.amounts[p] ?? 0])),
      result: byPool(pools, r.result.perPool, r.result.total),
      budgetvaernBrugt: r.outcome.budgetvaernBrugt,
      kassefinansiering: r.outcome.kassefinansiering,
      flag: r.outcome.flag,
    })),
    sensitivity: (sensitivity ?? []).map(({ spec, rows }) => ({
      regulering: spec.type,
      pulje: spec.pool,
      rows: rows.map((r) => ({
        beløb: r.amount,
        resultat: r.outcome.resultat,
        budgetvaernBrugt: r.outcome.budgetvaernBrugt,
        kassefinansiering: r.outcome.kassefinansiering,
        flag: r.outcome.flag,
        budgetvaernOpbrugt: r.breakEven,
      })),
    })),
    ...(grid
      ? {
          grid: {
            rækker: { regulering: grid.rows.type, pulje: grid.rows.pool, beløb: grid.rows.amounts },
            kolonner: {
              regulering: grid.columns.type,
              pulje: grid.columns.pool,
              beløb: grid.columns.amounts,
            },
            resultat: grid.results.map((line) => line.map((r) => r.outcome.resultat)),
            flag: grid.results.map((line) => line.map((r) => r.outcome.flag)),
          },
        }
      : {}),
    ...(estimate
      ? {
          estimate: estimate.lines.map((l) => ({
            key: l.key,
            label: l.label,
            value: l.value ?? null,
            missing: l.missing,
          })),
        }
      : {}),
  };
}
