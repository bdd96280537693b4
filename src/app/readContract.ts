import {
  IndicatorChoice,
  readIndicatorChoices,
  BudgetModelRow,
  cellText,
  defaultParameters,
  isBlank,
  isComputedType,
  parseMovementType,
  RawCell,
  Diagnostics,
  FollowUpRow,
  GrantEstimateInputs,
  InvestmentProject,
  Prognosis,
  readGrantInputs,
  readPrognoses,
  readSensitivitySpecs,
  SensitivitySpec,
  Ledger,
  normalizeName,
  Parameters,
  parseUnit,
  RawLedgerRecord,
  RawRecord,
  readBudgetModelRows,
  readFollowUpRows,
  readInvestments,
  readLedger,
  readParameters,
  readYearEndLines,
  trailingParenthesis,
  Unit,
  YearEndLine,
  YearArt,
  YearColumn,
  YearRow,
  readNumber,
} from "../domain";
import { RunCode, RunDiagnostics } from "./codes";
import { a1, parseA1, parseRange } from "../workbook/address";
import { CONTRACT, contractFor, TableContract, tableLabel } from "./contract";
import { cellValue, LocatedTable, LocateContext, locateTable } from "./locate";
import { appMessages } from "./messages";
import { WorkbookSnapshot } from "../workbook/port";

export interface TableInput<T> {
  table: LocatedTable;
  rows: T[];
}

export interface LedgerInput {
  table: LocatedTable;
  ledger: Ledger;
  poolColumns: number[];
}

/** Everything the contract reads from a workbook, with where each table is. */
/** The follow-up's year columns (R11): every column in the table's order, each row's amounts in them. */
export interface FollowUpYears {
  columns: (YearColumn & { col: number })[];
  rows: YearRow[];
}

export interface ContractInputs {
  parameters: Parameters;
  tables: Map<TableContract["key"], LocatedTable>;
  followUp?: TableInput<FollowUpRow> & { years?: FollowUpYears };
  ledger?: LedgerInput;
  budgetModel?: TableInput<BudgetModelRow>;
  yearEnd?: TableInput<YearEndLine>;
  investments?: TableInput<InvestmentProject>;
  prognoses?: TableInput<Prognosis> & { poolColumns: number[]; pools: string[] };
  sensitivity?: TableInput<SensitivitySpec>;
  grantInputs?: { table: LocatedTable; inputs: GrantEstimateInputs };
  indicators?: TableInput<IndicatorChoice>;
}

/** The sheet row a domain row came from. */
export function rowOf(at: { cell?: string } | undefined): number {
  return parseA1(at!.cell!).row;
}

function records(table: LocatedTable, extra?: (row: number) => Partial<RawLedgerRecord>): RawRecord[] {
  const out: RawRecord[] = [];
  for (let row = table.firstDataRow; row <= table.lastDataRow; row++) {
    const cells: RawRecord["cells"] = {};
    for (const [field, col] of table.columns) {
      cells[field] = {
        value: cellValue(table.sheet, row, col),
        at: { sheet: table.sheet.name, cell: a1(row, col) },
      };
    }
    out.push({
      cells,
      at: { sheet: table.sheet.name, cell: a1(row, table.left) },
      ...(extra ? extra(row) : {}),
    });
  }
  return out;
}

