import { editDistance } from "./editDistance";
import { cellText, ColumnSpec, excelSerialToDate, fieldCell, RawCell, RawRecord, readNumber } from "./cells";
import { clean } from "./compare";
import { DiagnosticSink, Location } from "./diagnostics";
import { GrantEstimate } from "./grantEstimate";
import { messages, minutesDate } from "./messages";
import { normalizeName } from "./normalize";
import {
  isComputedType,
  Ledger,
  LedgerLine,
  MovementType,
  MOVEMENT_TYPES,
  parseMovementType,
  parseStatus,
} from "./poolLedger";
import { PoolOutcomeThresholds } from "./poolOutcome";
import {
  amountUsingUpBudgetvaern,
  applyScenario,
  onePoolVaried,
  evaluateScenarios,
  sensitivity,
  RegulationScenario,
  ScenarioResult,
} from "./scenarios";
import { parseYesNo } from "./yesNo";
import { Amount } from "./units";

/** The Kilde of a ledger line fed by the chosen scenario of its type (sheet Reguleringer). */
export const SOURCE_CHOSEN_SCENARIO = "Reguleringer";
/** The Kilde of a ledger line fed by the § 23 a estimate (docs/rules.md R6.2: "egen beregning"). */
export const SOURCE_OWN_ESTIMATE = "egen beregning";
/** The Kilde of a Regnskab line fed by the Regnskab table (R7's ledger line). */
export const SOURCE_YEAR_END = "Regnskab";
/** The Kilde of an Investeringsprojekter line fed by the Investeringer table (R8's changes). */
export const SOURCE_INVESTMENTS = "Investeringer";
/** R12.2: a Vurdering line fed with the follow-up's deviation per pool for the ledger's year. */
export const SOURCE_FOLLOW_UP = "Opfølgning";
/** The most amounts one sensitivity row may ask for. */
export const MAX_SENSITIVITY_STEPS = 200;

export type PrognosisField = "scenarie" | "regulering" | "kilde" | "dato" | "status" | "valgt";

/** The Prognoser table: one row per prognosis, then one amount column per sub-pool of the ledger. */
export const PROGNOSIS_COLUMNS: readonly ColumnSpec<PrognosisField>[] = [
  { field: "scenarie", header: "Scenarie", required: true },
  { field: "regulering", header: "Regulering", required: true },
  { field: "kilde", header: "Kilde", required: false },
  { field: "dato", header: "Dato", required: false },
  { field: "status", header: "Status", required: false },
  { field: "valgt", header: "Valgt", required: false },
];

export interface RawPrognosisRecord extends RawRecord<PrognosisField> {
  poolCells: (RawCell | undefined)[];
}

export interface Prognosis {
  scenario: RegulationScenario & { type: MovementType };
  dato?: string;
  chosen: boolean;
  at: Location;
}

/** A regulation's type: a movement type of R4 other than the computed Saldo/Resultat; else an error. */
function readRegulationType(cell: RawCell, diagnostics: DiagnosticSink): MovementType | undefined {
  const text = cellText(cell);
  const type = text === undefined ? undefined : parseMovementType(text);
  if (type !== undefined && !isComputedType(type)) return type;
  if (text === undefined) diagnostics.error("MISSING_VALUE", messages.missingValue("Regulering"), cell.at);
  else
    diagnostics.error(
      "UNKNOWN_TYPE",
      messages.unknownType(
        text,
        MOVEMENT_TYPES.filter((t) => !isComputedType(t)),
      ),
      cell.at,
    );
  return undefined;
}

