/// <reference types="office-js" />
import { errorText, excelSerialToDate, normalizeName, RawValue } from "../domain";
import { a1, columnLetters, localAddress, parseA1, parseRange } from "./address";
import { adapterMessages } from "./messages";
import { PAGE_MARGINS, PAGE_NUMBER, PRINT_DATE, SHEET_NAME } from "./pageText";
import { columnPoints } from "./textWidth";
import {
  ApplyNote,
  ConditionalFill,
  ApplyReport,
  Argb,
  BlockWrite,
  ChartWrite,
  ColumnList,
  SheetLayout,
  SheetSnapshot,
  SnapshotRequest,
  TableCreate,
  TableSnapshot,
  WorkbookNames,
  WorkbookPort,
  WorkbookSnapshot,
  WritePlan,
} from "./port";

/** Columns right of the used range where merged cells are looked for (output columns go there). */
const MERGE_MARGIN_COLUMNS = 40;

/** Excel.run, or a stand-in for it in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Whether the host supports a requirement set (Office.context.requirements.isSetSupported). */
export type SupportsSet = (name: string, version: string) => boolean;

/** Cells per read chunk at most, however light the cells (the payload budget below decides first). */
export const CHUNK_CELLS = 100_000;
/** Bytes of JSON one request or response may carry: Excel on the web refuses 5 MB; this leaves a margin. */
export const RESPONSE_BUDGET = 4_000_000;
/** What a cell is assumed to cost before any was measured (the heaviest seen: ~90 bytes), and at least. */
const FIRST_BYTES_PER_CELL = 200;
const MIN_BYTES_PER_CELL = 20;

/** One sheet's read in progress: where the next chunk starts, and what a cell cost in the last one. */
interface SheetRead {
  ws: Excel.Worksheet;
  top: number;
  left: number;
  rowCount: number;
  next: number;
  done: boolean;
  bytesPerCell: number;
  chunks: Excel.Range[];
  views: Excel.RangeView[];
  viewColumn?: Excel.Range;
  columns: number;
}
/** RangeAreas addresses stay below Excel's ~8.000-character limit for one getRanges call. */
export const MAX_AREAS_ADDRESS = 7_000;
/** Areas per getRanges call: Excel refuses RangeAreas of more than about 500 areas in one request. */
export const MAX_AREAS = 400;

/**
 * The workbook port over Office.js. Reading: sheets and tables; table ranges and used ranges; cell
 * contents in chunks sized to stay under Excel on the web's 5 MB per response (one sync for workbooks up
 * to some thousands of rows; more only as the bytes grow); merged areas. Writing: the add-in's earlier
 * flag rules, then the data in requests under the same budget, then each chart in batches of its own.
 * Fills are set per colour on RangeAreas, not per cell, where ExcelApi 1.9 is supported.
 */
export class OfficeWorkbook implements WorkbookPort {
  private lastSnapshot?: WorkbookSnapshot;
  /** Chart names per sheet, read with the snapshot, so that apply replaces rather than duplicates. */
  private chartNames = new Map<string, string[]>();
  /** The add-in's flag rules the last write removed (to put back if it fails). */
  private replacedRules: OwnRule[] = [];
  /** Number formats other than General per sheet ("D7" → "#,##0"), read with the snapshot, to put back. */
  private formats = new Map<string, Map<string, string>>();

  constructor(
    private readonly run: ExcelRun,
    private readonly supports: SupportsSet = () => false,
    /** Bytes of JSON a request or a response may carry (below Excel on the web's 5 MB); tests lower it. */
    private readonly budget: number = RESPONSE_BUDGET,
  ) {}