/** Reads every contract table present in the snapshot. Absent tables are simply absent. */
export function readContract(snapshot: WorkbookSnapshot, diagnostics: RunDiagnostics): ContractInputs {
  const tables = new Map<TableContract["key"], LocatedTable>();
  const notFound: { contract: TableContract; items: RunDiagnostics["items"] }[] = [];
  const locate = (contract: TableContract, context: LocateContext) => {
    const local = new Diagnostics<RunCode>();
    const located = locateTable(snapshot, contract, local, context);
    if (!located) {
      if (local.items.length > 0) notFound.push({ contract, items: local.items });
      return;
    }
    diagnostics.items.push(...local.items);
    tables.set(contract.key, located);
    reportHiddenRows(located, diagnostics);
    reportMerges(located, diagnostics);
  };
  // The parameters first: the Budgetår says which year-labelled follow-up columns are the plain ones.
  locate(contractFor("parameters"), {});
  const parametersTable = tables.get("parameters");
  const parameters = parametersTable
    ? readParameters(
        records(parametersTable).map((r) => ({
          name: r.cells["name"] ?? { value: undefined, at: r.at },
          value: r.cells["value"] ?? { value: undefined, at: r.at },
        })),
        diagnostics,
      )
    : defaultParameters();
  for (const contract of CONTRACT)
    if (contract.key !== "parameters") locate(contract, { budgetYear: parameters.budgetYear });
  // A sheet that can hold several blocks (Reguleringer: Prognoser, Foelsomhed, Tilskudsberegning) is valid
  // with any one of them: a block that is not there is optional. Only a sheet where none was found says
  // what is missing.
  for (const { contract, items } of notFound) {
    const sibling = CONTRACT.some(
      (other) => other !== contract && other.sheetName === contract.sheetName && tables.has(other.key),
    );
    if (!sibling) diagnostics.items.push(...items);
  }
  const inputs: ContractInputs = { parameters, tables };
  for (const [key, table] of tables) {
    if (key === "parameters") continue;
    checkUnits(table, key === "investments" ? "kr." : parameters.unit, diagnostics);
    if (table.lastDataRow < table.firstDataRow) {
      diagnostics.warning("EMPTY_TABLE", appMessages.emptyTable(tableLabel(table.contract)), {
        sheet: table.sheet.name,
        cell: a1(table.headerRow, table.left),
      });
    }
  }
  const followUp = tables.get("followUp");
  if (followUp) {
    // R0.5: a row without budget and forecast is not a line of this year; with year columns, whether it
    // is a line of another year is decided there.
    const onBlank = followUp.yearColumns
      ? undefined
      : (område: string, at: { sheet?: string; cell?: string } | undefined) =>
          diagnostics.info("BLANK_LINE", appMessages.noBudgetNoForecast(område), at ?? {});
    inputs.followUp = { table: followUp, rows: readFollowUpRows(records(followUp), diagnostics, onBlank) };
    const years = readFollowUpYears(followUp, parameters.budgetYear, diagnostics);
    if (years) inputs.followUp.years = years;
    reportFlagsWithoutColumns(followUp, diagnostics);
  }
  const ledger = tables.get("ledger");
  if (ledger) inputs.ledger = readLedgerTable(ledger, diagnostics);
  const indicators = tables.get("indicators");
  if (indicators)
    inputs.indicators = {
      table: indicators,
      rows: readIndicatorChoices(records(indicators), diagnostics),
    };
  const budgetModel = tables.get("budgetModel");
  if (budgetModel)
    inputs.budgetModel = { table: budgetModel, rows: readBudgetModelRows(records(budgetModel), diagnostics) };
  const yearEnd = tables.get("yearEnd");
  if (yearEnd) inputs.yearEnd = { table: yearEnd, rows: readYearEndLines(records(yearEnd), diagnostics) };
  const investments = tables.get("investments");
  if (investments)
    inputs.investments = { table: investments, rows: readInvestments(records(investments), diagnostics) };
  readRegulations(inputs, diagnostics);
  return inputs;
}

/** The plain amount columns of the follow-up, as year columns of the Budgetår. */
const PLAIN_YEAR_ARTS: [string, YearArt][] = [
  ["vedtaget", "Vedtaget budget"],
  ["korrigeret", "Korrigeret budget"],
  ["forventet", "Forventet regnskab"],
];

/**
 * R11/R0.5: the follow-up's amounts per year column, when the table has year-labelled columns. The
 * Budgetår's plain columns are among them (their cells' errors were reported when the rows were read).
 * A row blank in every amount column is a line not in the table's years: skipped, with an info.
 */
function readFollowUpYears(
  table: LocatedTable,
  budgetYear: number | undefined,
  diagnostics: RunDiagnostics,
): FollowUpYears | undefined {
  if (!table.yearColumns) return undefined;
  const plainCols = new Set<number>();
  const columns: FollowUpYears["columns"] = [];
  for (const h of table.headers) {
    const plain = PLAIN_YEAR_ARTS.find(([field]) => table.columns.get(field) === h.col);
    if (plain) {
      plainCols.add(h.col);
      if (budgetYear !== undefined)
        columns.push({ col: h.col, header: h.text, label: { art: plain[1], år: budgetYear } });
      continue;
    }
    const y = table.yearColumns.find((c) => c.col === h.col);
    if (y) columns.push({ col: h.col, header: h.text, label: y.label });
  }
  const silent = new Diagnostics<RunCode>();
  const rows: YearRow[] = [];
  // The same rows as the follow-up's (records, comments skipped), with their cells in every year column.
  for (const record of records(table)) {
    const område = cellText(record.cells["område"]);
    if (område === undefined || område.startsWith("#")) continue;
    const pulje = cellText(record.cells["pulje"]) ?? "";
    const { at } = record;
    const row = rowOf(at);
    const amounts = columns.map((c) =>
      readNumber(
        { value: cellValue(table.sheet, row, c.col), at: { sheet: table.sheet.name, cell: a1(row, c.col) } },
        { field: c.header, required: false },
        plainCols.has(c.col) ? silent : diagnostics,
      ),
    );
    if (
      amounts.every((a) => a === undefined) &&
      [...plainCols].every((col) => isBlank(cellValue(table.sheet, row, col)))
    ) {
      diagnostics.info("BLANK_LINE", appMessages.blankLine(område), at);
      continue;
    }
    rows.push({ område, pulje, amounts, at });
  }
  return { columns, rows };
}

