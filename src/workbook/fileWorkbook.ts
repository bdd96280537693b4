import ExcelJS from "exceljs";
import JSZip from "jszip";
import { normalizeName, RawValue } from "../domain";
import { a1, parseRange } from "./address";
import { findLostParts, LostPart, tablesWithDefaultHeader } from "./lostParts";
import { adapterMessages } from "./messages";
import { PackagePatcher } from "./packagePatch";
import { readableCopy, withParts } from "./readable";
import { FILE_FOOTER, fileHeader, PAGE_MARGINS } from "./pageText";
import {
  ApplyReport,
  OWN_RULE_FORMULAS,
  SheetSnapshot,
  SnapshotRequest,
  TableCreate,
  TableSnapshot,
  WorkbookNames,
  WorkbookPort,
  WorkbookSnapshot,
  WritePlan,
} from "./port";

/**
 * Parts named by the lost-part kinds (charts, pivot tables, slicers …, with their drawings and caches),
 * relationships, and pictures (ExcelJS writes them back under its own names): not named one by one.
 */
const COVERED_PARTS =
  /(^|\/)_rels\/|^xl\/(charts|drawings|pivotTables|pivotCache|slicers|slicerCaches|timelines|timelineCaches|threadedComments|persons|externalLinks|chartsheets|ctrlProps|media)\/|^xl\/vbaProject\.bin$/;

/** ExcelJS's loaded table model (not in its typings). */
interface LoadedTableModel {
  name: string;
  tableRef: string;
  autoFilterRef?: string;
  headerRow: boolean;
  totalsRow: boolean;
  columns: { name: string; filterButton?: boolean }[];
}

/** Excel's own flag words in conditional-format rules we wrote earlier, to replace rather than stack them. */

/**
 * The workbook port over an .xlsx file, with ExcelJS. The file on disk is never written to: `save`
 * writes a new file. What ExcelJS cannot carry over is listed by `lostParts` before anything is saved.
 */
export class FileWorkbook implements WorkbookPort {
  /** Why the package could not be patched (then ExcelJS writes it, and what it drops is told). */
  private unpatchable?: string;

  /** Plans written into the package but not yet into the ExcelJS model (done when someone reads it). */
  private pending: WritePlan[] = [];

  private constructor(
    private readonly model: ExcelJS.Workbook,
    readonly lostParts: LostPart[],
    /** The original package, written back by changing only what the tool writes (packagePatch.ts). */
    private readonly patcher?: PackagePatcher,
  ) {}

  static async fromBuffer(buffer: Buffer | ArrayBuffer): Promise<FileWorkbook> {
    const zip = await JSZip.loadAsync(buffer);
    const workbook = await readWithExcelJs(buffer, zip);
    const withHeader = await tablesWithDefaultHeader(zip);
    workbook.eachSheet((ws) => {
      for (const table of ws.getTables() as unknown as { model: LoadedTableModel }[]) {
        // ExcelJS reads an absent headerRowCount (Excel's default, 1) as "no header row" and would then
        // write headerRowCount="0", turning the header into data. Restore what the file says.
        if (withHeader.has(table.model.name)) table.model.headerRow = true;
      }
    });
    const patcher = await PackagePatcher.open(buffer);
    const file = new FileWorkbook(workbook, await findLostParts(zip, patcher.sheets), patcher);
    file.macroEnabled = patcher.macroEnabled;
    // <workbookProtection lockStructure="1"/>: Excel adds no sheet to it, and neither does the command.
    file.structureProtected = patcher.structureProtected;
    return file;
  }

  static async fromFile(path: string): Promise<FileWorkbook> {
    const { readFile } = await import("fs/promises");
    return FileWorkbook.fromBuffer(await readFile(path));
  }

  async names(): Promise<WorkbookNames> {
    const sheetNames: string[] = [];
    const tableNames: string[] = [];
    this.workbook.eachSheet((ws) => {
      sheetNames.push(ws.name);
      for (const table of ws.getTables() as unknown as { model: LoadedTableModel }[])
        tableNames.push(table.model.name);
    });
    return { sheetNames, tableNames, ...(this.structureProtected ? { structureProtected: true } : {}) };
  }