  async names(): Promise<WorkbookNames> {
    const names = await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const tables = context.workbook.tables;
      tables.load("items/name");
      const protection = this.supports("ExcelApi", "1.7")
        ? context.workbook.protection.load("protected")
        : undefined;
      await context.sync();
      return {
        sheetNames: worksheets.items.map((w) => w.name),
        tableNames: tables.items.map((t) => t.name),
        ...(protection?.protected ? { structureProtected: true } : {}),
      };
    });
    // What a failed write is put back against: nothing of these sheets is read, so only added sheets go.
    this.lastSnapshot = { sheetNames: names.sheetNames, sheets: [], tables: [] };
    this.formats = new Map();
    return names;
  }

  async snapshot(request: SnapshotRequest): Promise<WorkbookSnapshot> {
    const snapshot = await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const tables = context.workbook.tables;
      tables.load("items/name, items/showTotals, items/worksheet/name");
      // Structure protection (ExcelApi 1.7): no sheet can be added, so a write that adds one is refused
      // before it starts, not halfway.
      const protection = this.supports("ExcelApi", "1.7")
        ? context.workbook.protection.load("protected")
        : undefined;
      await context.sync();

      const wanted = new Set(request.names.map(normalizeName));
      const tableSheets = new Set(tables.items.map((t) => t.worksheet.name));
      const sheets = worksheets.items.filter(
        (ws) => wanted.has(normalizeName(ws.name)) || tableSheets.has(ws.name),
      );
      const tableRanges = tables.items.map((t) => t.getRange().load("address"));
      const charts = sheets.map((ws) => {
        const collection = ws.charts;
        collection.load("items/name");
        return collection;
      });
      const used = sheets.map((ws) => {
        ws.load("protection/protected");
        return ws.getUsedRangeOrNullObject(true).load("address, rowCount, columnCount");
      });
      await context.sync();

      this.chartNames = new Map(sheets.map((ws, i) => [ws.name, charts[i]!.items.map((c) => c.name)]));
      const reads: SheetRead[] = sheets.map((ws, i) => {
        const range = used[i]!;
        if (range.isNullObject)
          return {
            ws,
            top: 1,
            left: 1,
            rowCount: 0,
            next: 0,
            done: true,
            bytesPerCell: 0,
            chunks: [],
            views: [],
            columns: 0,
          };
        const bounds = parseRange(range.address.split("!").pop()!);
        return {
          ws,
          top: bounds.top,
          left: bounds.left,
          rowCount: range.rowCount,
          next: 0,
          done: false,
          bytesPerCell: FIRST_BYTES_PER_CELL,
          chunks: [],
          views: [],
          columns: range.columnCount,
          // Whether the view's column is hidden: then its visible view has no cells at all (read below).
          viewColumn: ws.getRangeByIndexes(bounds.top - 1, bounds.left - 1, 1, 1).load("columnHidden"),
        };
      });
      // Chunks sized by payload, not by cell count: Excel on the web refuses a response over 5 MB, and a
      // cell costs from ~40 bytes (plain numbers) to ~90 (the template's formulas, an accounting format).
      // Every sheet's next chunk goes in the same sync, the budget shared between them; the first chunk
      // assumes heavy cells, the next ones use what the last one measured. A sheet stops after a chunk
      // with no value at all below its last Excel table: a plain block ends at its first empty row, so
      // nothing further down can belong to a table (a stray cell at row 1.048.576 costs one empty chunk).
      const tableBottoms = new Map<string, number>();
      tables.items.forEach((t, i) => {
        const bottom = parseRange(tableRanges[i]!.address.split("!").pop()!).bottom;
        tableBottoms.set(t.worksheet.name, Math.max(bottom, tableBottoms.get(t.worksheet.name) ?? 0));
      });
      for (;;) {
        const active = reads.filter((read) => !read.done && read.next < read.rowCount);
        if (active.length === 0) break;
        const share = this.budget / active.length;
        const loading = active.map((read) => {
          const cells = Math.min(CHUNK_CELLS, Math.floor(share / read.bytesPerCell));
          const rows = Math.max(1, Math.min(read.rowCount - read.next, Math.floor(cells / read.columns)));
          const row = read.top - 1 + read.next;
          const chunk = read.ws.getRangeByIndexes(row, read.left - 1, rows, read.columns);
          chunk.load("values, formulas, valueTypes, numberFormat, rowIndex");
          // The visible rows of the chunk's first column: hidden and filtered rows are the others.
          const view = read.ws.getRangeByIndexes(row, read.left - 1, rows, 1).getVisibleView();
          view.load("cellAddresses");
          read.chunks.push(chunk);
          read.views.push(view);
          read.next += rows;
          return { read, chunk, view, cells: rows * read.columns };
        });
        await context.sync();
        for (const { read, chunk, view, cells } of loading) {
          const bytes =
            JSON.stringify(chunk.values).length +
            JSON.stringify(chunk.formulas).length +
            JSON.stringify(chunk.valueTypes).length +
            JSON.stringify(chunk.numberFormat).length +
            JSON.stringify(view.cellAddresses).length;
          read.bytesPerCell = Math.max(MIN_BYTES_PER_CELL, (bytes / cells) * 1.25);
          if (!chunk.valueTypes.every((r) => r.every((t) => t === "Empty"))) continue;
          if (chunk.rowIndex + 1 > (tableBottoms.get(read.ws.name) ?? 0)) {
            read.chunks.pop(); // this chunk is empty too: drop it and everything below
            read.views.pop();
            read.done = true;
          }
        }
      }
      await this.viewsInVisibleColumn(context, reads);
      const merges = await this.readMerges(context, sheets, used);

      const sheetSnapshots: SheetSnapshot[] = sheets.map((ws, i) => {
        const read = reads[i]!;
        const values: RawValue[][] = Array.from({ length: read.top - 1 }, () => []);
        const formulaCells = new Map<string, string>();
        const formats = new Map<string, string>();
        this.formats.set(ws.name, formats);
        for (const chunk of read.chunks) {
          chunk.values.forEach((row, r) => {
            const rowNumber = values.length + 1;
            const out: RawValue[] = [];
            row.forEach((value, c) => {
              const type = chunk.valueTypes[r]?.[c];
              // A number shown as a date is a date (as ExcelJS reads it from a file): never an amount.
              // A date is a number in a date format: Excel types it Double, or Integer (a whole serial).
              const isDate =
                (type === "Double" || type === "Integer") &&
                isDateFormat(String(chunk.numberFormat[r]?.[c] ?? ""));
              out[read.left - 1 + c] =
                type === "Empty"
                  ? null
                  : type === "Error"
                    ? { error: String(value) }
                    : isDate
                      ? excelSerialToDate(value as number)
                      : (value as RawValue);
              const format = String(chunk.numberFormat[r]?.[c] ?? "General");
              if (format !== "General") formats.set(a1(rowNumber, read.left + c), format);
              const formula: unknown = chunk.formulas[r]?.[c];
              if (typeof formula === "string" && formula.startsWith("="))
                formulaCells.set(a1(rowNumber, read.left + c), formula);
            });
            values.push(out);
          });
        }
        const visible = new Set(
          read.views.flatMap((view) =>
            view.cellAddresses.map((row) => parseA1(String(row[0]).split("!").pop()!).row),
          ),
        );
        const hiddenRows = new Set<number>();
        if (read.views.length > 0)
          for (let row = read.top; row <= values.length; row++) if (!visible.has(row)) hiddenRows.add(row);
        return {
          name: ws.name,
          values,
          formulaCells,
          hiddenRows,
          merges: merges.get(ws.name) ?? [],
          ...(merges.has(ws.name) ? {} : { mergesUnread: true }),
          protected: Boolean(ws.protection.protected),
        };
      });
      const tableSnapshots: TableSnapshot[] = tables.items.map((t, i) => ({
        name: t.name,
        sheet: t.worksheet.name,
        ...parseRange(tableRanges[i]!.address.split("!").pop()!),
        hasTotalsRow: Boolean(t.showTotals),
      }));
      return {
        sheetNames: worksheets.items.map((w) => w.name),
        sheets: sheetSnapshots,
        tables: tableSnapshots,
        ...(protection?.protected ? { structureProtected: true } : {}),
      };
    });
    this.lastSnapshot = snapshot;
    return snapshot;
  }

  /**
   * A sheet whose first used column is hidden has no cells in that column's visible view: its rows would
   * all read as hidden. Then the views are taken again in the first visible column (two more syncs, only
   * for such a sheet); with every column hidden, no row counts as hidden (there is nothing to tell by).
   */
  private async viewsInVisibleColumn(context: Excel.RequestContext, reads: SheetRead[]): Promise<void> {
    const affected = reads.filter((read) => read.viewColumn?.columnHidden === true && read.chunks.length > 0);
    if (affected.length === 0) return;
    const columns = affected.map((read) =>
      Array.from({ length: read.columns }, (_, c) =>
        read.ws.getRangeByIndexes(read.top - 1, read.left - 1 + c, 1, 1).load("columnHidden"),
      ),
    );
    await context.sync();
    affected.forEach((read, i) => {
      const visible = columns[i]!.findIndex((column) => !column.columnHidden);
      if (visible < 0) {
        read.views = [];
        return;
      }
      read.views = read.chunks.map((chunk) => {
        const view = chunk.getColumn(visible).getVisibleView();
        view.load("cellAddresses");
        return view;
      });
    });
    await context.sync();
  }

  /**
   * Merged areas per sheet (ExcelApi 1.13), in one sync of their own: Excel refuses the request when a
   * range has more than 512 merged areas, and that failure must not lose the rest of the snapshot. A sheet
   * whose merges could not be read is absent from the result. Without ExcelApi 1.13 (older than the
   * custom functions' requirement) every sheet reads as having none.
   */
  private async readMerges(
    context: Excel.RequestContext,
    sheets: Excel.Worksheet[],
    used: Excel.Range[],
  ): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (!this.supports("ExcelApi", "1.13")) return new Map(sheets.map((ws) => [ws.name, []]));
    // The used range (values only) widened to the right: output columns go beside the tables, where
    // merged but empty cells would otherwise not be seen (and the outputs written under them).
    const areas = sheets.map((ws, i) => {
      if (used[i]!.isNullObject) return undefined;
      const b = parseRange(localAddress(used[i]!.address));
      const right = Math.min(16384, b.right + MERGE_MARGIN_COLUMNS);
      return ws
        .getRange(`${a1(b.top, b.left)}:${a1(b.bottom, right)}`)
        .getMergedAreasOrNullObject()
        .load("address");
    });
    try {
      await context.sync();
    } catch {
      return result;
    }
    sheets.forEach((ws, i) => {
      const area = areas[i];
      result.set(ws.name, !area || area.isNullObject ? [] : area.address.split(",").map(localAddress));
    });
    return result;
  }

  /**
   * Writes the plan. Everything was validated before (runContract), but Excel can still fail in the
   * middle (a sheet protected meanwhile, the workbook closed, a lost connection). Then what was written is
   * put back from the snapshot: cell values and formulas, added sheets deleted, added table columns
   * removed; the error says whether that succeeded. Formats of restored cells are not restored.
   */
  async apply(plan: WritePlan): Promise<ApplyReport> {
    try {
      await this.write(plan);
    } catch (error) {
      let restored = true;
      try {
        await this.restore(plan);
      } catch {
        restored = false;
      }
      throw new WriteFailedError(errorText(error), restored);
    }
    return { notes: await this.writeCharts(plan.charts) };
  }

  /**
   * Charts after the data, each in batches of its own: the newer chart types have partial API support
   * (setting the title of a Waterfall throws UnsupportedOperation in Excel, office-js#2041, so a Waterfall
   * gets none), and a chart that fails must neither undo nor fail the computation. A Waterfall that fails
   * becomes clustered columns over the same data; a chart that fails altogether is left out, and both are
   * told. One sync per Waterfall, two per other chart (add and place; title), whatever the row count.
   */
  private async writeCharts(charts: ChartWrite[]): Promise<ApplyNote[]> {
    const notes: ApplyNote[] = [];
    for (const chart of charts) {
      const waterfall = chart.kind === "waterfall" && this.supports("ExcelApi", "1.9");
      const first = await this.tryChart(chart, waterfall ? "Waterfall" : "ColumnClustered");
      if (first === undefined) continue;
      const second = waterfall ? await this.tryChart(chart, "ColumnClustered") : first;
      if (waterfall && second === undefined) {
        notes.push({
          code: "CHART_FALLBACK",
          sheet: chart.sheet,
          message: adapterMessages.chartFallback(chart.title, chart.sheet, first),
        });
      } else {
        notes.push({
          code: "CHART_SKIPPED",
          sheet: chart.sheet,
          message: adapterMessages.chartSkipped(chart.title, chart.sheet, second ?? first),
        });
      }
    }
    return notes;
  }

  /** Adds (or replaces) one chart; undefined when it is in place with its title, else Excel's reason. */
  private async tryChart(
    chart: ChartWrite,
    type: "Waterfall" | "ColumnClustered",
  ): Promise<string | undefined> {
    try {
      await this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const ws = sheets.getItem(chart.sheet);
        if ((this.chartNames.get(chart.sheet) ?? []).includes(chart.name))
          ws.charts.getItem(chart.name).delete();
        const added = ws.charts.add(
          type,
          sheets.getItem(chart.source.sheet).getRange(chart.source.range),
          "Columns",
        );
        added.name = chart.name;
        added.setPosition(chart.from, chart.to);
        await context.sync();
        this.chartNames.set(chart.sheet, [...(this.chartNames.get(chart.sheet) ?? []), chart.name]);
        // A Waterfall refuses a title (UnsupportedOperation, office-js#2041): it is not asked for one —
        // its data block on the Resultat sheet is headed, and the chart is named.
        if (type === "Waterfall") return;
        added.title.text = chart.title;
        await context.sync();
      });
      return undefined;
    } catch (error) {
      await this.removeChart(chart).catch(() => undefined);
      return errorText(error);
    }
  }

  /**
   * Deletes what a failed attempt left behind: the chart of this name, and a chart the attempt added but
   * could not name yet (one that was not on the sheet when the snapshot was read, nor named by us since).
   */
  private async removeChart(chart: ChartWrite): Promise<void> {
    const known = new Set(this.chartNames.get(chart.sheet) ?? []);
    known.delete(chart.name);
    await this.run(async (context) => {
      const charts = context.workbook.worksheets.getItem(chart.sheet).charts;
      charts.load("items/name");
      await context.sync();
      for (const item of charts.items) if (!known.has(item.name)) item.delete();
      await context.sync();
    });
    this.chartNames.set(chart.sheet, [...known]);
  }

  private async restore(plan: WritePlan): Promise<void> {
    const snapshot = this.lastSnapshot;
    if (!snapshot) return;
    const before = new Map(snapshot.sheets.map((s) => [s.name, s]));
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = plan.sheets
        .filter((s) => !snapshot.sheetNames.includes(s.name))
        .map((s) => sheets.getItemOrNullObject(s.name));
      for (const sheet of added) sheet.load("isNullObject");
      const columns = plan.tableResizes.flatMap((resize) =>
        resize.addColumns.map((header) =>
          context.workbook.tables
            .getItem(resize.table)
            .columns.getItemOrNullObject(header)
            .load("isNullObject"),
        ),
      );
      await context.sync();
      for (const sheet of added) if (!sheet.isNullObject) sheet.delete();
      for (const column of [...columns].reverse()) if (!column.isNullObject) column.delete();
      // The flag rules as they were: the ones this write added go, the ones it removed come back.
      const addedRules = await findOwnRules(context, plan.conditionalFills, this.supports("ExcelApi", "1.9"));
      for (const rule of addedRules) rule.item.delete();
      for (const own of this.replacedRules)
        for (const range of own.ranges) addFlagRules(sheets.getItem(own.sheet).getRange(range), [own.rule]);
      // Requests sized by payload, as the write's (Excel on the web refuses a response over 5 MB): the
      // values and number formats put back.
      let bytesInRequest = 0;
      const budget = async (values: unknown[][]) => {
        const cells = values.length * (values[0]?.length ?? 0);
        const bytes = JSON.stringify(values).length + cells * 12;
        if (bytesInRequest > 0 && bytesInRequest + bytes > this.budget) {
          await context.sync();
          bytesInRequest = 0;
        }
        bytesInRequest += bytes;
      };
      // Every cell a block touched on a sheet that existed gets its value or formula back.
      for (const block of plan.blocks) {
        const sheet = before.get(block.sheet);
        if (!sheet || plan.sheets.some((s) => s.name === block.sheet && s.replace)) continue;
        const original = block.values.map((row, r) =>
          row.map((_, c) => originalCell(sheet, block.row + r, block.col + c)),
        );
        await budget(original);
        const formats = this.formats.get(block.sheet);
        putBack(
          sheets
            .getItem(block.sheet)
            .getRangeByIndexes(block.row - 1, block.col - 1, original.length, original[0]?.length ?? 0),
          original,
          original.map((row, r) =>
            row.map((_, c) => formats?.get(a1(block.row + r, block.col + c)) ?? "General"),
          ),
        );
      }
      // A generated sheet that was cleared gets its earlier content back.
      for (const replaced of plan.sheets.filter((s) => s.replace && before.has(s.name))) {
        const sheet = before.get(replaced.name)!;
        const width = Math.max(0, ...sheet.values.map((row) => row.length));
        if (sheet.values.length === 0 || width === 0) continue;
        await budget(sheet.values);
        putBack(
          sheets.getItem(replaced.name).getRangeByIndexes(0, 0, sheet.values.length, width),
          sheet.values.map((_, r) =>
            Array.from({ length: width }, (_, c) => originalCell(sheet, r + 1, c + 1)),
          ),
          sheet.values.map((_, r) =>
            Array.from(
              { length: width },
              (_, c) => this.formats.get(replaced.name)?.get(a1(r + 1, c + 1)) ?? "General",
            ),
          ),
        );
      }
      await context.sync();
    });
  }

  /** The separator found (null: none works), once per workbook. */
  private separator: "," | ";" | null | undefined;

  /**
   * The separator between the areas of a getRanges address: the locale's list separator on desktop Excel
   * (";" in Danish, office-js#1167), "," elsewhere. Found once per workbook by asking for two areas
   * (one sync, or two); undefined when neither works (the fills then go cell area by cell area).
   * Guarded: ExcelApi 1.9 (called only where supports("ExcelApi", "1.9")).
   */
  private async areaSeparator(
    context: Excel.RequestContext,
    sheet: string | undefined,
  ): Promise<"," | ";" | undefined> {
    if (this.separator !== undefined) return this.separator ?? undefined;
    if (sheet === undefined) return undefined;
    for (const candidate of [",", ";"] as const) {
      try {
        const areas = context.workbook.worksheets.getItem(sheet).getRanges(`A1${candidate}A3`);
        areas.load("areaCount");
        await context.sync();
        if (areas.areaCount !== 2) continue;
        this.separator = candidate;
        return candidate;
      } catch {
        // Refused: not this host's separator (a failed sync leaves the context usable).
      }
    }
    this.separator = null;
    return undefined;
  }

  private async write(plan: WritePlan): Promise<void> {
    const existing = new Set(this.lastSnapshot?.sheetNames ?? []);
    const coloured = plan.blocks.some((b) => b.fills || b.fontColors);
    await this.run(async (context) => {
      const separator =
        coloured && this.supports("ExcelApi", "1.9")
          ? await this.areaSeparator(context, this.lastSnapshot?.sheetNames[0])
          : undefined;
      this.replacedRules = [];
      const ownRules = await findOwnRules(context, plan.conditionalFills, this.supports("ExcelApi", "1.9"));
      context.application.suspendApiCalculationUntilNextSync();
      const sheets = context.workbook.worksheets;
      for (const sheet of plan.sheets) {
        if (sheet.replace && existing.has(sheet.name)) {
          const range = sheets.getItem(sheet.name).getRange();
          range.unmerge();
          range.clear("All");
        } else if (!existing.has(sheet.name)) sheets.add(sheet.name);
      }
      const lists = this.supports("ExcelApi", "1.8");
      for (const table of plan.tables ?? []) createTable(sheets.getItem(table.sheet), table, lists);
      for (const resize of plan.tableResizes) {
        const table = context.workbook.tables.getItem(resize.table);
        for (const header of resize.addColumns) table.columns.add(undefined, undefined, header);
      }
      // Requests sized by payload as well: the values, one number format per cell, the fills' areas.
      let bytesInRequest = 0;
      for (const block of plan.blocks) {
        const cells = block.values.length * (block.values[0]?.length ?? 0);
        const bytes = JSON.stringify(block.values).length + cells * 12 + (block.fills ? cells * 12 : 0);
        if (bytesInRequest > 0 && bytesInRequest + bytes > this.budget) {
          await context.sync();
          bytesInRequest = 0;
        }
        bytesInRequest += bytes;
        writeBlock(sheets.getItem(block.sheet), block, separator);
      }
      // The add-in's earlier rules go; the user's own rules on the same cells stay (clearAll would take them).
      this.replacedRules = ownRules;
      for (const rule of ownRules) rule.item.delete();
      for (const cf of plan.conditionalFills)
        addFlagRules(sheets.getItem(cf.sheet).getRange(cf.range), cf.rules);
      for (const height of plan.rowHeights ?? [])
        sheets.getItem(height.sheet).getRange(`${height.row}:${height.row}`).format.rowHeight = height.height;
      for (const layout of plan.layouts ?? []) setLayout(sheets.getItem(layout.sheet), layout, this.supports);
      for (const width of plan.columnWidths) {
        // format.columnWidth is in points (office-js#187): the file's width in characters, converted as
        // Excel converts it (7 px a character plus 5 px padding, ¾ pt a pixel) — the same columns as the
        // file output, not 20 % wider.
        sheets
          .getItem(width.sheet)
          .getRange(`${columnLetters(width.col)}:${columnLetters(width.col)}`).format.columnWidth =
          columnPoints(width.width);
      }
      await context.sync();
    });
  }
}