/** The Reguleringer sheet's three blocks. Prognoses and ranges are amounts on the ledger's pools. */
function readRegulations(inputs: ContractInputs, diagnostics: RunDiagnostics): void {
  const { tables } = inputs;
  const ledgerPools = inputs.ledger?.ledger.pools;
  const prognoses = tables.get("prognoses");
  if (prognoses) {
    const { poolColumns, pools, raw } = withPoolCells(prognoses);
    pools.forEach((pool, i) => {
      if (ledgerPools && !matchesPool(pool, ledgerPools))
        diagnostics.error(
          "UNKNOWN_POOL",
          appMessages.prognosisPoolColumn(pool, tableLabel(prognoses.contract), ledgerPools),
          { sheet: prognoses.sheet.name, cell: a1(prognoses.headerRow, poolColumns[i]!) },
        );
    });
    if (pools.length === 0)
      diagnostics.error("NO_POOL_COLUMNS", appMessages.noPoolColumns(tableLabel(prognoses.contract)), {
        sheet: prognoses.sheet.name,
        cell: a1(prognoses.headerRow, prognoses.right),
      });
    // Amounts are keyed by the ledger's spelling of each pool, so scenarios replace its movements.
    const keyed = pools.map(
      (pool) => ledgerPools?.find((p) => normalizeName(p) === normalizeName(pool)) ?? pool,
    );
    inputs.prognoses = {
      table: prognoses,
      rows: readPrognoses(keyed, raw, diagnostics),
      poolColumns,
      pools: keyed,
    };
  }
  const sensitivity = tables.get("sensitivity");
  if (sensitivity) {
    if (ledgerPools) {
      inputs.sensitivity = {
        table: sensitivity,
        rows: readSensitivitySpecs(ledgerPools, records(sensitivity), diagnostics),
      };
    } else {
      diagnostics.warning("NO_SOURCE", appMessages.needsLedger(tableLabel(sensitivity.contract)), {
        sheet: sensitivity.sheet.name,
        cell: a1(sensitivity.headerRow, sensitivity.left),
      });
    }
  }
  const grant = tables.get("grantInputs");
  if (grant) {
    const rows = records(grant).map((r) => ({
      label: r.cells["label"] ?? { value: undefined, at: r.at },
      value: r.cells["value"] ?? { value: undefined, at: r.at },
    }));
    inputs.grantInputs = { table: grant, inputs: readGrantInputs(rows, diagnostics) };
  }
}

/**
 * The ledger's pool columns are the named columns to the right of Post, Type, Status and Kilde, up to
 * the I alt column (or the end of the table); columns after I alt are the user's and left alone.
 */
export function poolColumnsOf(table: LocatedTable): number[] {
  const fixed = Math.max(...table.columns.values());
  const total = table.outputs.get("total") ?? Infinity;
  const outputs = new Set(table.outputs.values());
  return table.headers.filter((h) => h.col > fixed && h.col < total && !outputs.has(h.col)).map((h) => h.col);
}

/** A table with pool columns (the ledger, Prognoser): the columns, the pools' names, and each row with its pool cells. */
function withPoolCells(table: LocatedTable): {
  poolColumns: number[];
  pools: string[];
  raw: (RawRecord & { poolCells: RawCell[] })[];
} {
  const poolColumns = poolColumnsOf(table);
  const pools = poolColumns.map((col) => poolName(table.headers.find((h) => h.col === col)!.text));
  const raw = records(table, (row) => ({
    poolCells: poolColumns.map((col) => ({
      value: cellValue(table.sheet, row, col),
      at: { sheet: table.sheet.name, cell: a1(row, col) },
    })),
  })) as (RawRecord & { poolCells: RawCell[] })[];
  return { poolColumns, pools, raw };
}

/** A pool's name is its header without a trailing unit. */
export function poolName(header: string): string {
  return header.replace(/\s*\([^()]*\)\s*$/, "").trim();
}