/** Reads prognoses. A regulation may have at most one chosen prognosis; a second is an error. */
export function readPrognoses(
  pools: readonly string[],
  records: readonly RawPrognosisRecord[],
  diagnostics: DiagnosticSink,
): Prognosis[] {
  const out: Prognosis[] = [];
  const chosenTypes = new Set<MovementType>();
  for (const record of records) {
    const name = cellText(record.cells.scenarie);
    if (name === undefined || name.startsWith("#")) continue;
    const type = readRegulationType(fieldCell(record, "regulering"), diagnostics);
    if (type === undefined) continue;
    const statusText = cellText(record.cells.status);
    const status = statusText === undefined ? "Prognose" : parseStatus(statusText);
    if (status === undefined) {
      diagnostics.error(
        "UNKNOWN_STATUS",
        messages.unknownStatus(statusText!),
        fieldCell(record, "status").at,
      );
      continue;
    }
    const chosenText = cellText(record.cells.valgt);
    const chosen = chosenText === undefined ? false : parseYesNo(chosenText);
    if (chosen === undefined) {
      diagnostics.error(
        "NOT_A_YES_NO",
        messages.notAYesNo("Valgt", chosenText!),
        fieldCell(record, "valgt").at,
      );
      continue;
    }
    if (chosen && chosenTypes.has(type)) {
      diagnostics.error("DUPLICATE_CHOICE", messages.duplicateChoice(type), fieldCell(record, "valgt").at);
      continue;
    }
    if (chosen) chosenTypes.add(type);
    const amounts: Record<string, Amount> = {};
    pools.forEach((pool, i) => {
      amounts[pool] = readNumber(record.poolCells[i], { field: pool, required: false }, diagnostics) ?? 0;
    });
    const kilde = cellText(record.cells.kilde);
    const dato = readDate(record.cells.dato);
    out.push({
      scenario: { name, type, amounts, status, ...(kilde === undefined ? {} : { kilde }) },
      chosen,
      at: record.at,
      ...(dato === undefined ? {} : { dato }),
    });
  }
  return out;
}

/** A date cell as text: a Date or an Excel serial number as the minutes write it (30/10 2018), text as written. */
export function readDate(cell: RawCell | undefined): string | undefined {
  const value = cell?.value;
  if (typeof value === "number" && value > 20000 && value < 80000)
    return minutesDate(excelSerialToDate(value));
  return cellText(cell);
}

/** The ledger pool that is the beskæftigelsestilskud's or the budgetgaranti's, by its name. */
export function poolOfKind(
  pools: readonly string[],
  kind: "beskaeftigelsestilskud" | "budgetgarant",
): string | undefined {
  return pools.find((p) => normalizeName(p).includes(kind));
}