/**
 * A new Excel table in the write's batch: formats first (text arrives as text — Danish Excel would take
 * "1.000 kr." as typed, a number), then formulas through `formulas` (en-US) or values, then the
 * drop-down lists. Guarded: ExcelApi 1.8 (data validation only when `lists`, which is
 * supports("ExcelApi", "1.8")).
 */
function createTable(ws: Excel.Worksheet, spec: TableCreate, lists: boolean): void {
  const width = spec.headers.length;
  const count = Math.max(1, spec.rows.length);
  const bottom = spec.top + count;
  const right = spec.left + width - 1;
  const table = ws.tables.add(`${a1(spec.top, spec.left)}:${a1(bottom, right)}`, true);
  table.name = spec.name;
  table.getHeaderRowRange().values = [spec.headers];
  const body = ws.getRange(`${a1(spec.top + 1, spec.left)}:${a1(bottom, right)}`);
  body.numberFormat = spec.numberFormats;
  const rows = spec.rows.map((r) => r.map((v) => v ?? ""));
  if (rows.some((r) => r.some((v) => typeof v === "string" && v.startsWith("=")))) body.formulas = rows;
  else if (rows.length > 0) body.values = rows;
  // A table with wrapped columns is top-aligned throughout, so a row reads along its first line.
  if (spec.wrapColumns?.length) table.getRange().format.verticalAlignment = "Top";
  for (const c of spec.wrapColumns ?? [])
    ws.getRange(`${a1(spec.top, spec.left + c)}:${a1(bottom, spec.left + c)}`).format.wrapText = true;
  if (!lists) return;
  const validate = (range: Excel.Range, list: ColumnList, title: string) => {
    range.dataValidation.rule = { list: { inCellDropDown: true, source: list.values.join(",") } };
    range.dataValidation.errorAlert = {
      showAlert: true,
      style: list.strict ? "Stop" : "Warning",
      title,
      message: `Vælg en af værdierne på listen: ${list.values.join(", ")}.`,
    };
  };
  spec.lists?.forEach((list, i) => {
    if (list)
      validate(
        ws.getRange(`${a1(spec.top + 1, spec.left + i)}:${a1(bottom, spec.left + i)}`),
        list,
        spec.headers[i]!,
      );
  });
  for (const { row, col, list } of spec.cellLists ?? [])
    validate(ws.getRange(a1(spec.top + 1 + row, spec.left + col)), list, spec.headers[col]!);
}