  async snapshot(request: SnapshotRequest): Promise<WorkbookSnapshot> {
    const sheets: SheetSnapshot[] = [];
    const tables: TableSnapshot[] = [];
    const sheetNames: string[] = [];
    const wanted = new Set(request.names.map(normalizeName));
    this.workbook.eachSheet((ws) => {
      sheetNames.push(ws.name);
      if (!wanted.has(normalizeName(ws.name)) && ws.getTables().length === 0) return;
      const values: RawValue[][] = [];
      const formulaCells = new Map<string, string>();
      const hiddenRows = new Set<number>();
      ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        if (row.hidden) hiddenRows.add(rowNumber);
        const rowValues: RawValue[] = [];
        row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
          if (cell.type === ExcelJS.ValueType.Merge) return;
          const { value, formula } = toRawValue(cell.value);
          rowValues[colNumber - 1] = value;
          if (formula) formulaCells.set(a1(rowNumber, colNumber), formulaText(cell.value));
        });
        values[rowNumber - 1] = rowValues;
      });
      for (let i = 0; i < values.length; i++) values[i] ??= [];
      const model = ws.model as unknown as { merges?: string[] };
      sheets.push({
        name: ws.name,
        values,
        formulaCells,
        hiddenRows,
        merges: model.merges ?? [],
        protected: Boolean(
          (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
        ),
      });
      for (const table of ws.getTables() as unknown as { model: LoadedTableModel }[]) {
        const bounds = parseRange(table.model.tableRef);
        tables.push({
          name: table.model.name,
          sheet: ws.name,
          ...bounds,
          hasTotalsRow: Boolean(table.model.totalsRow),
        });
      }
    });
    return { sheetNames, sheets, tables, ...(this.structureProtected ? { structureProtected: true } : {}) };
  }

  /** The package's workbook structure is locked (read from xl/workbook.xml). */
  private structureProtected = false;

  /** The package is a macro-enabled workbook (.xlsm): its workbook part's content type says so. */
  macroEnabled = false;

  /** The workbook as ExcelJS holds it, with every plan applied so far. */
  get workbook(): ExcelJS.Workbook {
    this.flush();
    return this.model;
  }

  /** Applies the plans still pending to the ExcelJS model, in order. */
  private flush(): void {
    const pending = this.pending;
    this.pending = [];
    for (const plan of pending) this.write(plan);
  }

  /** A new, empty workbook (the demo's sample is built in one). */
  static empty(): FileWorkbook {
    return new FileWorkbook(new ExcelJS.Workbook(), []);
  }

  /**
   * Writes the plan into the workbook in memory, and into the original package where it can be patched
   * (every part the tool does not write kept as it was). Where it cannot, the file is written by ExcelJS,
   * and each part ExcelJS drops (charts, pivot tables, macros …) comes back as a note.
   */
  async apply(plan: WritePlan): Promise<ApplyReport> {
    if (this.patcher && !this.unpatchable) this.unpatchable = await this.patcher.unpatchable(plan);
    if (this.patcher && !this.unpatchable) {
      // Written into the package now; into the ExcelJS model only if it is read again.
      await this.patcher.apply(plan);
      this.pending.push(plan);
      return { notes: [] };
    }
    const report = this.applyNow(plan);
    if (this.patcher) {
      const lost = this.lostParts.map((part) => ({
        code: "PART_LOST" as const,
        sheet: part.sheet ?? "",
        message: adapterMessages.partLost(part.what, part.sheet),
      }));
      // Any other part of the original package that ExcelJS does not write back is named too.
      const written = await JSZip.loadAsync(await this.model.xlsx.writeBuffer());
      const others = this.patcher
        .partNames()
        .filter((path) => !written.file(path) && !COVERED_PARTS.test(path))
        .map((path) => ({
          code: "PART_LOST" as const,
          sheet: "",
          message: adapterMessages.partLost(`Filens del ${path}`, undefined),
        }));
      return { notes: [...report.notes, ...lost, ...others] };
    }
    return report;
  }

  /** How the file will be written: by patching the original package, or whole by ExcelJS (and why). */
  get writer(): { patch: true } | { patch: false; reason: string } {
    if (this.patcher && !this.unpatchable) return { patch: true };
    return { patch: false, reason: this.unpatchable ?? "a new workbook" };
  }

  /** The write into the ExcelJS model, synchronously (after any plan still pending): only `save` touches the disk. */
  applyNow(plan: WritePlan): ApplyReport {
    this.flush();
    return this.write(plan);
  }

  private write(plan: WritePlan): ApplyReport {
    const wb = this.model;
    for (const sheet of plan.sheets) {
      const existing = wb.getWorksheet(sheet.name);
      if (existing && sheet.replace) wb.removeWorksheet(existing.id);
      if (!existing || sheet.replace) wb.addWorksheet(sheet.name);
    }
    for (const table of plan.tables ?? []) createTable(wb.getWorksheet(table.sheet)!, table);
    for (const resize of plan.tableResizes) {
      const ws = wb.getWorksheet(resize.sheet)!;
      const table = (ws.getTables() as unknown as { model: LoadedTableModel }[]).find(
        (t) => t.model.name === resize.table,
      )!;
      const bounds = parseRange(table.model.tableRef);
      const right = bounds.right + resize.addColumns.length;
      table.model.tableRef = `${a1(bounds.top, bounds.left)}:${a1(bounds.bottom, right)}`;
      if (table.model.autoFilterRef) {
        const filter = parseRange(table.model.autoFilterRef);
        table.model.autoFilterRef = `${a1(filter.top, filter.left)}:${a1(filter.bottom, right)}`;
      }
      for (const name of resize.addColumns) table.model.columns.push({ name, filterButton: true });
    }
    for (const block of plan.blocks) {
      const ws = wb.getWorksheet(block.sheet)!;
      if (block.span && block.span > 1)
        block.values.forEach((_, r) =>
          ws.mergeCells(block.row + r, block.col, block.row + r, block.col + block.span! - 1),
        );
      block.values.forEach((rowValues, r) => {
        const row = ws.getRow(block.row + r);
        rowValues.forEach((value, c) => {
          const cell = row.getCell(block.col + c);
          cell.value = value;
          if (block.numberFormat) cell.numFmt = block.numberFormat;
          const fill = block.fills?.[r]?.[c];
          if (fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
          else if (block.fills) cell.fill = { type: "pattern", pattern: "none" };
          const fontColor = block.fontColors?.[r]?.[c];
          if (block.wrap) cell.alignment = { ...cell.alignment, wrapText: true, vertical: "top" };
          if (block.bold || fontColor || block.fontColors) {
            // A font with only a colour would print in the reader's default font (a serif): Calibri 11.
            cell.font = {
              name: "Calibri",
              size: 11,
              family: 2,
              ...cell.font,
              ...(block.bold ? { bold: true } : {}),
              color: fontColor ? { argb: fontColor } : undefined,
            };
          }
        });
      });
    }
    for (const cf of plan.conditionalFills) {
      const ws = wb.getWorksheet(cf.sheet)!;
      ws.removeConditionalFormatting(
        (existing: ExcelJS.ConditionalFormattingOptions) => !isOurRule(existing, cf.range),
      );
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: cf.rules.map((rule, i) => ({
          type: "cellIs",
          operator: "equal",
          formulae: [`"${rule.equals}"`],
          priority: i + 1,
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: rule.fill } },
            font: { color: { argb: rule.font } },
          },
        })),
      });
    }
    for (const height of plan.rowHeights ?? [])
      wb.getWorksheet(height.sheet)!.getRow(height.row).height = height.height;
    for (const width of plan.columnWidths) {
      wb.getWorksheet(width.sheet)!.getColumn(width.col).width = width.width;
    }
    for (const layout of plan.layouts ?? []) {
      const ws = wb.getWorksheet(layout.sheet)!;
      ws.views = [{ state: "frozen", xSplit: 0, ySplit: layout.headerRows }];
      ws.pageSetup = {
        ...ws.pageSetup,
        paperSize: 9, // A4
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        margins: { ...PAGE_MARGINS },
        printTitlesRow: `1:${layout.headerRows}`,
        ...(layout.printArea ? { printArea: layout.printArea } : {}),
      };
      // ExcelJS breaks after a row; the layout names the row a page starts with.
      for (const row of layout.pageBreaks ?? []) ws.getRow(row - 1).addPageBreak();
      ws.headerFooter = {
        oddHeader: layout.printTitle ? fileHeader(layout.printTitle) : "",
        oddFooter: FILE_FOOTER,
      };
    }
    // ExcelJS cannot write charts: the data block beside them is the chart's content in the file.
    return { notes: [] };
  }

  /**
   * Writes the workbook to a temporary file next to the target and renames it into place, so that a
   * failure while writing (disk full, no permission) never leaves a half-written file under that name.
   */
  async save(path: string): Promise<void> {
    const { rename, rm, writeFile } = await import("fs/promises");
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, await this.toBuffer());
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async toBuffer(): Promise<Buffer> {
    if (this.patcher && !this.unpatchable) return this.patcher.toBuffer();
    return Buffer.from(await this.workbook.xlsx.writeBuffer());
  }
}