function readLedgerTable(table: LocatedTable, diagnostics: RunDiagnostics): LedgerInput | undefined {
  const { poolColumns, pools, raw } = withPoolCells(table);
  if (poolColumns.length === 0) {
    diagnostics.error("NO_POOL_COLUMNS", appMessages.noPoolColumns(tableLabel(table.contract)), {
      sheet: table.sheet.name,
      cell: a1(table.headerRow, table.right),
    });
    return undefined;
  }
  const ledger = readLedger(pools, raw, diagnostics);
  // A pool column with no amount on any movement is read as 0, but is more likely a mistake: say so.
  const movements = raw.filter((r) => {
    const text = cellText(r.cells["type"]);
    const type = text === undefined ? undefined : parseMovementType(text);
    return text !== undefined && !(type !== undefined && isComputedType(type));
  });
  poolColumns.forEach((col, i) => {
    if (movements.length > 0 && movements.every((r) => isBlank(r.poolCells[i]?.value)))
      diagnostics.warning("EMPTY_POOL", appMessages.emptyPool(pools[i]!), {
        sheet: table.sheet.name,
        cell: a1(table.headerRow, col),
      });
  });
  return { table, ledger, poolColumns };
}

/** A header's trailing unit must be the table's unit: amounts are never converted silently. */
function checkUnits(table: LocatedTable, unit: Unit, diagnostics: RunDiagnostics): void {
  for (const header of table.headers) {
    const stated = trailingParenthesis(header.text);
    const headerUnit = stated === undefined ? undefined : parseUnit(stated);
    if (headerUnit === undefined || headerUnit === unit) continue;
    diagnostics.error("UNIT_MISMATCH", appMessages.unitMismatch(header.text, headerUnit, unit), {
      sheet: table.sheet.name,
      cell: a1(table.headerRow, header.col),
    });
  }
}

function reportHiddenRows(table: LocatedTable, diagnostics: RunDiagnostics): void {
  const hidden: number[] = [];
  for (let row = table.firstDataRow; row <= table.lastDataRow; row++)
    if (table.sheet.hiddenRows.has(row)) hidden.push(row);
  if (hidden.length === 0) return;
  const first = a1(hidden[0]!, table.left);
  diagnostics.warning(
    "HIDDEN_ROWS",
    appMessages.hiddenRows(tableLabel(table.contract), hidden.length, first),
    {
      sheet: table.sheet.name,
      cell: first,
    },
  );
}

/**
 * Merged cells inside a table: only the top-left cell of a merged area holds a value, the others read as
 * blank (a row whose first cell is such a blank is skipped). Said once per area, at its top-left cell.
 */
function reportMerges(table: LocatedTable, diagnostics: RunDiagnostics): void {
  const bottom = Math.max(table.headerRow, table.lastDataRow);
  if (table.sheet.mergesUnread) {
    diagnostics.warning("MERGED_CELLS", appMessages.mergesUnread(tableLabel(table.contract)), {
      sheet: table.sheet.name,
      cell: a1(table.headerRow, table.left),
    });
    return;
  }
  for (const merge of table.sheet.merges) {
    const m = parseRange(merge);
    if (m.top > bottom || m.bottom < table.headerRow || m.left > table.right || m.right < table.left)
      continue;
    diagnostics.warning("MERGED_CELLS", appMessages.mergedCells(tableLabel(table.contract), merge), {
      sheet: table.sheet.name,
      cell: a1(m.top, m.left),
    });
  }
}

/** True when a name matches one of the ledger's pools (names compared normalised). */
export function matchesPool(name: string, pools: readonly string[]): boolean {
  return pools.some((p) => normalizeName(p) === normalizeName(name));
}

/** The flags whose two input columns a follow-up table must have, and the columns they look for. */
const FLAG_COLUMNS: { flag: string; fields: [string, string] }[] = [
  { flag: "Mængder", fields: ["budgetPersoner", "forventedePersoner"] },
  { flag: "Refusion", fields: ["budgetRefusion", "forventetRefusion"] },
];

/**
 * A flag that cannot be computed for any row because its columns are absent is said once for the
 * table, naming the columns it looked for (R2.2) — not a silent "–" on every row.
 */
function reportFlagsWithoutColumns(table: LocatedTable, diagnostics: RunDiagnostics): void {
  for (const { flag, fields } of FLAG_COLUMNS) {
    const missing = fields
      .filter((field) => !table.columns.has(field))
      .map((field) => table.contract.columns.find((c) => c.field === field)!)
      .map((spec) => [spec.header, ...(spec.aliases ?? [])]);
    if (missing.length === 0) continue;
    diagnostics.info(
      "FLAG_NOT_COMPUTED",
      appMessages.flagNotComputed(flag, tableLabel(table.contract), missing),
      {
        sheet: table.sheet.name,
        cell: a1(table.headerRow, table.left),
      },
    );
  }
}