/**
 * Frozen header rows (ExcelApi 1.7, the manifest's minimum) and, where ExcelApi 1.9 is supported, A4
 * landscape one page wide with the header rows on every page and a page header and footer.
 */
function setLayout(ws: Excel.Worksheet, layout: SheetLayout, supports: SupportsSet): void {
  ws.freezePanes.freezeRows(layout.headerRows);
  if (!supports("ExcelApi", "1.9")) return;
  printLayout(ws, layout);
}

/** Guarded: ExcelApi 1.9 (called only when supports("ExcelApi", "1.9")). */
function printLayout(ws: Excel.Worksheet, layout: SheetLayout): void {
  ws.pageLayout.orientation = "Landscape";
  ws.pageLayout.paperSize = "A4";
  // Excel's "Smalle" margins, in points.
  ws.pageLayout.leftMargin = PAGE_MARGINS.left * 72;
  ws.pageLayout.rightMargin = PAGE_MARGINS.right * 72;
  ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  ws.pageLayout.setPrintTitleRows(`$1:$${layout.headerRows}`);
  // A title in the sheet's first row is a print title, printed once at the top of every page.
  ws.pageLayout.headersFooters.defaultForAllPages.centerHeader = layout.printTitle
    ? `&B${layout.printTitle.replace(/&/g, "&&")}`
    : "";
  ws.pageLayout.headersFooters.defaultForAllPages.leftFooter = PRINT_DATE;
  ws.pageLayout.headersFooters.defaultForAllPages.centerFooter = SHEET_NAME;
  ws.pageLayout.headersFooters.defaultForAllPages.rightFooter = PAGE_NUMBER;
  if (layout.printArea) ws.pageLayout.setPrintArea(layout.printArea);
  ws.horizontalPageBreaks.removePageBreaks();
  for (const row of layout.pageBreaks ?? []) ws.horizontalPageBreaks.add(`A${row}`);
}

