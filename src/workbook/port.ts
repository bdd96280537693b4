import type { RawValue } from "../domain";

/**
 * The one small port between the contract code and a workbook . Reading is one
 * snapshot; writing is one plan applied at once. Both implementations (an .xlsx file, Office.js) do the
 * whole read in a fixed number of round trips and the whole write in another, whatever the row count.
 */
export interface WorkbookPort {
  /** Reads the sheets the request names (and every sheet holding an Excel table) in full. */
  snapshot(request: SnapshotRequest): Promise<WorkbookSnapshot>;
  /** Only the names of the sheets and tables (one round trip): what adding new sheets needs to know. */
  names(): Promise<WorkbookNames>;
  /**
   * Writes the plan all or nothing (the cells, sheets, columns and formats), then what may fail on its
   * own without undoing the data: native charts. What was not done is returned, never thrown.
   */
  apply(plan: WritePlan): Promise<ApplyReport>;
}

/**
 * Which sheets a snapshot reads in full: those whose name (compared as names are, case- and
 * accent-insensitively) is in `names`, and every sheet holding an Excel table. The application says
 * which; an adapter knows nothing of the contract.
 */
export interface SnapshotRequest {
  names: readonly string[];
}

export interface WorkbookNames {
  sheetNames: string[];
  tableNames: string[];
  /** The workbook's structure is protected: no sheet can be added. */
  structureProtected?: boolean;
}

/** Something the write left out or did differently, told to the user as a warning; the data is written. A note without a sheet has sheet "". */
export interface ApplyNote {
  code: "CHART_SKIPPED" | "CHART_FALLBACK" | "PART_LOST";
  sheet: string;
  message: string;
}

export interface ApplyReport {
  notes: ApplyNote[];
}

/** A sheet's used range from A1: values[r][c] is row r+1, column c+1. Formula cells hold their value. */
export interface SheetSnapshot {
  name: string;
  values: RawValue[][];
  /** Cells holding a formula: address ("D7") → the formula in en-US syntax ("=PULJE.AFVIGELSE(…)"). */
  formulaCells: ReadonlyMap<string, string>;
  /** 1-based rows that are hidden or filtered out. */
  hiddenRows: ReadonlySet<number>;
  /** Merged areas as "A1:B2". */
  merges: readonly string[];
  /** True when the merged areas could not be read (Excel: more than 512 on the sheet, or no ExcelApi 1.13). */
  mergesUnread?: boolean;
  protected: boolean;
}

/** A ListObject: its name, sheet and 1-based bounds including the header row. */
export interface TableSnapshot {
  name: string;
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  hasTotalsRow: boolean;
}

export interface WorkbookSnapshot {
  /** Every sheet's name, in the workbook's order (read or not). */
  sheetNames: string[];
  sheets: SheetSnapshot[];
  tables: TableSnapshot[];
  /** The workbook's structure is protected (Gennemse → Beskyt projektmappe): no sheet can be added. */
  structureProtected?: boolean;
}

export type WriteValue = string | number | null;

/** A colour as ARGB ("FFC6EFCE"). */
export type Argb = string;

/** A rectangular block of values from (row, col), 1-based, with optional per-cell fills and one format. */
export interface BlockWrite {
  sheet: string;
  row: number;
  col: number;
  values: WriteValue[][];
  numberFormat?: string;
  fills?: (Argb | undefined)[][];
  fontColors?: (Argb | undefined)[][];
  bold?: boolean;
  /** Wrap the text in the cells (long sentences in a column of fixed width). */
  wrap?: boolean;
  /**
   * Each cell of the block (one column wide) merged with the cells to its right, `span` columns in all:
   * a sentence over several grid columns. Only on a sheet the plan adds or rewrites (generated sheets).
   */
  span?: number;
  /**
   * A hyperlink per cell to a place in the workbook ("Spor!A7", "'Opfølgning'!E5:E16"), or undefined:
   * the trace from a figure to its inputs. Only on a sheet the plan adds or rewrites (generated sheets);
   * the cell keeps its value and look (a number stays a number).
   */
  links?: (string | undefined)[][];
}

