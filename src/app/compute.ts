import {
  appropriationTable,
  AppropriationTableRow,
  checkAppropriationTable,
  areaResult,
  chooseIndicators,
  Indicator,
  proposeIndicators,
  Appropriation,
  appropriations,
  BudgetModelResult,
  computeBudgetModel,
  computeFollowUp,
  computeInvestments,
  computeLedger,
  computeYearEnd,
  yearEndAppropriationTable,
  investmentLedgerLine,
  compareScenarios,
  countFlags,
  estimateGrant,
  feedLedger,
  GrantEstimate,
  SensitivityGrid,
  sensitivityGrid,
  SensitivityRow,
  sensitivityRows,
  SensitivitySpec,
  Flag,
  FollowUpResult,
  InvestmentsResult,
  isOutsidePools,
  LedgerResult,
  PoolOutcome,
  poolOutcome,
  YearEndResult,
  yearEndMovement,
  ForecastChange,
  forecastChanges,
  ledgersByYear,
  normalizeName,
  TOTAL_COLUMN,
  yearDeviations,
  YearOverviewColumn,
  YearPool,
  yearsOverview,
  yearTotals,
  Location,
} from "../domain";
import { RunDiagnostics } from "./codes";
import { appMessages } from "./messages";
import { ContractInputs, matchesPool } from "./readContract";

/** Every result the contract writes back and summarises. */
export interface ContractResults {
  followUp?: FollowUpResult;
  ledger?: LedgerResult;
  outcome?: PoolOutcome;
  outcomeExcludingPrognoses?: PoolOutcome;
  budgetModel?: BudgetModelResult[];
  yearEnd?: YearEndResult;
  /** R7's ledger line: the kassen part per sub-pool, keyed by pool name. */
  yearEndLedgerLine?: Record<string, number>;
  /** The steering areas of the Regnskab table, for the message when none feeds the ledger. */
  yearEndFound?: string[];
  /** Per fed ledger line (same order as fedLines): where its amounts came from, in Danish. */
  fedSources?: string[];
  investments?: InvestmentsResult;
  /** R8's ledger line: the changes in expected net gain per sub-pool, in the ledger's unit. */
  investmentLedgerLine?: Record<string, number>;
  appropriations?: Appropriation[];
  flagCounts?: Record<"økonomi" | "mængder" | "refusion", Record<Flag, number>>;
  /** R6.2 for the municipality, from the Tilskudsberegning block. */
  estimate?: GrantEstimate;
  /** Indices of the ledger lines whose amounts came from the Reguleringer sheet. */
  fedLines?: number[];
  /** R6.1: every prognosis (and the estimate) evaluated on the ledger, side by side. */
  scenarios?: ReturnType<typeof compareScenarios>;
  sensitivity?: { spec: SensitivitySpec; rows: SensitivityRow[] }[];
  grid?: SensitivityGrid;
  /** R14.1: the bevillingstabel, two rows per tillægsbevilling, each punkt summing to 0. */
  appropriationTable?: AppropriationTableRow[];
  /** R13: the five headline indicators, proposed and chosen. */
  indicators?: Indicator[];
  /** R13: the sum of the ledger's Vurdering and Investeringsprojekter movements. */
  areaResult?: number;
  /**
   * R11: every year's ledger (the Budgetår's is `ledger`), each with the lines fed from a source; one
   * entry without a year when the ledger has no År column and there is no Budgetår.
   */
  ledgerYears?: { år: number | undefined; ledger: LedgerResult; fedLines: number[]; fedSources: string[] }[];
  /** R11: the years overview, per year column of the follow-up. */
  years?: YearOverviewColumn[];
  /** R12.1: the change since each earlier follow-up of the Budgetår. */
  changes?: ForecastChange[];
}