/** Thrown by apply when Excel failed while writing; `restored` tells whether the earlier state is back. */
export class WriteFailedError extends Error {
  constructor(
    readonly reason: string,
    readonly restored: boolean,
  ) {
    super(reason);
    this.name = "WriteFailedError";
  }
}

/** True for a number format that shows a date or time (d, m, y, h, s outside quotes and brackets). */
export function isDateFormat(format: string): boolean {
  if (format === "" || /^general$/i.test(format)) return false;
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** A cell as the snapshot saw it, to write back: its formula, value, or "". */
function originalCell(sheet: SheetSnapshot, row: number, col: number): OriginalCell {
  const formula = sheet.formulaCells.get(a1(row, col));
  if (formula !== undefined) return { formula };
  const value = sheet.values[row - 1]?.[col - 1];
  if (value === null || value === undefined) return { value: "" };
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return { value };
  return { value: "" }; // error values and dates are never in cells the tool writes (refused before writing)
}

type OriginalCell = { formula: string } | { value: string | number | boolean };

/**
 * Writes cells back as they were: their number format, then formulas as formulas and text as text
 * (format "@", so that Excel does not take "=…" or "1.12" as typed).
 */
function putBack(range: Excel.Range, cells: OriginalCell[][], formats: string[][]): void {
  range.numberFormat = cells.map((row, r) =>
    row.map((cell, c) =>
      "value" in cell && typeof cell.value === "string" && cell.value !== "" ? "@" : formats[r]![c]!,
    ),
  );
  range.formulas = cells.map((row) => row.map((cell) => ("formula" in cell ? cell.formula : cell.value)));
}

/** One of the add-in's flag rules as found before a write: enough to put it back if the write fails. */
interface OwnRule {
  item: Excel.ConditionalFormat;
  sheet: string;
  /** The ranges it applies to: one, or several where copy and paste or inserted rows split it. */
  ranges: string[];
  /** The plan's rule of the same word (its fill and font). */
  rule: ConditionalFill["rules"][number];
}

/**
 * The flag word a rule's formula compares with, however Excel gives the formula back: `="GRØN"`,
 * `"GRØN"` or `=GRØN` (Excel may normalise what it stores; the kit's check looks at the real one).
 */
export function ruleWord(formula1: unknown): string {
  return String(formula1)
    .trim()
    .replace(/^=\s*/, "")
    .replace(/^"(.*)"$/, "$1")
    .toUpperCase();
}

/**
 * The add-in's own conditional formats on the flag columns, known by their signature: a cell-value rule
 * "equal to" one of the plan's flag words, every range it applies to within the flag's column. A rule on
 * several ranges (ConditionalFormat.getRange throws for it, ExcelApi 1.6) is read area by area
 * (getRangeOrNullObject, then getRanges with ExcelApi 1.9). Two syncs, three with split rules, whatever
 * the rows. Guarded: ExcelApi 1.9 (getRanges only when `areas`, which is supports("ExcelApi", "1.9")).
 */
async function findOwnRules(
  context: Excel.RequestContext,
  fills: WritePlan["conditionalFills"],
  areas: boolean,
): Promise<OwnRule[]> {
  if (fills.length === 0) return [];
  const sheets = context.workbook.worksheets;
  const collections = fills.map((cf) => {
    const formats = sheets.getItem(cf.sheet).getRange(cf.range).getEntireColumn().conditionalFormats;
    formats.load("items/type");
    return { cf, formats };
  });
  await context.sync();
  const candidates = collections.flatMap(({ cf, formats }) =>
    formats.items
      .filter((item) => item.type === "CellValue")
      .map((item) => ({
        cf,
        item: item.load("cellValue/rule"),
        range: item.getRangeOrNullObject().load("address, isNullObject"),
      })),
  );
  if (candidates.length === 0) return [];
  await context.sync();
  const split = areas
    ? candidates
        .filter((c) => c.range.isNullObject)
        .map((c) => ({ candidate: c, areas: c.item.getRanges().load("address") }))
    : [];
  if (split.length > 0) await context.sync();
  const addresses = new Map(
    split.map(({ candidate, areas: all }) => [candidate, all.address.split(",").map(localAddress)] as const),
  );
  return candidates.flatMap((candidate) => {
    const { cf, item, range } = candidate;
    const { formula1, operator } = item.cellValue.rule;
    const rule = cf.rules.find((r) => r.equals.toUpperCase() === ruleWord(formula1));
    const ranges = range.isNullObject ? (addresses.get(candidate) ?? []) : [localAddress(range.address)];
    const target = parseRange(cf.range);
    const inColumn = (address: string) => {
      const at = parseRange(address);
      return at.left === target.left && at.right === target.right;
    };
    const own = operator === "EqualTo" && rule && ranges.length > 0 && ranges.every(inColumn);
    return own ? [{ item, sheet: cf.sheet, ranges, rule }] : [];
  });
}

/** Adds flag rules (cell equals the word ⇒ fill and font colour) on a range. */
function addFlagRules(range: Excel.Range, rules: ConditionalFill["rules"]): void {
  for (const rule of rules) {
    const format = range.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType.cellValue);
    format.cellValue.format.fill.color = hex(rule.fill);
    format.cellValue.format.font.color = hex(rule.font);
    format.cellValue.rule = { formula1: `="${rule.equals}"`, operator: "EqualTo" };
  }
}

