import { Flag, FLAGS } from "../../domain";
import { RunDiagnostics } from "../codes";
import { FUNCTION_NAMESPACES } from "../../deploy/stages";
import { a1, columnLetters, parseRange } from "../../workbook/address";
import { emptyPlan, SheetSnapshot, WorkbookSnapshot, WritePlan, WriteValue } from "../../workbook/port";
import { FLAG_FILLS, FLAG_FONTS, NUMBER_FORMATS, OutputColumn, OutputKind, tableLabel } from "../contract";
import { cellValue, LocatedTable } from "../locate";
import { appMessages } from "../messages";
import { rowHeightFor } from "../../workbook/textWidth";
import { outputColumnLayout, shownText } from "./printFit";

export type RowValues = Map<number, Partial<Record<string, WriteValue>>>;

/** A row of a generated sheet; flags colour the cells at flagAt (and fillAlso), or per cell. */
export interface SheetRow {
  values: WriteValue[];
  bold?: boolean;
  numberFormat?: string;
  flag?: Flag;
  flagAt?: number;
  fillAlso?: number[];
  cellFlags?: (Flag | undefined)[];
}

/**
 * A formula that is one PULJE.* function call (as the template writes them), e.g. "=PULJE.OEKONOMI(…)",
 * or the same as Excel saves a JavaScript custom function in the file: "=_xldudf_PULJE_OEKONOMI(…)".
 */
export function isPuljeFormula(formula: string): boolean {
  return OWN_FORMULA.test(formula);
}

/** Any stage's namespace (PULJE, PULJETEST, PULJEDEV), as typed or as Excel saves it (_xldudf_PULJE_…). */
const OWN_FORMULA = new RegExp(
  `^=\\s*(${FUNCTION_NAMESPACES.map((n) => `${n}\\.|_xldudf_${n}_`).join("|")})[A-Z]+\\(`,
  "i",
);

/**
 * The plan being built and the ownership policy every write goes through: the tool writes only its own
 * output columns, computed ledger lines and generated sheets, and only over cells holding what it writes.
 */
export class PlanBuilder {
  readonly plan: WritePlan = emptyPlan();
  private readonly protectedReported = new Set<string>();
  private structureReported = false;

  constructor(
    private readonly snapshot: WorkbookSnapshot,
    private readonly diagnostics: RunDiagnostics,
  ) {}

  /** The table's output columns: existing ones are reused, missing ones appended to the right. */
  outputColumns(table: LocatedTable, values: RowValues, extra: readonly OutputColumn[] = []): void {
    let next = table.right;
    const added: string[] = [];
    let headerLines = 1;
    for (const output of [...table.contract.outputs, ...extra]) {
      // An output no row has a value for (e.g. a change without a previous figure) gets no column.
      if (![...values.values()].some((record) => output.key in record)) continue;
      const column = new Map<number, WriteValue>();
      for (const [row, record] of values) if (output.key in record) column.set(row, record[output.key]!);
      let col = table.outputs.get(output.key);
      if (col === undefined) {
        col = ++next;
        if (!this.newColumnIsFree(table, col, output.header)) continue;
        added.push(output.header);
        // As wide as its widest figure (or its header's longest word); the header wraps above it.
        const format = output.kind === "ratio" ? NUMBER_FORMATS.ratio : NUMBER_FORMATS.amount;
        const { width, lines } = outputColumnLayout(
          output.header,
          [...column.values()].map((v) => shownText(v, format)),
        );
        headerLines = Math.max(headerLines, lines);
        this.plan.blocks.push({
          sheet: table.sheet.name,
          row: table.headerRow,
          col,
          values: [[output.header]],
          bold: true,
          wrap: true,
        });
        this.plan.columnWidths.push({ sheet: table.sheet.name, col, width });
      }
      this.column(table.sheet, col, output.kind, column, table);
    }
    if (headerLines > 1)
      (this.plan.rowHeights ??= []).push({
        sheet: table.sheet.name,
        row: table.headerRow,
        height: rowHeightFor(headerLines),
      });
    if (added.length > 0 && table.listObject) {
      this.plan.tableResizes.push({
        table: table.listObject.name,
        sheet: table.sheet.name,
        addColumns: added,
      });
    }
  }