/** Applies the rules to what was read. Pure: no reading, no writing. */
export function computeContract(inputs: ContractInputs, diagnostics: RunDiagnostics): ContractResults {
  const p = inputs.parameters;
  const results: ContractResults = {};
  if (inputs.followUp) {
    const followUp = computeFollowUp(inputs.followUp.rows, p);
    results.followUp = followUp;
    results.flagCounts = {
      økonomi: countFlags(followUp.rows.map((r) => r.økonomi)),
      mængder: countFlags(followUp.rows.map((r) => r.mængder)),
      refusion: countFlags(followUp.rows.map((r) => r.refusion)),
    };
    const pooled = new Map(
      [...followUp.groups].filter(([pool]) => !isOutsidePools(pool)).map(([pool, t]) => [pool, t.afvigelse]),
    );
    if (p.budgetYear === undefined) {
      if (pooled.size > 0) diagnostics.warning("MISSING_YEAR", appMessages.missingYear(), {});
    } else {
      results.appropriations = appropriations(pooled, p.budgetYear, p);
      results.appropriationTable = appropriationTable(results.appropriations, p);
    }
    if (inputs.ledger) {
      // Every pool the follow-up names — in the Budgetår's rows and, with year columns, in any year's (a
      // linked Vurdering of another year reads those) — once, at its first row.
      const named = new Map<string, { pool: string; at: Location | undefined }>();
      for (const r of [...inputs.followUp.rows, ...(inputs.followUp.years?.rows ?? [])])
        if (!isOutsidePools(r.pulje) && !named.has(normalizeName(r.pulje)))
          named.set(normalizeName(r.pulje), { pool: r.pulje, at: r.at });
      for (const { pool, at } of named.values())
        if (!matchesPool(pool, inputs.ledger.ledger.pools))
          diagnostics.warning("UNKNOWN_POOL", appMessages.unknownPoolInFollowUp(pool), at ?? {});
    }
  }
  // An empty § 23 a block (as the template inserts it) gives no estimate, not eight "missing" lines.
  if (inputs.grantInputs && Object.keys(inputs.grantInputs.inputs).length > 0)
    results.estimate = estimateGrant(inputs.grantInputs.inputs);
  if (inputs.budgetModel) results.budgetModel = computeBudgetModel(inputs.budgetModel.rows);
  if (inputs.yearEnd) {
    results.yearEnd = computeYearEnd(inputs.yearEnd.rows, p.budgetYear, diagnostics);
    // R14.1: the year-end's punkter follow the follow-up's in the one bevillingstabel.
    if (p.budgetYear === undefined)
      diagnostics.warning("MISSING_YEAR", appMessages.missingYearForYearEnd(), {});
    else {
      const before = results.appropriationTable ?? [];
      const first = Math.max(0, ...before.map((r) => r.punkt)) + 1;
      results.appropriationTable = [
        ...before,
        ...yearEndAppropriationTable(results.yearEnd, p.budgetYear, p, first),
      ];
    }
    const pools = inputs.ledger?.ledger.pools ?? [
      ...new Set(inputs.yearEnd.rows.flatMap((l) => (l.pulje ? [l.pulje] : []))),
    ];
    if (pools.length > 0) {
      const movement = yearEndMovement(
        results.yearEnd,
        pools,
        p.steeringArea,
        diagnostics,
        p.steeringAreaSynonyms,
      );
      results.yearEndFound = movement.found;
      // No line of the steering area: nothing to feed — never a silent 0 (R7.1).
      if (movement.matched > 0)
        results.yearEndLedgerLine = Object.fromEntries(
          pools.map((pool, i) => [pool, movement.values[i] ?? 0]),
        );
    }
  }
  if (inputs.investments) {
    results.investments = computeInvestments(inputs.investments.rows, p.investmentMinReturn);
    const pools = inputs.ledger?.ledger.pools;
    if (pools && results.investments.ændring !== undefined) {
      const values = investmentLedgerLine(results.investments, pools, p.unit, diagnostics);
      results.investmentLedgerLine = Object.fromEntries(pools.map((pool, i) => [pool, values[i] ?? 0]));
    }
  }
  const byYear = inputs.ledger ? ledgersByYear(inputs.ledger.ledger, p.budgetYear, diagnostics) : [];
  const main = byYear.find((y) => y.år === p.budgetYear);
  if (inputs.ledger && byYear.length > 0 && !main)
    diagnostics.warning("MISSING_YEAR", appMessages.noLedgerForBudgetYear(p.budgetYear), {});
  results.ledgerYears = [];
  for (const year of byYear.filter((y) => y !== main)) {
    const fed = feedLedger(
      year.ledger,
      {
        prognoses: [],
        ...followUpFeed(inputs, results, year.år, year.ledger.pools),
        ...(year.år === undefined ? {} : { year: year.år }),
        otherYear: { budgetYear: p.budgetYear },
      },
      diagnostics,
    );
    results.ledgerYears.push({
      år: year.år,
      ledger: computeLedger(fed.ledger),
      fedLines: fed.fedLines,
      fedSources: fed.sources,
    });
  }
  if (inputs.ledger && main) {
    const prognoses = inputs.prognoses?.rows ?? [];
    const fed = feedLedger(
      main.ledger,
      {
        ...followUpFeed(inputs, results, main.år, main.ledger.pools),
        ...(main.år === undefined ? {} : { year: main.år }),
        prognoses,
        ...(results.estimate ? { estimate: results.estimate } : {}),
        ...(results.yearEndLedgerLine ? { yearEnd: results.yearEndLedgerLine } : {}),
        ...(results.yearEndFound ? { yearEndFound: results.yearEndFound } : {}),
        steeringArea: p.steeringArea,
        ...(results.investmentLedgerLine ? { investments: results.investmentLedgerLine } : {}),
      },
      diagnostics,
    );
    const ledger = computeLedger(fed.ledger);
    results.ledger = ledger;
    results.fedLines = fed.fedLines;
    results.fedSources = fed.sources;
    results.outcome = poolOutcome(ledger.result.total, p);
    results.outcomeExcludingPrognoses = poolOutcome(ledger.resultExcludingPrognoses.total, p);
    if (inputs.prognoses || results.estimate)
      results.scenarios = compareScenarios(fed.ledger, prognoses, results.estimate, p);
    const specs = inputs.sensitivity?.rows ?? [];
    if (specs.length > 0) {
      results.sensitivity = specs.map((spec) => ({ spec, rows: sensitivityRows(fed.ledger, spec, p) }));
      if (specs.length >= 2) results.grid = sensitivityGrid(fed.ledger, specs[0]!, specs[1]!, p);
    }
    results.areaResult = areaResult(ledger.lines);
    results.ledgerYears.push({ år: main.år, ledger, fedLines: fed.fedLines, fedSources: fed.sources });
  }
  results.ledgerYears.sort((a, b) => (a.år ?? 0) - (b.år ?? 0));
  if (results.ledgerYears.length === 0) delete results.ledgerYears;
  const years = inputs.followUp?.years;
  if (years) {
    results.years = yearsOverview(years.columns, yearTotals(years.columns, years.rows), yearPools(results));
    if (p.budgetYear !== undefined)
      results.changes = forecastChanges(years.columns, years.rows, p.budgetYear);
  }
  if (results.appropriationTable) checkAppropriationTable(results.appropriationTable, diagnostics);
  // R13: every indicator is proposed whenever there is a follow-up or a pool; the user's colour wins.
  if (results.followUp || results.outcome)
    results.indicators = chooseIndicators(
      proposeIndicators(results.followUp, results.outcome?.flag, p),
      inputs.indicators?.rows ?? [],
    );
  return results;
}