/** The amounts per pool the § 23 a estimate gives for a regulation type, or undefined. */
export function estimateAmounts(
  estimate: GrantEstimate | undefined,
  type: MovementType,
  pools: readonly string[],
): Record<string, Amount> | undefined {
  if (!estimate) return undefined;
  const employment =
    poolOfKind(pools, "beskaeftigelsestilskud") ?? (pools.length === 1 ? pools[0] : undefined);
  const guarantee = poolOfKind(pools, "budgetgarant");
  if (type === "Efterregulering") {
    if (estimate.efterregulering === undefined || employment === undefined) return undefined;
    return { [employment]: estimate.efterregulering };
  }
  if (type === "Midtvejsregulering") {
    const out: Record<string, Amount> = {};
    if (estimate.midtvejsBeskaeftigelse !== undefined && employment !== undefined)
      out[employment] = estimate.midtvejsBeskaeftigelse;
    if (estimate.midtvejsGaranti !== undefined && guarantee !== undefined)
      out[guarantee] = (out[guarantee] ?? 0) + estimate.midtvejsGaranti;
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return undefined;
}

export interface FedLedger {
  /** Per fed line (as fedLines): where its amounts came from, in Danish. */
  sources: string[];
  ledger: Ledger;
  /** Indices of the ledger lines whose amounts came from the Reguleringer sheet. */
  fedLines: number[];
}

/** What can feed a ledger line, by the line's Kilde. Amounts per pool, keyed by the ledger's pool names. */
export interface LedgerSources {
  prognoses: readonly Prognosis[];
  estimate?: GrantEstimate;
  /** R7: the Regnskab table's kassen part per pool. */
  yearEnd?: Record<string, Amount>;
  /** R8: the Investeringer table's changes in expected net gain per pool. */
  investments?: Record<string, Amount>;
  /** The Regnskab table's steering areas, named when none of them feeds the line (R7.1). */
  yearEndFound?: readonly string[];
  /** The steering area the year-end line is taken from (the parameter). */
  steeringArea?: string;
  /** R12.2: the follow-up's deviation per pool (ledger spelling) for the ledger's year. */
  followUp?: Record<string, Amount>;
  /** The ledger's year, for messages. */
  year?: number;
  /** A ledger of another year than the Budgetår: only the follow-up and the investments feed it. */
  otherYear?: { budgetYear: number | undefined };
}

/**
 * The ledger lines that ask for their amounts by their Kilde get them (the input ledger is not changed):
 * "Reguleringer" → the chosen prognosis of the line's type (R6.1); "egen beregning" → the § 23 a estimate
 * of its type (R6.2); "Regnskab" on a Regnskab line → R7's ledger line; "Investeringer" on an
 * Investeringsprojekter line → R8's changes. A line that asks for a source with nothing to give keeps its
 * own amounts, with a warning.
 */
export function feedLedger(ledger: Ledger, sources: LedgerSources, diagnostics: DiagnosticSink): FedLedger {
  const fedLines: number[] = [];
  const fedSources: string[] = [];
  const lines = ledger.lines.map((line, index) => {
    if (line.kilde === undefined || isComputedType(line.type)) return line;
    const source = normalizeName(line.kilde);
    let amounts: Record<string, Amount> | undefined;
    let missing: string;
    let from = "";
    // Investeringer feeds every year's ledger (a change is dated by its År); the others only the Budgetår's.
    const feeds = [SOURCE_CHOSEN_SCENARIO, SOURCE_OWN_ESTIMATE, SOURCE_YEAR_END];
    if (sources.otherYear && feeds.some((f) => normalizeName(f) === source)) {
      diagnostics.error(
        "NO_SOURCE",
        messages.onlyInBudgetYear(line.post, line.kilde, sources.otherYear.budgetYear),
        line.at ?? {},
      );
      return line;
    }
    if (source === normalizeName(SOURCE_FOLLOW_UP) && line.type === "Vurdering") {
      amounts = sources.followUp;
      missing = messages.noFollowUpForYear(line.post, sources.year);
      from = messages.fedFromFollowUp(sources.year);
    } else if (source === normalizeName(SOURCE_CHOSEN_SCENARIO)) {
      const chosen = sources.prognoses.find((p) => p.chosen && p.scenario.type === line.type);
      amounts = chosen?.scenario.amounts;
      const others = sources.prognoses
        .filter((p) => p.scenario.type === line.type)
        .map((p) => p.scenario.name);
      missing = messages.noChosenScenario(line.post, line.type, others);
      if (chosen) from = messages.fedFromScenario(chosen.scenario.name);
    } else if (source === normalizeName(SOURCE_OWN_ESTIMATE)) {
      amounts = estimateAmounts(sources.estimate, line.type, ledger.pools);
      missing = messages.noEstimate(line.post, line.type);
      from = messages.fedFromEstimate(line.type);
    } else if (source === normalizeName(SOURCE_YEAR_END) && line.type === "Regnskab") {
      amounts = sources.yearEnd;
      missing =
        sources.yearEndFound === undefined
          ? messages.noTableSource(line.post, SOURCE_YEAR_END)
          : messages.noYearEndArea(line.post, sources.steeringArea ?? "", sources.yearEndFound);
      from = messages.fedFromYearEnd(sources.steeringArea ?? "");
    } else if (source === normalizeName(SOURCE_INVESTMENTS) && line.type === "Investeringsprojekter") {
      amounts = sources.investments;
      missing = messages.noTableSource(line.post, SOURCE_INVESTMENTS);
      from = messages.fedFromInvestments();
    } else {
      reportUnusedSource(line, source, diagnostics);
      return line;
    }
    if (!amounts) {
      // A line that asks for a source that gives nothing: an error at the line, never a silent 0 (R7.1).
      diagnostics.error("NO_SOURCE", missing, line.at ?? {});
      return line;
    }
    fedLines.push(index);
    fedSources.push(from);
    const given = amounts;
    return { ...line, values: ledger.pools.map((pool) => given[pool] ?? 0) };
  });
  return { ledger: { pools: [...ledger.pools], lines }, fedLines, sources: fedSources };
}

/**
 * A Kilde that is not a feed is a description ("KL sep./okt. 2018") — unless it nearly is one (a typo) or
 * names a feed for a line of another type: then the line would silently keep its own amounts, so say so.
 */
function reportUnusedSource(line: LedgerLine, source: string, diagnostics: DiagnosticSink): void {
  const feeds: [string, string | undefined][] = [
    [SOURCE_CHOSEN_SCENARIO, undefined],
    [SOURCE_OWN_ESTIMATE, undefined],
    [SOURCE_YEAR_END, "Regnskab"],
    [SOURCE_INVESTMENTS, "Investeringsprojekter"],
    [SOURCE_FOLLOW_UP, "Vurdering"],
  ];
  for (const [feed, type] of feeds) {
    const distance = editDistance(source, normalizeName(feed));
    if (distance === 0 && type !== undefined)
      diagnostics.warning(
        "UNKNOWN_SOURCE",
        messages.sourceForOtherType(line.post, feed, type, line.type),
        line.at ?? {},
      );
    else if (distance > 0 && distance <= 2)
      diagnostics.warning(
        "UNKNOWN_SOURCE",
        messages.sourceLooksLikeFeed(line.post, line.kilde ?? "", feed),
        line.at ?? {},
      );
  }
}

/** Every prognosis (and the § 23 a estimate, when computable) evaluated on the ledger. */
export function compareScenarios(
  ledger: Ledger,
  prognoses: readonly Prognosis[],
  estimate: GrantEstimate | undefined,
  thresholds: PoolOutcomeThresholds,
): (ScenarioResult & { scenario: RegulationScenario; chosen: boolean; estimated: boolean; dato?: string })[] {
  const scenarios: { scenario: RegulationScenario; chosen: boolean; estimated: boolean; dato?: string }[] =
    prognoses.map((p) => ({
      scenario: p.scenario,
      chosen: p.chosen,
      estimated: false,
      ...(p.dato === undefined ? {} : { dato: p.dato }),
    }));
  for (const type of ["Midtvejsregulering", "Efterregulering"] as const) {
    const amounts = estimateAmounts(estimate, type, ledger.pools);
    if (!amounts) continue;
    scenarios.push({
      scenario: {
        name: `Egen beregning (§ 23 a), ${type.toLowerCase()}`,
        type,
        amounts,
        kilde: SOURCE_OWN_ESTIMATE,
      },
      chosen: false,
      estimated: true,
    });
  }
  const results = evaluateScenarios(
    ledger,
    scenarios.map((s) => s.scenario),
    thresholds,
  );
  return results.map((r, i) => ({ ...r, ...scenarios[i]! }));
}

export type SensitivityField = "regulering" | "fra" | "til" | "trin" | "pulje";

/** The Foelsomhed table: a range of amounts per regulation. */
export const SENSITIVITY_COLUMNS: readonly ColumnSpec<SensitivityField>[] = [
  { field: "regulering", header: "Regulering", required: true },
  { field: "fra", header: "Fra", required: true },
  { field: "til", header: "Til", required: true },
  { field: "trin", header: "Trin", required: true },
  { field: "pulje", header: "Pulje", required: false },
];

export interface SensitivitySpec {
  type: MovementType;
  pool: string;
  amounts: Amount[];
  at: Location;
}

/** Reads the ranges; amounts from Fra to Til (both included) in steps of Trin. */
export function readSensitivitySpecs(
  pools: readonly string[],
  records: readonly RawRecord<SensitivityField>[],
  diagnostics: DiagnosticSink,
): SensitivitySpec[] {
  const out: SensitivitySpec[] = [];
  for (const record of records) {
    const typeText = cellText(record.cells.regulering);
    if (typeText === undefined || typeText.startsWith("#")) continue;
    const type = readRegulationType(fieldCell(record, "regulering"), diagnostics);
    if (type === undefined) continue;
    const from = readNumber(fieldCell(record, "fra"), { field: "Fra", required: true }, diagnostics);
    const to = readNumber(fieldCell(record, "til"), { field: "Til", required: true }, diagnostics);
    const step = readNumber(fieldCell(record, "trin"), { field: "Trin", required: true }, diagnostics);
    if (from === undefined || to === undefined || step === undefined) continue;
    const count = step > 0 ? Math.floor(clean((to - from) / step)) + 1 : 0;
    if (!(step > 0) || to < from || count > MAX_SENSITIVITY_STEPS) {
      diagnostics.error(
        "PARAMETER_OUT_OF_BOUNDS",
        messages.badRange(from, to, step, MAX_SENSITIVITY_STEPS),
        fieldCell(record, "trin").at,
      );
      continue;
    }
    const poolText = cellText(record.cells.pulje);
    const pool =
      poolText === undefined
        ? defaultSensitivityPool(type, pools)
        : pools.find((p) => normalizeName(p) === normalizeName(poolText));
    if (pool === undefined) {
      diagnostics.error(
        "UNKNOWN_POOL",
        messages.unknownPool(poolText ?? "", pools),
        fieldCell(record, "pulje").at,
      );
      continue;
    }
    const amounts = Array.from({ length: count }, (_, i) => clean(from + i * step));
    out.push({ type, pool, amounts, at: record.at });
  }
  return out;
}

/** The efterregulering concerns the beskæftigelsestilskud; anything else goes on the first pool. */
export function defaultSensitivityPool(type: MovementType, pools: readonly string[]): string | undefined {
  if (type === "Efterregulering") return poolOfKind(pools, "beskaeftigelsestilskud") ?? pools[0];
  return pools[0];
}

export interface SensitivityRow extends ScenarioResult {
  amount: Amount;
  /** The amount at which the deficit equals the budgetværn exactly. */
  breakEven: boolean;
}

/**
 * One regulation's amounts, each as the whole regulation (replacing the ledger's movements of the type)
 * on the spec's pool; the amount that uses up the budgetværn exactly is added in its sorted place.
 */
export function sensitivityRows(
  ledger: Ledger,
  spec: SensitivitySpec,
  thresholds: PoolOutcomeThresholds,
): SensitivityRow[] {
  const breakEven = amountUsingUpBudgetvaern(ledger, spec.type, spec.pool, thresholds.budgetvaern);
  const amounts = [...new Set([...spec.amounts, breakEven])].sort((a, b) => a - b);
  return sensitivity(ledger, spec.type, spec.pool, amounts, thresholds).map((r, i) => ({
    ...r,
    amount: amounts[i]!,
    breakEven: amounts[i] === breakEven,
  }));
}

export interface SensitivityGrid {
  rows: SensitivitySpec;
  columns: SensitivitySpec;
  /** results[i][j]: the pool result (I alt) with rows.amounts[i] and columns.amounts[j]. */
  results: ScenarioResult[][];
}

/** Two regulations at once: the pool result for every pair of amounts. */
export function sensitivityGrid(
  ledger: Ledger,
  rows: SensitivitySpec,
  columns: SensitivitySpec,
  thresholds: PoolOutcomeThresholds,
): SensitivityGrid {
  const results = rows.amounts.map((rowAmount) => {
    const withRow = applyScenario(ledger, {
      name: "",
      type: rows.type,
      amounts: onePoolVaried(ledger, rows.type, rows.pool, rowAmount),
    });
    return sensitivity(withRow, columns.type, columns.pool, columns.amounts, thresholds);
  });
  return { rows, columns, results };
}