function hex(argb: Argb): string {
  return `#${argb.slice(-6)}`;
}

function writeBlock(ws: Excel.Worksheet, block: BlockWrite, separator: "," | ";" | undefined): void {
  const rows = block.values.length;
  const cols = block.values[0]?.length ?? 0;
  const range = ws.getRangeByIndexes(block.row - 1, block.col - 1, rows, cols);
  // Text arrives as text: Excel takes `values` as typed ("=…", "+…" and "-…" become formulas, "1.12" a
  // date), so every text cell gets the text format first, in the same batch, before its value.
  range.numberFormat = block.values.map((row) =>
    row.map((v) => (typeof v === "string" && v !== "" ? "@" : (block.numberFormat ?? "General"))),
  );
  range.values = block.values.map((row) => row.map((v) => (v === null ? "" : v)));
  if (block.bold) range.format.font.bold = true;
  // A sentence over several grid columns: each row's cell merged with those to its right (ExcelApi 1.2).
  if (block.span && block.span > 1)
    ws.getRangeByIndexes(block.row - 1, block.col - 1, rows, block.span).merge(true);
  if (block.wrap) {
    range.format.wrapText = true;
    range.format.verticalAlignment = "Top";
  }
  if (block.fills) {
    range.format.fill.clear();
    for (const [colour, addresses] of byColour(block, block.fills)) {
      for (const target of targets(ws, addresses, separator)) target.format.fill.color = hex(colour);
    }
  }
  if (block.fontColors) {
    for (const [colour, addresses] of byColour(block, block.fontColors)) {
      for (const target of targets(ws, addresses, separator)) target.format.font.color = hex(colour);
    }
  }
  // Links to places in the workbook (ExcelApi 1.7): queued with the values, no round trip of their own.
  block.links?.forEach((row, r) =>
    row.forEach((link, c) => {
      if (link) range.getCell(r, c).hyperlink = { documentReference: link };
    }),
  );
}