  private newColumnIsFree(table: LocatedTable, col: number, header: string): boolean {
    const bottom = table.listObject ? table.listObject.bottom : table.lastDataRow;
    for (let row = table.headerRow; row <= bottom; row++) {
      if (this.merged(table.sheet, row, col)) return false;
      const value = cellValue(table.sheet, row, col);
      if (value !== null && value !== undefined && value !== "") {
        this.diagnostics.error(
          "NOT_OWNED",
          appMessages.columnBlocked(tableLabel(table.contract), header, a1(row, col)),
          {
            sheet: table.sheet.name,
            cell: a1(row, col),
          },
        );
        return false;
      }
    }
    return true;
  }

  /** Writes one column's values in contiguous runs, with the kind's format, fills and rule. */
  column(
    sheet: SheetSnapshot,
    col: number,
    kind: OutputKind,
    values: Map<number, WriteValue>,
    table?: LocatedTable,
  ): void {
    if (values.size === 0 || !this.writable(sheet)) return;
    // A live PULJE.* formula in an output cell computes the same rule in Excel: keep it, write nothing.
    const rows = [...values.keys()]
      .sort((a, b) => a - b)
      .filter((row) => this.checkOwned(sheet, row, col, kind));
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1]! + 1) continue;
      const run = rows.slice(start, i);
      const cells = run.map((row) => values.get(row)!);
      // Top-aligned (wrapping sets it), as the template's tables whose texts wrap: a figure stands on
      // its row's first line.
      this.plan.blocks.push({
        sheet: sheet.name,
        row: run[0]!,
        col,
        values: cells.map((v) => [v]),
        wrap: true,
        ...(kind === "flag"
          ? flagColours(cells)
          : { numberFormat: kind === "ratio" ? NUMBER_FORMATS.ratio : NUMBER_FORMATS.amount }),
      });
      start = i;
    }
    if (kind === "flag" && table) {
      const range = `${columnLetters(col)}${table.firstDataRow}:${columnLetters(col)}${Math.max(table.firstDataRow, table.lastDataRow)}`;
      this.plan.conditionalFills.push({ sheet: sheet.name, range, rules: flagRules() });
    }
  }

  private writable(sheet: SheetSnapshot): boolean {
    if (!sheet.protected) return true;
    if (!this.protectedReported.has(sheet.name)) {
      this.protectedReported.add(sheet.name);
      this.diagnostics.error("PROTECTED_SHEET", appMessages.protectedSheet(sheet.name), {
        sheet: sheet.name,
      });
    }
    return false;
  }

  private readonly mergesReported = new Set<string>();
  /** Each sheet's merged areas with their bounds, parsed once (checked for every cell written). */
  private readonly mergeBounds = new Map<string, { range: string; b: ReturnType<typeof parseRange> }[]>();

  /**
   * A cell the tool must write lies in merged cells of the user's: Excel writes only the merge's first
   * cell and hides the rest, so the run stops (an error, once per merge) rather than write under it.
   */
  private merged(sheet: SheetSnapshot, row: number, col: number): boolean {
    let bounds = this.mergeBounds.get(sheet.name);
    if (!bounds) {
      bounds = sheet.merges.map((range) => ({ range, b: parseRange(range) }));
      this.mergeBounds.set(sheet.name, bounds);
    }
    const merge = bounds.find(
      ({ b }) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right,
    )?.range;
    if (!merge) return false;
    if (!this.mergesReported.has(`${sheet.name}!${merge}`)) {
      this.mergesReported.add(`${sheet.name}!${merge}`);
      this.diagnostics.error("MERGED_OUTPUT", appMessages.mergedOutput(merge, a1(row, col)), {
        sheet: sheet.name,
        cell: a1(row, col),
      });
    }
    return true;
  }

  /** True when the tool may write the cell; false for a live PULJE formula (kept) or a refused cell. */
  private checkOwned(sheet: SheetSnapshot, row: number, col: number, kind: OutputKind): boolean {
    if (this.merged(sheet, row, col)) return false;
    const address = a1(row, col);
    const value = cellValue(sheet, row, col);
    const formula = sheet.formulaCells.get(address);
    let what: string;
    if (formula !== undefined) {
      if (isPuljeFormula(formula)) return false;
      what = "en formel";
    } else if (value === null || value === undefined || value === "") return true;
    else if (
      kind === "flag"
        ? typeof value === "string" && (FLAGS as readonly string[]).includes(value)
        : typeof value === "number"
    )
      return true;
    else what = typeof value === "string" ? `teksten "${value}"` : "en værdi";
    this.diagnostics.error("NOT_OWNED", appMessages.notOwned(address, what), {
      sheet: sheet.name,
      cell: address,
    });
    return false;
  }

  /** Decides whether a generated sheet may be (re)written: absent, or recognisably ours. */
  generatedSheet(name: string, isOurs: (sheet: SheetSnapshot) => boolean): boolean {
    // The tool's own sheet by its exact name (Excel compares sheet names case-insensitively), never by
    // similarity: "Resultat (2)", Excel's name for a copy of the sheet, is the user's.
    const existing = this.snapshot.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (existing && !isOurs(existing)) {
      this.diagnostics.error("SHEET_NOT_OWNED", appMessages.sheetNotOwned(existing.name), {
        sheet: existing.name,
        cell: "A1",
      });
      return false;
    }
    if (existing && !this.writable(existing)) return false;
    if (!existing && this.snapshot.structureProtected) {
      // Excel refuses a new sheet in a workbook whose structure is protected: refused here, up front.
      if (!this.structureReported) {
        this.structureReported = true;
        this.diagnostics.error("STRUCTURE_PROTECTED", appMessages.structureProtected(name), { sheet: name });
      }
      return false;
    }
    this.plan.sheets.push({ name: existing?.name ?? name, replace: existing !== undefined });
    return true;
  }

  /** Writes a generated sheet's rows, one block per row, with flag fills where asked. */
  writeRows(sheet: string, rows: SheetRow[]): void {
    rows.forEach((row, index) => {
      if (row.values.length === 0) return;
      let flags: (Flag | undefined)[] | undefined = row.cellFlags;
      if (!flags && row.flag && row.flagAt !== undefined) {
        flags = row.values.map((_, i) =>
          i === row.flagAt || row.fillAlso?.includes(i) ? row.flag : undefined,
        );
      }
      const coloured = flags?.some((f) => f !== undefined && f !== "–");
      this.plan.blocks.push({
        sheet,
        row: index + 1,
        col: 1,
        values: [row.values],
        numberFormat: row.numberFormat ?? NUMBER_FORMATS.amount,
        ...(row.bold ? { bold: true } : {}),
        ...(coloured
          ? {
              fills: [flags!.map((f) => (f && f !== "–" ? FLAG_FILLS[f] : undefined))],
              fontColors: [flags!.map((f) => (f && f !== "–" ? FLAG_FONTS[f] : undefined))],
            }
          : {}),
      });
    });
  }
}

function flagColours(cells: WriteValue[]) {
  const known = (v: WriteValue): v is keyof typeof FLAG_FILLS => typeof v === "string" && v in FLAG_FILLS;
  return {
    fills: cells.map((v) => [known(v) ? FLAG_FILLS[v] : undefined]),
    fontColors: cells.map((v) => [known(v) ? FLAG_FONTS[v] : undefined]),
  };
}

function flagRules() {
  return FLAGS.filter((flag): flag is keyof typeof FLAG_FILLS => flag in FLAG_FILLS).map((flag) => ({
    equals: flag,
    fill: FLAG_FILLS[flag],
    font: FLAG_FONTS[flag],
  }));
}