/** A conditional format rule on a range: cell equals the text ⇒ fill (and font colour). */
/** The formulas of the tool's own flag rules (cell equals the word), as a file stores them. */
export const OWN_RULE_FORMULAS: ReadonlySet<string> = new Set(['"GRØN"', '"GUL"', '"RØD"']);

export interface ConditionalFill {
  sheet: string;
  range: string;
  rules: { equals: string; fill: Argb; font: Argb }[];
}

export interface TableResize {
  table: string;
  sheet: string;
  /** Headers of the columns appended to the right of the table, in order. */
  addColumns: string[];
}

/** A native chart over a block the plan writes; replaced, never duplicated, on re-run. */
export interface ChartWrite {
  /** The sheet the chart is placed on. */
  sheet: string;
  name: string;
  title: string;
  /** A waterfall of movements (a native Waterfall with ExcelApi 1.9), or clustered columns. */
  kind: "waterfall" | "column";
  /** The data, with its header row, as "Sheet!A1:B9". */
  source: { sheet: string; range: string };
  /** Top-left and bottom-right cells of the chart's place. */
  from: string;
  to: string;
}

/** A drop-down list on a column's data cells: refuse other values (strict) or only warn. */
export interface ColumnList {
  values: readonly string[];
  strict: boolean;
}

/**
 * A new Excel table (ListObject) on a sheet the same plan adds: its header row at (top, left), its data
 * rows below (at least one row, blank when there are none). Strings starting with "=" in `rows` are
 * formulas in en-US syntax (calculated columns may use "[@[Column]]"); other strings arrive as text.
 */
export interface TableCreate {
  sheet: string;
  name: string;
  top: number;
  left: number;
  headers: string[];
  rows: WriteValue[][];
  /** One number format per data cell (rows × headers), set before the values. */
  numberFormats: string[][];
  /** A drop-down list per column, or undefined; written where the host supports it (ExcelApi 1.8). */
  lists?: (ColumnList | undefined)[];
  /** Drop-down lists on single data cells (0-based data row and column), e.g. one parameter's value. */
  cellLists?: { row: number; col: number; list: ColumnList }[];
  /** Columns (0-based) whose header and data cells wrap, top-aligned: long texts within the printed page. */
  wrapColumns?: number[];
}

/**
 * How a sheet the tool owns is seen and printed: A4 landscape, one page wide (app/plan/printFit.ts fits
 * it), date, sheet and page in the footer.
 */
export interface SheetLayout {
  sheet: string;
  /** Rows at the top kept in view when scrolling (frozen) and printed at the top of every page. */
  headerRows: number;
  /**
   * A title for the page header, only where the sheet's first row is not its title (its row 1 holds
   * headers): a title in row 1 is a print title, printed once at the top of every page.
   */
  printTitle?: string;
  /** Rows that start a new printed page (manual page breaks above them). */
  pageBreaks?: number[];
  /** The printed range ("A1:J80"); the used range when absent. */
  printArea?: string;
  /**
   * Tables that each begin a printed page (the Sag sheet): rows `first`…`last`, of which the first
   * `repeat` (title and column headers) are repeated where a table continues on the next page.
   */
  tables?: { first: number; last: number; repeat: number }[];
}

export interface WritePlan {
  /** Sheets to create (or, if they exist and are ours, to clear first). */
  sheets: { name: string; replace: boolean }[];
  /** Excel tables to create, only on sheets this plan adds (so a failed write is undone by deleting them). */
  tables?: TableCreate[];
  tableResizes: TableResize[];
  blocks: BlockWrite[];
  conditionalFills: ConditionalFill[];
  columnWidths: { sheet: string; col: number; width: number }[];
  /** Heights in points of rows whose wrapped text needs more than one line. */
  rowHeights?: { sheet: string; row: number; height: number }[];
  /** Native charts; only the Office.js implementation can create them (ExcelJS cannot write charts). */
  charts: ChartWrite[];
  /** Frozen header rows and print settings of the sheets the plan adds or rewrites. */
  layouts?: SheetLayout[];
}

export function emptyPlan(): WritePlan {
  return { sheets: [], tableResizes: [], blocks: [], conditionalFills: [], columnWidths: [], charts: [] };
}