/** The block's cells grouped by colour, as A1 areas: runs of one colour down a column are one area (G5:G9). */
function byColour(block: BlockWrite, colours: (Argb | undefined)[][]): Map<Argb, string[]> {
  const groups = new Map<Argb, string[]>();
  const width = Math.max(0, ...colours.map((row) => row.length));
  for (let c = 0; c < width; c++) {
    let r = 0;
    while (r < colours.length) {
      const colour = colours[r]?.[c];
      if (!colour) {
        r++;
        continue;
      }
      let end = r;
      while (end + 1 < colours.length && colours[end + 1]?.[c] === colour) end++;
      const from = a1(block.row + r, block.col + c);
      const list = groups.get(colour) ?? [];
      list.push(end === r ? from : `${from}:${a1(block.row + end, block.col + c)}`);
      groups.set(colour, list);
      r = end + 1;
    }
  }
  return groups;
}

/**
 * RangeAreas over the addresses, joined by the host's list separator and chunked below Excel's
 * address-length and area limits; single ranges without one. Guarded: ExcelApi 1.9 (getRanges only with a
 * separator, found only where supports("ExcelApi", "1.9")).
 */
function targets(
  ws: Excel.Worksheet,
  addresses: string[],
  separator: "," | ";" | undefined,
): (Excel.Range | Excel.RangeAreas)[] {
  if (separator === undefined) return addresses.map((address) => ws.getRange(address));
  const out: Excel.RangeAreas[] = [];
  let current: string[] = [];
  let length = 0;
  for (const address of addresses) {
    if (
      (length + address.length + 1 > MAX_AREAS_ADDRESS || current.length >= MAX_AREAS) &&
      current.length > 0
    ) {
      out.push(ws.getRanges(current.join(separator)));
      current = [];
      length = 0;
    }
    current.push(address);
    length += address.length + 1;
  }
  if (current.length > 0) out.push(ws.getRanges(current.join(separator)));
  return out;
}
