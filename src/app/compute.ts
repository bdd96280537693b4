import {
  AppropriationTableRow,
  checkAppropriationTable,
  areaResult,
  chooseIndicators,
  Indicator,
  proposeIndicators,
  Appropriation,
  BudgetModelResult,
  computeBudgetModel,
  computeFollowUp,
  computeInvestments,
  computeLedger,
  computeYearEnd,
  accountsDecision,
  AccountsSettlement,
  CaseKind,
  CaseKindSource,
  chooseCaseKind,
  Decision,
  followUpDecision,
  messages,
  nearPool,
  orientationDecision,
  PoolMovement,
  followUpMovementLine,
  yearEndPoolShare,
  isPoolKassenLine,
  investmentLedgerLine,
  investmentYears,
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
  formatFigure,
  NOT_APPLICABLE,
} from "../domain";
import { RunDiagnostics } from "./codes";
import { appMessages } from "./messages";
import { ContractInputs, matchesPool } from "./readContract";
import { fingerprintInputs, TableFingerprint } from "./fingerprint";

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
  /** R15: the kind of case, and whether the Sagstype parameter gave it or the tool chose it. */
  caseKind?: CaseKind;
  caseKindSource?: CaseKindSource;
  /** R15: the committee's decision — the indstilling's points and the bevillingstabel of this kind of case. */
  decision?: Decision;
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
  /** When Beregn computed the figures, as the case prints it ("5/12 2026 kl. 19.30"). */
  computedAt?: string;
  /** Issue 30: the fingerprint of every table read (stored on the Spor sheet, in the JSON summary). */
  fingerprints?: TableFingerprint[];
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
    if (p.budgetYear === undefined && pooled.size > 0)
      diagnostics.warning("MISSING_YEAR", appMessages.missingYear(), {});
    checkFollowUpPools(inputs, diagnostics);
  }
  // An empty § 23 a block (as the template inserts it) gives no estimate, not eight "missing" lines.
  if (inputs.grantInputs && Object.keys(inputs.grantInputs.inputs).length > 0)
    results.estimate = estimateGrant(inputs.grantInputs.inputs);
  if (inputs.budgetModel) results.budgetModel = computeBudgetModel(inputs.budgetModel.rows);
  if (inputs.yearEnd) {
    results.yearEnd = computeYearEnd(inputs.yearEnd.rows, p.budgetYear, diagnostics);
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
  /** R8: the investments' changes dated to a year (no År: the Budgetår) as that year's Investeringsprojekter line. */
  const investmentsIn = (år: number | undefined, pools: readonly string[]) => {
    if (!results.investments || results.investments.ændring === undefined) return undefined;
    const values = investmentLedgerLine(results.investments, pools, p.unit, diagnostics, år, p.budgetYear);
    return Object.fromEntries(pools.map((pool, i) => [pool, values[i] ?? 0]));
  };
  if (inputs.investments) {
    results.investments = computeInvestments(inputs.investments.rows, p.investmentMinReturn);
    const pools = inputs.ledger?.ledger.pools;
    const line = pools && investmentsIn(p.budgetYear, pools);
    if (line) results.investmentLedgerLine = line;
  }
  const byYear = inputs.ledger ? ledgersByYear(inputs.ledger.ledger, p.budgetYear, diagnostics) : [];
  // R8: a change dated to a year without a ledger of its own reaches no pool; say so at the project.
  if (results.investments && inputs.ledger)
    for (const { år, project } of investmentYears(results.investments))
      if (!byYear.some((y) => y.år === år))
        diagnostics.warning(
          "NO_SOURCE",
          messages.investmentYearWithoutLedger(project.projekt, år),
          project.at ?? {},
        );
  const main = byYear.find((y) => y.år === p.budgetYear);
  if (inputs.ledger && byYear.length > 0 && !main)
    diagnostics.warning("MISSING_YEAR", appMessages.noLedgerForBudgetYear(p.budgetYear), {});
  results.ledgerYears = [];
  for (const year of byYear.filter((y) => y !== main)) {
    // A change dated to another year feeds that year's Investeringsprojekter line.
    const investments = investmentsIn(year.år, year.ledger.pools);
    const fed = feedLedger(
      year.ledger,
      {
        prognoses: [],
        ...followUpFeed(inputs, results, year.år, year.ledger.pools),
        ...(investments ? { investments } : {}),
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
  decide(inputs, results, diagnostics);
  if (results.appropriationTable) checkAppropriationTable(results.appropriationTable, diagnostics);
  // R13: every indicator is proposed whenever there is a follow-up or a pool; the user's colour wins.
  if (results.followUp || results.outcome) {
    results.indicators = chooseIndicators(
      proposeIndicators(results.followUp, results.outcome?.flag, p),
      inputs.indicators?.rows ?? [],
    );
    // Why an indicator has no proposal goes to the diagnostics, not onto the committee's page.
    for (const i of results.indicators)
      if (i.forslag === NOT_APPLICABLE)
        diagnostics.info(
          "NO_PROPOSAL",
          messages.noIndicatorProposal(i.indikator, i.grundlag, results.caseKind === "Regnskab" && !i.valgt),
          {},
        );
  }
  // Once per run: the Spor sheet, the JSON summary and the stale check all read it.
  results.fingerprints = fingerprintInputs(inputs, results);
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

/**
 * R15.7 Every pool the follow-up names — in the Budgetår's rows and, with year columns, in any year's (a
 * linked Vurdering of another year reads those) — once, at its first row: one a letter or two from a
 * known pool (the ledger's, or without a ledger a pool of more rows) is an error with "Mente du …?"; one
 * the ledger lacks otherwise is a warning.
 */
function checkFollowUpPools(inputs: ContractInputs, diagnostics: RunDiagnostics): void {
  const followUp = inputs.followUp!;
  const named = new Map<string, { pool: string; at: Location | undefined; rows: number }>();
  for (const r of [...followUp.rows, ...(followUp.years?.rows ?? [])]) {
    if (isOutsidePools(r.pulje)) continue;
    const entry = named.get(normalizeName(r.pulje)) ?? { pool: r.pulje, at: r.at, rows: 0 };
    entry.rows++;
    named.set(normalizeName(r.pulje), entry);
  }
  const ledgerPools = inputs.ledger?.ledger.pools;
  for (const { pool, at, rows } of named.values()) {
    const known = ledgerPools ?? [...named.values()].filter((o) => o.rows > rows).map((o) => o.pool);
    const near = nearPool(pool, known);
    if (near !== undefined) diagnostics.error("POOL_TYPO", messages.poolTypo(pool, near), at ?? {});
    else if (ledgerPools && !matchesPool(pool, ledgerPools))
      diagnostics.warning("UNKNOWN_POOL", appMessages.unknownPoolInFollowUp(pool), at ?? {});
  }
}

/**
 * R15: the decision of the kind of case — chosen from the Sagstype parameter, else from the tables — with
 * its points and bevillingstabel. One movement, one bevilling: a Budgetopfølgning proposes the follow-up's
 * tillægsbevillinger, a Regnskab the accounts' overførsel, konvertering and afregning, an Orientering
 * nothing; what the kind leaves out is said once.
 */
function decide(inputs: ContractInputs, results: ContractResults, diagnostics: RunDiagnostics): void {
  const p = inputs.parameters;
  const { kind, source } = chooseCaseKind(p.caseKind, {
    followUp: results.followUp !== undefined,
    yearEnd: results.yearEnd !== undefined,
  });
  results.caseKind = kind;
  results.caseKindSource = source;
  if (source !== "parameter")
    diagnostics.info("CASE_KIND", messages.caseKindChosen(kind, appMessages.caseKindReason(source)), {});
  if (kind === "Orientering") {
    results.decision = orientationDecision(p);
    return;
  }
  const year = p.budgetYear;
  if (kind === "Budgetopfølgning") {
    if (results.yearEnd) diagnostics.info("CASE_KIND", appMessages.yearEndNotProposed(), {});
    if (!results.followUp) diagnostics.warning("CASE_KIND", appMessages.noFollowUpForCase(), {});
    if (year === undefined || !results.followUp) {
      if (year !== undefined) results.decision = followUpDecision([], year, p);
      return;
    }
    results.decision = followUpDecision(poolMovements(inputs, results, diagnostics), year, p);
  } else {
    if (results.followUp) diagnostics.info("CASE_KIND", appMessages.followUpNotProposed(), {});
    if (year === undefined) {
      if (results.yearEnd) diagnostics.warning("MISSING_YEAR", appMessages.missingYearForYearEnd(), {});
      return;
    }
    if (!results.yearEnd) {
      diagnostics.warning("CASE_KIND", appMessages.noYearEndForCase(), {});
      results.decision = accountsDecision(undefined, year, undefined, p);
    } else {
      results.decision = accountsDecision(results.yearEnd, year, settlement(results, p), p);
      // A kassen line outside the pool's steering area reaches no punkt: said at the line, never silent.
      for (const r of results.yearEnd.lines)
        if (
          !r.line.overførselsadgang &&
          r.kassen !== 0 &&
          !isPoolKassenLine(r, p.steeringArea, p.steeringAreaSynonyms)
        )
          diagnostics.warning(
            "NO_SOURCE",
            messages.kassenOutsidePool(r.line.område, r.line.styringsområde, p.steeringArea),
            r.line.at ?? {},
          );
    }
  }
  // The Tillægsbevillinger sheet is the follow-up's; an accounts case's points are in the indstilling.
  if (kind === "Budgetopfølgning") results.appropriations = results.decision.appropriations;
  results.appropriationTable = results.decision.table;
}

/**
 * R15.5 One figure: a pool's tillægsbevilling is the movement the Budgetår's ledger shows for this
 * follow-up — its Vurdering line fed from the follow-up, else its last Vurdering line — with the
 * follow-up's own sum beside it where they differ by rounding; without such a line, the follow-up's sum.
 * A difference beyond the rounding of the pool's rows (½ unit a row) means the line is not this
 * follow-up's: the follow-up's sum is proposed, with a warning at the line.
 */
function poolMovements(
  inputs: ContractInputs,
  results: ContractResults,
  diagnostics: RunDiagnostics,
): PoolMovement[] {
  const followUp = results.followUp!;
  const pooled = [...followUp.groups].filter(([pool]) => !isOutsidePools(pool));
  const ledger = results.ledger;
  const line = ledger && followUpMovementLine(ledger.lines);
  if (!ledger || !line) return pooled.map(([pulje, t]) => ({ pulje, amount: t.afvigelse }));
  const unit = inputs.parameters.unit;
  // A follow-up pool the ledger lacks (warned about above) keeps its own sum: its money is not dropped.
  const unmatched = pooled
    .filter(([name]) => !ledger.pools.some((pool) => normalizeName(pool) === normalizeName(name)))
    .map(([pulje, t]) => ({ pulje, amount: t.afvigelse }));
  const matched = ledger.pools.map((pulje, i): PoolMovement => {
    const amount = line.values[i] ?? 0;
    const group = pooled.find(([name]) => normalizeName(name) === normalizeName(pulje));
    const sum = group?.[1].afvigelse ?? 0;
    const rows = followUp.rows.filter((r) => normalizeName(r.row.pulje) === normalizeName(pulje)).length;
    // Beyond the rounding of the pool's rows the line is not this follow-up's (an earlier one's, or a
    // typo): the follow-up's own sum is proposed, and the warning says to add or link the line.
    if (Math.abs(amount - sum) > Math.max(0.5, rows * 0.5) + 1e-9) {
      diagnostics.warning(
        "LEDGER_MISMATCH",
        messages.ledgerFollowUpMismatch(
          line.post,
          pulje,
          `${formatFigure(amount)} (${unit})`,
          `${formatFigure(sum)} (${unit})`,
          rows,
        ),
        line.at ?? {},
      );
      return { pulje, amount: sum };
    }
    return { pulje, amount, post: line.post, ...(amount === sum ? {} : { followUpSum: sum }) };
  });
  return [...matched, ...unmatched];
}

/**
 * R15.4 The pool's share of the accounts: the Budgetår's ledger's Regnskab movement (typed or fed from the
 * Regnskab table), with the table's own figure beside it where they differ; without such a line, the
 * Regnskab table's Kassen of the steering area.
 */
function settlement(
  results: ContractResults,
  p: ContractInputs["parameters"],
): AccountsSettlement | undefined {
  const fromTable = results.yearEnd ? yearEndPoolShare(results.yearEnd, p) : undefined;
  const line = results.ledger?.lines.filter((l) => l.type === "Regnskab").at(-1);
  if (!line) return fromTable === undefined ? undefined : { amount: fromTable };
  return {
    amount: line.total,
    post: line.post,
    ...(fromTable === undefined || fromTable === line.total ? {} : { yearEndSum: fromTable }),
  };
}