/**
 * A new table. The file keeps structured references in their saved form: "[@[Column]]", as typed in
 * Excel, is "Table[[#This Row],[Column]]" in the file.
 */
function createTable(ws: ExcelJS.Worksheet, spec: TableCreate): void {
  const saved = (formula: string) => formula.slice(1).replace(/\[@\[/g, `${spec.name}[[#This Row],[`);
  const rows = spec.rows.length > 0 ? spec.rows : [spec.headers.map(() => null)];
  ws.addTable({
    name: spec.name,
    ref: a1(spec.top, spec.left),
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: spec.headers.map((name) => ({ name, filterButton: true })),
    rows: rows.map((r) =>
      spec.headers.map((_, c) => {
        const v = r[c] ?? null;
        return typeof v === "string" && v.startsWith("=") ? { formula: saved(v) } : v === "" ? null : v;
      }),
    ),
  });
  // A table with wrapped columns is top-aligned throughout, so a row reads along its first line.
  const top = (c: number) =>
    spec.wrapColumns?.includes(c)
      ? { wrapText: true, vertical: "top" as const }
      : { vertical: "top" as const };
  if (spec.wrapColumns?.length)
    spec.headers.forEach((_, c) => (ws.getCell(spec.top, spec.left + c).alignment = top(c)));
  rows.forEach((r, i) =>
    spec.headers.forEach((_, c) => {
      const cell = ws.getCell(spec.top + 1 + i, spec.left + c);
      const format = spec.numberFormats[i]?.[c];
      if (format && format !== "General") cell.numFmt = format;
      if (spec.wrapColumns?.length) cell.alignment = top(c);
      const list = spec.lists?.[c] ?? spec.cellLists?.find((l) => l.row === i && l.col === c)?.list;
      if (list)
        cell.dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [`"${list.values.join(",")}"`],
          showErrorMessage: true,
          // The schema's word for Excel's "Stop" is "stop" (ExcelJS writes what it is given; "error" is refused by openpyxl).
          errorStyle: list.strict ? "stop" : "warning",
          errorTitle: spec.headers[c]!,
          error: `Vælg en af værdierne på listen: ${list.values.join(", ")}.`,
        };
    }),
  );
}

/**
 * Loads the package into ExcelJS for reading. Excel writes VML (legacy drawings: form controls, the
 * shapes of notes) that is not well-formed XML (an unclosed <br>), and ExcelJS refuses the whole file;
 * then it reads a copy whose VML parts are emptied — the values, formulas and notes' texts are elsewhere,
 * and the file written back is the original package, patched (its VML untouched).
 */
async function readWithExcelJs(original: Buffer | ArrayBuffer, zip: JSZip): Promise<ExcelJS.Workbook> {
  // CDATA, a prefixed main namespace, absolute targets, strict OOXML: read through a plain copy.
  const buffer = (await readableCopy(original, zip)) ?? original;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as ArrayBuffer);
    return workbook;
  } catch (error) {
    const vml = Object.keys(zip.files).filter((p) => /\.vml$/i.test(p));
    if (vml.length === 0) throw error;
    const retry = new ExcelJS.Workbook();
    const emptied = await withParts(buffer, new Map(vml.map((path) => [path, EMPTY_VML])));
    await retry.xlsx.load(emptied as unknown as ArrayBuffer);
    return retry;
  }
}