/**
 * R12.2 The follow-up's deviation per pool for a ledger's year, keyed by the ledger's pool names: the
 * Budgetår's from the follow-up, another year's from its year columns; nothing when there is none.
 */
function followUpFeed(
  inputs: ContractInputs,
  results: ContractResults,
  år: number | undefined,
  pools: readonly string[],
): { followUp?: Record<string, number> } {
  let groups: Map<string, number> | undefined;
  if (år === inputs.parameters.budgetYear && results.followUp)
    groups = new Map([...results.followUp.groups].map(([pool, t]) => [pool, t.afvigelse]));
  else if (år !== undefined && inputs.followUp?.years)
    groups = yearDeviations(inputs.followUp.years.columns, inputs.followUp.years.rows, år);
  if (!groups) return {};
  const given = groups;
  const value = (pool: string) =>
    [...given].find(([name]) => normalizeName(name) === normalizeName(pool))?.[1] ?? 0;
  return { followUp: Object.fromEntries(pools.map((pool) => [pool, value(pool)])) };
}

/** R11: what each year's ledger and budget model say of its pool (I alt). */
function yearPools(results: ContractResults): Map<number, YearPool> {
  const pools = new Map<number, YearPool>();
  const of = (år: number) => pools.get(år) ?? (pools.set(år, {}), pools.get(år)!);
  for (const y of results.ledgerYears ?? []) {
    if (y.år === undefined) continue;
    const pool = of(y.år);
    pool.result = y.ledger.result.total;
    pool.hasPrognoses = y.ledger.lines.some((l) => l.status === "Prognose");
    const opening = y.ledger.lines.find((l) => l.type === "Oprindelig");
    if (opening) pool.opening = opening.total;
  }
  const model = results.budgetModel ?? [];
  for (const år of new Set(model.map((m) => m.år))) {
    const rows = model.filter((m) => m.år === år);
    const total = rows.find((m) => m.pulje === TOTAL_COLUMN && rows.length > 1);
    of(år).budgetModel = total ? total.reservationspulje : rows.reduce((s, m) => s + m.reservationspulje, 0);
  }
  return pools;
}