const EMPTY_VML =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"></xml>';

/** A conditional format this tool wrote on the range: only cellIs-equal rules on the flag words. */
function isOurRule(cf: ExcelJS.ConditionalFormattingOptions, range: string): boolean {
  return (
    cf.ref === range &&
    cf.rules.length > 0 &&
    cf.rules.every(
      (r) =>
        r.type === "cellIs" &&
        r.operator === "equal" &&
        (r.formulae ?? []).every((f) => OWN_RULE_FORMULAS.has(String(f))),
    )
  );
}

/** ExcelJS cell value → the port's raw value; formulas give their cached result. */
export function toRawValue(value: ExcelJS.CellValue): { value: RawValue; formula: boolean } {
  if (value === null || value === undefined) return { value: null, formula: false };
  if (
    typeof value === "number" ||
    typeof value === "string" ||
    typeof value === "boolean" ||
    value instanceof Date
  ) {
    return { value, formula: false };
  }
  if ("error" in value) return { value: { error: String(value.error) }, formula: false };
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    return { value: toRawValue((result ?? null) as ExcelJS.CellValue).value, formula: true };
  }
  if ("richText" in value) return { value: value.richText.map((t) => t.text).join(""), formula: false };
  if ("text" in value) return { value: String((value as { text: unknown }).text), formula: false };
  return { value: null, formula: false };
}

/** The formula of an ExcelJS formula cell, with its "=". */
function formulaText(value: ExcelJS.CellValue): string {
  const v = value as { formula?: string; sharedFormula?: string };
  return `=${v.formula ?? v.sharedFormula ?? ""}`;
}
