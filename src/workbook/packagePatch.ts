import JSZip from "jszip";
import { a1, parseA1, parseRange } from "./address";
import { FILE_FOOTER, fileHeader, PAGE_MARGINS } from "./pageText";

/** Excel's normal margins, for a sheet without a layout. */
const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
import { attr, escapeXml, unescapeXml } from "./xml";
import { BlockWrite, ConditionalFill, SheetLayout, WritePlan, WriteValue } from "./port";

/**
 * The .xlsx writer that changes the original package only where the tool writes: the touched sheets'
 * cells, columns, row heights and conditional formats; the table parts it widens; new xf/dxf entries
 * appended to styles.xml (existing indices unchanged); new sheets with their entries in workbook.xml, its
 * relationships and [Content_Types].xml. Every other part — charts, pivot tables, slicers, macros,
 * threaded comments, whatever it is — is left byte for byte as it was, and so is every part of a touched
 * sheet outside the cells it writes. Strings are written inline (sharedStrings.xml is not touched).
 *
 * XML is edited as text, element by element, in the order the schema requires. Where a package is shaped
 * in a way this writer does not handle (a prefixed main namespace, rows or cells without addresses, a
 * plan that creates tables), `unpatchable` says why and the caller writes with ExcelJS instead.
 */
export class PackagePatcher {
  /** Parts changed or added, by path. */
  private readonly parts = new Map<string, string>();
  /** Parts read as they are in the package (each decompressed once). */
  private readonly read = new Map<string, string>();
  private readonly sheetPaths = new Map<string, string>();
  private styles?: StyleRegistry;
  private readonly ownSheets = new Map<string, SheetBuild>();

  private constructor(private readonly zip: JSZip) {}

  static async open(buffer: Buffer | ArrayBuffer | Uint8Array): Promise<PackagePatcher> {
    const patcher = new PackagePatcher(await JSZip.loadAsync(buffer));
    const workbook = await patcher.part("xl/workbook.xml");
    const rels = await patcher.part("xl/_rels/workbook.xml.rels");
    if (workbook && rels) {
      const targets = new Map(
        [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], "Id"), attr(m[0], "Target")]),
      );
      for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
        const target = targets.get(attr(m[0], "r:id"));
        if (!target) continue;
        const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
        patcher.sheetPaths.set(unescapeXml(attr(m[0], "name") ?? ""), path);
      }
    }
    return patcher;
  }

  /** Why this plan cannot be written by patching the package, or undefined when it can. */
  async unpatchable(plan: WritePlan): Promise<string | undefined> {
    if ((plan.tables ?? []).length > 0) return "the plan creates Excel tables";
    const workbook = await this.part("xl/workbook.xml");
    if (!workbook || !/<workbook\b/.test(workbook))
      return "no workbook part with the main namespace unprefixed";
    if (!(await this.part("xl/styles.xml"))) return "no styles part";
    const touched = new Set([
      ...plan.blocks.map((b) => b.sheet),
      ...plan.conditionalFills.map((c) => c.sheet),
      ...plan.columnWidths.map((c) => c.sheet),
    ]);
    const own = new Set(plan.sheets.map((s) => s.name));
    for (const sheet of touched) {
      if (own.has(sheet) || this.ownSheets.has(sheet)) continue;
      const path = this.sheetPaths.get(sheet);
      const xml = path ? await this.part(path) : undefined;
      if (!xml) return `no part for the sheet ${sheet}`;
      if (!/<worksheet\b/.test(xml))
        return `the sheet ${sheet} is not a worksheet with an unprefixed namespace`;
      if (/<row\b(?![^>]*\br=)/.test(xml) || /<c\b(?![^>]*\br=)/.test(xml))
        return `the sheet ${sheet} has rows or cells without an address`;
    }
    for (const resize of plan.tableResizes)
      if (!(await this.tablePart(resize.table))) return `no part for the table ${resize.table}`;
    return undefined;
  }

  /** Applies a plan (checked with `unpatchable` first) to the package in memory. */
  async apply(plan: WritePlan): Promise<void> {
    this.styles ??= new StyleRegistry((await this.part("xl/styles.xml"))!);
    const styles = this.styles;
    for (const sheet of plan.sheets) await this.ownSheet(sheet.name, sheet.replace);

    const blocksBySheet = groupBy(plan.blocks, (b) => b.sheet);
    const sheets = new Set([
      ...blocksBySheet.keys(),
      ...plan.conditionalFills.map((c) => c.sheet),
      ...plan.columnWidths.map((c) => c.sheet),
      ...(plan.rowHeights ?? []).map((r) => r.sheet),
    ]);
    for (const sheet of sheets) {
      const cells = new Map<number, Map<number, CellWrite>>();
      for (const block of blocksBySheet.get(sheet) ?? []) collectCells(block, cells);
      const widths = plan.columnWidths.filter((w) => w.sheet === sheet);
      const heights = (plan.rowHeights ?? []).filter((h) => h.sheet === sheet);
      const fills = plan.conditionalFills.filter((c) => c.sheet === sheet);
      const own = this.ownSheets.get(sheet);
      if (own) {
        for (const [row, line] of cells) {
          const target = own.cells.get(row) ?? new Map<number, CellWrite>();
          for (const [col, cell] of line) target.set(col, cell);
          own.cells.set(row, target);
        }
        for (const w of widths) own.widths.set(w.col, w.width);
        for (const block of blocksBySheet.get(sheet) ?? [])
          if (block.span && block.span > 1)
            block.values.forEach((_, r) =>
              own.merges.push(
                `${a1(block.row + r, block.col)}:${a1(block.row + r, block.col + block.span! - 1)}`,
              ),
            );
        for (const h of heights) own.heights.set(h.row, h.height);
        own.fills.push(...fills);
        continue;
      }
      const path = this.sheetPaths.get(sheet)!;
      // Three pieces, each patched on its own: a sheet of 100.000 rows is tens of megabytes, and the
      // columns, dimension and rules live in the small pieces around the cells.
      const { head, inner, tail } = splitSheet((await this.part(path))!);
      const data = patchSheetData(inner, cells, heights, styles);
      this.read.delete(path);
      this.parts.set(
        path,
        patchCols(widenDimension(head, data.maxRow, data.maxCol), widths) +
          data.inner +
          patchConditionalFormats(tail, fills, styles),
      );
    }
    for (const layout of plan.layouts ?? []) {
      const own = this.ownSheets.get(layout.sheet);
      if (!own) continue; // layouts are for the tool's own sheets only
      own.layout = layout;
      this.parts.set("xl/workbook.xml", printNames((await this.part("xl/workbook.xml"))!, layout));
    }
    for (const resize of plan.tableResizes) {
      const path = (await this.tablePart(resize.table))!;
      this.parts.set(path, widenTable((await this.part(path))!, resize.addColumns));
    }
    // Formulas elsewhere may read the cells written: Excel recalculates them on opening.
    this.parts.set("xl/workbook.xml", fullCalcOnLoad((await this.part("xl/workbook.xml"))!));
  }

  /** The patched package: untouched parts as they were, in their order; new parts after them. */
  async toBuffer(): Promise<Buffer> {
    for (const build of this.ownSheets.values()) this.parts.set(build.path, build.xml(this.styles!));
    if (this.styles?.changed) this.parts.set("xl/styles.xml", this.styles.xml());
    for (const [path, xml] of this.parts) this.zip.file(path, xml);
    return this.zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", mimeType: MIME_XLSX });
  }

  private async part(path: string): Promise<string | undefined> {
    const cached = this.parts.get(path) ?? this.read.get(path);
    if (cached !== undefined) return cached;
    const text = await this.zip.file(path)?.async("string");
    if (text !== undefined) this.read.set(path, text);
    return text;
  }

  private async tablePart(name: string): Promise<string | undefined> {
    for (const path of Object.keys(this.zip.files).filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))) {
      const xml = (await this.part(path)) ?? "";
      const head = /<table\b[^>]*>/.exec(xml)?.[0] ?? "";
      if (attr(head, "name") === name || attr(head, "displayName") === name) return path;
    }
    return undefined;
  }

  /** A generated sheet: an existing one of ours is rewritten in its own part; a new one gets a part. */
  private async ownSheet(name: string, replace: boolean): Promise<void> {
    if (this.ownSheets.has(name)) return;
    const existing = this.sheetPaths.get(name);
    if (existing && replace) {
      const old = (await this.part(existing)) ?? "";
      // Drawings (a chart drawn on the sheet by the pane) stay attached: the data below them is the same.
      const keep = [...old.matchAll(/<(drawing|legacyDrawing)\b[^>]*\/>/g)].map((m) => m[0]);
      this.ownSheets.set(name, new SheetBuild(existing, keep));
      return;
    }
    const numbers = Object.keys(this.zip.files)
      .map((p) => /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(p)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number);
    const used = new Set([...this.ownSheets.values()].map((s) => s.path));
    let n = Math.max(0, ...numbers) + 1;
    while (used.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const path = `xl/worksheets/sheet${n}.xml`;
    this.ownSheets.set(name, new SheetBuild(path, []));
    this.sheetPaths.set(name, path);

    const rels = (await this.part("xl/_rels/workbook.xml.rels"))!;
    const ids = [...rels.matchAll(/\bId="rId(\d+)"/g)].map((m) => Number(m[1]));
    const rId = `rId${Math.max(0, ...ids) + 1}`;
    this.parts.set(
      "xl/_rels/workbook.xml.rels",
      rels.replace(
        "</Relationships>",
        `<Relationship Id="${rId}" Type="${REL_WORKSHEET}" Target="worksheets/sheet${n}.xml"/></Relationships>`,
      ),
    );
    const workbook = (await this.part("xl/workbook.xml"))!;
    const sheetIds = [...workbook.matchAll(/<sheet\b[^>]*\bsheetId="(\d+)"/g)].map((m) => Number(m[1]));
    this.parts.set(
      "xl/workbook.xml",
      workbook.replace(
        "</sheets>",
        `<sheet name="${escapeXml(name)}" sheetId="${Math.max(0, ...sheetIds) + 1}" r:id="${rId}"/></sheets>`,
      ),
    );
    const types = (await this.part("[Content_Types].xml"))!;
    this.parts.set(
      "[Content_Types].xml",
      types.replace("</Types>", `<Override PartName="/${path}" ContentType="${TYPE_WORKSHEET}"/></Types>`),
    );
  }
}

const MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const REL_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const TYPE_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** One cell to write: its value and the style asked for. */
interface CellWrite {
  value: WriteValue;
  style: StyleRequest;
}

/** What a block asks of a cell's style; undefined leaves that aspect as the cell has it. */
interface StyleRequest {
  numberFormat?: string;
  /** A fill colour, or null for no fill (the block colours some cells and not this one). */
  fill?: string | null;
  /** A font colour, or null for none. */
  fontColor?: string | null;
  bold?: boolean;
  wrap?: boolean;
}

function collectCells(block: BlockWrite, cells: Map<number, Map<number, CellWrite>>): void {
  block.values.forEach((line, r) => {
    const row = block.row + r;
    const target = cells.get(row) ?? new Map<number, CellWrite>();
    cells.set(row, target);
    line.forEach((value, c) => {
      const fill = block.fills ? (block.fills[r]?.[c] ?? null) : undefined;
      const fontColor = block.fontColors ? (block.fontColors[r]?.[c] ?? null) : undefined;
      target.set(block.col + c, { value, style: request(block, fill, fontColor) });
    });
  });
}

/** Style requests are shared: a 100.000-row column asks for a handful of different styles. */
const REQUESTS = new Map<string, StyleRequest>();

function request(
  block: BlockWrite,
  fill: string | null | undefined,
  fontColor: string | null | undefined,
): StyleRequest {
  const key = `${block.numberFormat ?? ""}|${fill === undefined ? "~" : (fill ?? "-")}|${fontColor === undefined ? "~" : (fontColor ?? "-")}|${block.bold ? 1 : 0}|${block.wrap ? 1 : 0}`;
  let style = REQUESTS.get(key);
  if (!style) {
    style = {};
    if (block.numberFormat) style.numberFormat = block.numberFormat;
    if (fill !== undefined) style.fill = fill;
    if (fontColor !== undefined) style.fontColor = fontColor;
    if (block.bold) style.bold = true;
    if (block.wrap) style.wrap = true;
    REQUESTS.set(key, style);
  }
  return style;
}

/** A sheet the tool owns entirely, built from scratch when the package is written. */
class SheetBuild {
  readonly cells = new Map<number, Map<number, CellWrite>>();
  readonly widths = new Map<number, number>();
  readonly heights = new Map<number, number>();
  readonly fills: ConditionalFill[] = [];
  /** Merged areas ("E5:J5"). */
  readonly merges: string[] = [];
  layout?: SheetLayout;

  constructor(
    readonly path: string,
    private readonly keep: string[],
  ) {}

  xml(styles: StyleRegistry): string {
    const rows = [...this.cells.keys()].sort((a, b) => a - b);
    let right = 1;
    const data = rows
      .map((row) => {
        const line = this.cells.get(row)!;
        const cols = [...line.keys()].sort((a, b) => a - b);
        right = Math.max(right, cols.at(-1) ?? 1);
        const height = this.heights.get(row);
        const attrs = height === undefined ? "" : ` ht="${height}" customHeight="1"`;
        return `<row r="${row}"${attrs}>${cols.map((col) => cellXml(row, col, line.get(col)!, 0, styles)).join("")}</row>`;
      })
      .join("");
    const bottom = rows.at(-1) ?? 1;
    const widths = [...this.widths].sort(([a], [b]) => a - b);
    const cols =
      widths.length > 0
        ? `<cols>${widths.map(([col, w]) => `<col min="${col}" max="${col}" width="${w}" customWidth="1"/>`).join("")}</cols>`
        : "";
    const layout = this.layout;
    const pane = layout
      ? `<pane ySplit="${layout.headerRows}" topLeftCell="A${layout.headerRows + 1}" activePane="bottomLeft" state="frozen"/>`
      : "";
    const breaks = layout?.pageBreaks ?? [];
    const print = layout
      ? `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
        `<headerFooter>${layout.printTitle ? `<oddHeader>${escapeXml(fileHeader(layout.printTitle))}</oddHeader>` : ""}<oddFooter>${escapeXml(FILE_FOOTER)}</oddFooter></headerFooter>` +
        // A break's id is the last row of the page before it.
        (breaks.length > 0
          ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((row) => `<brk id="${row - 1}" max="16383" man="1"/>`).join("")}</rowBreaks>`
          : "")
      : "";
    const merges =
      this.merges.length > 0
        ? `<mergeCells count="${this.merges.length}">${this.merges.map((ref) => `<mergeCell ref="${ref}"/>`).join("")}</mergeCells>`
        : "";
    let xml =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      (layout ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "") +
      `<dimension ref="A1:${a1(bottom, right)}"/>` +
      `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
      `${cols}<sheetData>${data}</sheetData>${merges}` +
      `<pageMargins ${Object.entries(layout ? PAGE_MARGINS : DEFAULT_MARGINS)
        .map(([side, inches]) => `${side}="${inches}"`)
        .join(" ")}/>` +
      `${print}${this.keep.join("")}</worksheet>`;
    xml = patchConditionalFormats(xml, this.fills, styles);
    return xml;
  }
}

/** A cell element: the value as a number or an inline string, with the style asked for over its base. */
function cellXml(row: number, col: number, cell: CellWrite, base: number, styles: StyleRegistry): string {
  const s = styles.styleFor(base, cell.style);
  const address = a1(row, col);
  const style = s === 0 ? "" : ` s="${s}"`;
  const { value } = cell;
  if (value === null || value === "") return `<c r="${address}"${style}/>`;
  if (typeof value === "number") return `<c r="${address}"${style}><v>${String(value)}</v></c>`;
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : "";
  return `<c r="${address}"${style} t="inlineStr"><is><t${space}>${escapeXml(value)}</t></is></c>`;
}

/**
 * Writes cells into <sheetData>: rows the plan does not touch stay as they were, character for character;
 * in a touched row only the written cells change (a replaced cell keeps its style as the base of the new
 * one), and rows or cells that did not exist are inserted in order.
 */
/** A worksheet split around its cells: up to and with <sheetData>, the rows, from </sheetData> on. */
function splitSheet(xml: string): { head: string; inner: string; tail: string } {
  const empty = /<sheetData\s*\/>/.exec(xml);
  if (empty)
    return {
      head: `${xml.slice(0, empty.index)}<sheetData>`,
      inner: "",
      tail: `</sheetData>${xml.slice(empty.index + empty[0].length)}`,
    };
  const open = /<sheetData\b[^>]*>/.exec(xml)!;
  const start = open.index + open[0].length;
  const end = xml.indexOf("</sheetData>", start);
  return { head: xml.slice(0, start), inner: xml.slice(start, end), tail: xml.slice(end) };
}

/**
 * Writes cells into the rows of <sheetData>: rows the plan does not touch stay as they were, character
 * for character; in a touched row only the written cells change (a replaced cell keeps its style as the
 * base of the new one), and rows or cells that did not exist are inserted in order.
 */
function patchSheetData(
  inner: string,
  cells: Map<number, Map<number, CellWrite>>,
  heights: { row: number; height: number }[],
  styles: StyleRegistry,
): { inner: string; maxRow: number; maxCol: number } {
  const heightOf = new Map(heights.map((h) => [h.row, h.height]));
  const touched = new Set([...cells.keys(), ...heightOf.keys()]);
  let maxCol = 0;
  let maxRow = 0;
  for (const [row, line] of cells) {
    maxRow = Math.max(maxRow, row);
    for (const col of line.keys()) maxCol = Math.max(maxCol, col);
  }
  if (touched.size === 0) return { inner, maxRow, maxCol };
  const out: string[] = [];
  const pending = [...touched].sort((a, b) => a - b);
  let next = 0;
  let last = 0;
  const rowPattern = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
  const newRow = (row: number) => rowXml(row, "", "", cells.get(row), heightOf.get(row), styles);
  for (let m = rowPattern.exec(inner); m; m = rowPattern.exec(inner)) {
    const row = Number(attr(m[1]!, "r"));
    if (next < pending.length && pending[next]! < row) {
      // Rows that did not exist go right before the first row below them.
      out.push(inner.slice(last, m.index));
      last = m.index;
      while (next < pending.length && pending[next]! < row) out.push(newRow(pending[next++]!));
    }
    if (next < pending.length && pending[next] === row) {
      out.push(inner.slice(last, m.index));
      out.push(rowXml(row, m[1]!, m[2] ?? "", cells.get(row), heightOf.get(row), styles));
      next++;
      last = m.index + m[0].length;
    }
  }
  out.push(inner.slice(last));
  while (next < pending.length) out.push(newRow(pending[next++]!));
  return { inner: out.join(""), maxRow, maxCol };
}

function rowXml(
  row: number,
  attrs: string,
  inner: string,
  writes: Map<number, CellWrite> | undefined,
  height: number | undefined,
  styles: StyleRegistry,
): string {
  // spans is a hint of the row's columns; it goes when the row's cells change.
  let a = attrs.replace(/\s+spans="[^"]*"/, "");
  if (!/\br="/.test(a)) a = ` r="${row}"${a}`;
  if (height !== undefined) {
    a = a.replace(/\s+ht="[^"]*"/, "").replace(/\s+customHeight="[^"]*"/, "");
    a += ` ht="${height}" customHeight="1"`;
  }
  const existing: { col: number; xml: string }[] = [];
  for (const m of inner.matchAll(/<c\b([^>]*?)(?:\/>|>[\s\S]*?<\/c>)/g)) {
    existing.push({ col: parseA1(attr(m[1]!, "r")!).col, xml: m[0] });
  }
  const byCol = new Map(existing.map((e) => [e.col, e]));
  const cols = new Set([...byCol.keys(), ...(writes?.keys() ?? [])]);
  const cellsXml = [...cols]
    .sort((x, y) => x - y)
    .map((col) => {
      const write = writes?.get(col);
      const old = byCol.get(col);
      if (!write) return old!.xml;
      const base = old ? Number(attr(/<c\b[^>]*>/.exec(old.xml)![0], "s") ?? 0) : 0;
      return cellXml(row, col, write, base, styles);
    })
    .join("");
  return `<row${a}>${cellsXml}</row>`;
}

function widenDimension(xml: string, maxRow: number, maxCol: number): string {
  if (maxRow === 0 || maxCol === 0) return xml;
  return xml.replace(/<dimension\b[^>]*\bref="([^"]*)"[^>]*\/>/, (whole, ref: string) => {
    const [first, second] = ref.split(":");
    const top = parseA1(first!);
    const bottom = parseA1(second ?? first!);
    const wider = a1(Math.max(bottom.row, maxRow), Math.max(bottom.col, maxCol));
    return whole.replace(`ref="${ref}"`, `ref="${a1(top.row, top.col)}:${wider}"`);
  });
}

/** Column widths: a <col> range covering the column is split; a new one goes in order. */
function patchCols(xml: string, widths: { col: number; width: number }[]): string {
  if (widths.length === 0) return xml;
  const match = /<cols>([\s\S]*?)<\/cols>/.exec(xml);
  let cols = match
    ? [...match[1]!.matchAll(/<col\b[^>]*\/>/g)].map((m) => ({
        min: Number(attr(m[0], "min")),
        max: Number(attr(m[0], "max")),
        xml: m[0],
      }))
    : [];
  for (const { col, width } of widths) {
    const next: typeof cols = [];
    for (const c of cols) {
      if (col < c.min || col > c.max) {
        next.push(c);
        continue;
      }
      if (c.min < col) next.push(withRange(c.xml, c.min, col - 1));
      if (col < c.max) next.push(withRange(c.xml, col + 1, c.max));
    }
    const own = `<col min="${col}" max="${col}" width="${width}" customWidth="1"/>`;
    next.push({ min: col, max: col, xml: own });
    cols = next.sort((a, b) => a.min - b.min);
  }
  const element = `<cols>${cols.map((c) => c.xml).join("")}</cols>`;
  if (match) return xml.slice(0, match.index) + element + xml.slice(match.index + match[0].length);
  const at = xml.search(/<sheetData\b/);
  return xml.slice(0, at) + element + xml.slice(at);
}

function withRange(xml: string, min: number, max: number): { min: number; max: number; xml: string } {
  return {
    min,
    max,
    xml: xml.replace(/\bmin="\d+"/, `min="${min}"`).replace(/\bmax="\d+"/, `max="${max}"`),
  };
}

/** Elements that come after <conditionalFormatting> in a worksheet, in schema order. */
const AFTER_CONDITIONAL = [
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

const OUR_RULE_TEXTS = new Set(['"GRØN"', '"GUL"', '"RØD"']);

/** The flag rules: the tool's earlier rules on the same range go, the user's stay; new ones are added. */
function patchConditionalFormats(xml: string, fills: ConditionalFill[], styles: StyleRegistry): string {
  if (fills.length === 0) return xml;
  const cut = Math.max(0, xml.lastIndexOf("</sheetData>"));
  const head = xml.slice(0, cut);
  xml = xml.slice(cut);
  for (const fill of fills) {
    xml = xml.replace(/<conditionalFormatting\b[^>]*>[\s\S]*?<\/conditionalFormatting>/g, (block) => {
      const sqref = attr(/<conditionalFormatting\b[^>]*>/.exec(block)![0], "sqref");
      const rules = [...block.matchAll(/<cfRule\b[^>]*>[\s\S]*?<\/cfRule>|<cfRule\b[^>]*\/>/g)].map(
        (m) => m[0],
      );
      const ours =
        sqref === fill.range &&
        rules.length > 0 &&
        rules.every((rule) => {
          const head = /<cfRule\b[^>]*>/.exec(rule)![0];
          const formulas = [...rule.matchAll(/<formula>([\s\S]*?)<\/formula>/g)].map((m) =>
            unescapeXml(m[1]!),
          );
          return (
            attr(head, "type") === "cellIs" &&
            attr(head, "operator") === "equal" &&
            formulas.every((f) => OUR_RULE_TEXTS.has(f))
          );
        });
      return ours ? "" : block;
    });
  }
  xml = head + xml;
  const priorities = [...xml.slice(cut).matchAll(/<(?:x14:)?cfRule\b[^>]*\bpriority="(\d+)"/g)].map((m) =>
    Number(m[1]),
  );
  let priority = Math.max(0, ...priorities);
  const blocks = fills
    .map(
      (fill) =>
        `<conditionalFormatting sqref="${fill.range}">` +
        fill.rules
          .map(
            (rule) =>
              `<cfRule type="cellIs" dxfId="${styles.dxfFor(rule.fill, rule.font)}" priority="${++priority}" operator="equal"><formula>${escapeXml(`"${rule.equals}"`)}</formula></cfRule>`,
          )
          .join("") +
        `</conditionalFormatting>`,
    )
    .join("");
  const lastOwn = xml.lastIndexOf("</conditionalFormatting>");
  if (lastOwn >= cut) {
    const at = lastOwn + "</conditionalFormatting>".length;
    return xml.slice(0, at) + blocks + xml.slice(at);
  }
  // Everything that may follow comes after the cells: search only there (a sheet can be megabytes).
  const from = Math.max(0, xml.lastIndexOf("</sheetData>"));
  const tail = xml.slice(from);
  for (const name of AFTER_CONDITIONAL) {
    const at = tail.search(new RegExp(`<${name}\\b`));
    if (at >= 0) return xml.slice(0, from + at) + blocks + xml.slice(from + at);
  }
  const end = xml.lastIndexOf("</worksheet>");
  return xml.slice(0, end) + blocks + xml.slice(end);
}

/** A table part widened by new columns to the right (their header cells are written with the plan). */
function widenTable(xml: string, headers: string[]): string {
  const head = /<table\b[^>]*>/.exec(xml)![0];
  const ref = attr(head, "ref")!;
  const bounds = parseRange(ref);
  const right = bounds.right + headers.length;
  const wider = `${a1(bounds.top, bounds.left)}:${a1(bounds.bottom, right)}`;
  let out = xml.replace(head, head.replace(`ref="${ref}"`, `ref="${wider}"`));
  out = out.replace(/<autoFilter\b[^>]*\bref="([^"]*)"/, (whole, filterRef: string) => {
    const f = parseRange(filterRef);
    return whole.replace(`ref="${filterRef}"`, `ref="${a1(f.top, f.left)}:${a1(f.bottom, right)}"`);
  });
  const ids = [...out.matchAll(/<tableColumn\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
  let id = Math.max(0, ...ids);
  const added = headers.map((h) => `<tableColumn id="${++id}" name="${escapeXml(h)}"/>`).join("");
  out = out.replace(/<tableColumns\b([^>]*)\bcount="(\d+)"/, (_w, before: string, count: string) => {
    return `<tableColumns${before}count="${Number(count) + headers.length}"`;
  });
  return out.replace("</tableColumns>", `${added}</tableColumns>`);
}

/**
 * The sheet's print titles (its header rows on every page) and print area: the defined names
 * _xlnm.Print_Titles and _xlnm.Print_Area local to the sheet.
 */
function printNames(xml: string, layout: SheetLayout): string {
  const quoted = `'${layout.sheet.replace(/'/g, "''")}'`;
  let out = sheetDefinedName(xml, layout.sheet, "_xlnm.Print_Titles", `${quoted}!$1:$${layout.headerRows}`);
  if (layout.printArea) {
    const absolute = layout.printArea.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    out = sheetDefinedName(out, layout.sheet, "_xlnm.Print_Area", `${quoted}!${absolute}`);
  }
  return out;
}

/**
 * A defined name local to a sheet, replacing one of the same name it had; <definedNames> is created where
 * the schema puts it if absent.
 */
function sheetDefinedName(xml: string, sheet: string, name: string, value: string): string {
  const names = [...xml.matchAll(/<sheet\b[^>]*>/g)].map((m) => unescapeXml(attr(m[0], "name") ?? ""));
  const index = names.indexOf(sheet);
  if (index < 0) return xml;
  const element = `<definedName name="${name}" localSheetId="${index}">${escapeXml(value)}</definedName>`;
  const existing = new RegExp(
    `<definedName\\b(?=[^>]*\\bname="${name.replace(".", "\\.")}")(?=[^>]*\\blocalSheetId="${index}")[^>]*>[\\s\\S]*?</definedName>`,
  );
  if (existing.test(xml)) return xml.replace(existing, element);
  if (/<definedNames>/.test(xml)) return xml.replace("</definedNames>", `${element}</definedNames>`);
  if (/<definedNames\s*\/>/.test(xml))
    return xml.replace(/<definedNames\s*\/>/, `<definedNames>${element}</definedNames>`);
  const after = ["</externalReferences>", "</functionGroups>", "</sheets>"].find((tag) => xml.includes(tag))!;
  const at = xml.indexOf(after) + after.length;
  return `${xml.slice(0, at)}<definedNames>${element}</definedNames>${xml.slice(at)}`;
}

/** Asks Excel to recalculate on opening: formulas may read the cells the tool wrote. */
function fullCalcOnLoad(xml: string): string {
  const calc = /<calcPr\b[^>]*?\/?>/.exec(xml);
  if (calc) {
    if (/\bfullCalcOnLoad="/.test(calc[0]))
      return xml.replace(calc[0], calc[0].replace(/fullCalcOnLoad="[^"]*"/, 'fullCalcOnLoad="1"'));
    return xml.replace(calc[0], calc[0].replace(/<calcPr\b/, '<calcPr fullCalcOnLoad="1"'));
  }
  for (const name of [
    "oleSize",
    "customWorkbookViews",
    "pivotCaches",
    "smartTagPr",
    "smartTagTypes",
    "webPublishing",
    "fileRecoveryPr",
    "webPublishObjects",
    "extLst",
  ]) {
    const at = xml.search(new RegExp(`<${name}\\b`));
    if (at >= 0) return xml.slice(0, at) + '<calcPr fullCalcOnLoad="1"/>' + xml.slice(at);
  }
  const end = xml.lastIndexOf("</workbook>");
  return xml.slice(0, end) + '<calcPr fullCalcOnLoad="1"/>' + xml.slice(end);
}

/** Built-in number formats by code (ECMA-376 18.8.30). */
const BUILTIN_FORMATS = new Map([
  ["General", 0],
  ["0", 1],
  ["0.00", 2],
  ["#,##0", 3],
  ["#,##0.00", 4],
  ["0%", 9],
  ["0.00%", 10],
  ["@", 49],
]);

/** Font children in schema order (CT_Font). */
const FONT_ORDER = [
  "b",
  "i",
  "strike",
  "condense",
  "extend",
  "outline",
  "shadow",
  "u",
  "vertAlign",
  "sz",
  "color",
  "name",
  "family",
  "charset",
  "scheme",
];

/**
 * styles.xml with entries appended: number formats, fonts, fills, cell formats (xf) and differential
 * formats (dxf) the writes need. Existing entries keep their indices, so every untouched cell looks as
 * before; equal requests share one new entry.
 */
class StyleRegistry {
  private numFmts: { id: number; code: string }[];
  private readonly fonts: string[];
  private readonly fills: string[];
  private readonly xfs: string[];
  private readonly dxfs: string[];
  private readonly added = { numFmts: 0, fonts: 0, fills: 0, xfs: 0, dxfs: 0 };
  private readonly memo = new Map<StyleRequest, Map<number, number>>();

  constructor(private readonly source: string) {
    this.numFmts = [...(section(source, "numFmts") ?? "").matchAll(/<numFmt\b[^>]*\/>/g)].map((m) => ({
      id: Number(attr(m[0], "numFmtId")),
      code: unescapeXml(attr(m[0], "formatCode") ?? ""),
    }));
    this.fonts = items(section(source, "fonts"), "font");
    this.fills = items(section(source, "fills"), "fill");
    this.xfs = items(section(source, "cellXfs"), "xf");
    this.dxfs = items(section(source, "dxfs"), "dxf");
  }

  get changed(): boolean {
    return Object.values(this.added).some((n) => n > 0);
  }

  styleFor(base: number, request: StyleRequest): number {
    let byBase = this.memo.get(request);
    if (!byBase) this.memo.set(request, (byBase = new Map<number, number>()));
    const known = byBase.get(base);
    if (known !== undefined) return known;
    const xf =
      this.xfs[base] ?? this.xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const head = /<xf\b[^>]*?\/?>/.exec(xf)![0];
    let numFmtId = Number(attr(head, "numFmtId") ?? 0);
    let fontId = Number(attr(head, "fontId") ?? 0);
    let fillId = Number(attr(head, "fillId") ?? 0);
    const borderId = attr(head, "borderId") ?? "0";
    const xfId = attr(head, "xfId") ?? "0";
    if (request.numberFormat !== undefined) numFmtId = this.numFmtId(request.numberFormat);
    if (request.bold || request.fontColor !== undefined) fontId = this.font(fontId, request);
    if (request.fill !== undefined) fillId = request.fill === null ? 0 : this.fill(request.fill);
    let children = xf.endsWith("/>") ? "" : xf.slice(head.length, xf.lastIndexOf("</xf>"));
    if (request.wrap) {
      const alignment = /<alignment\b[^>]*\/>/.exec(children)?.[0];
      const kept = (alignment ?? "<alignment/>")
        .replace(/\s+(wrapText|vertical)="[^"]*"/g, "")
        .replace(/<alignment\b/, '<alignment wrapText="1" vertical="top"');
      children = alignment ? children.replace(alignment, kept) : kept + children;
    }
    const applied = [
      numFmtId !== 0 ? ' applyNumberFormat="1"' : "",
      ' applyFont="1"',
      fillId !== 0 ? ' applyFill="1"' : "",
      /<alignment\b/.test(children) ? ' applyAlignment="1"' : "",
    ].join("");
    const element =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="${xfId}"${applied}` +
      (children ? `>${children}</xf>` : "/>");
    const existing = this.xfs.indexOf(element);
    const index = existing >= 0 ? existing : this.xfs.push(element) - 1;
    if (existing < 0) this.added.xfs++;
    byBase.set(base, index);
    return index;
  }

  dxfFor(fill: string, font: string): number {
    const element = `<dxf><font><color rgb="${font}"/></font><fill><patternFill><bgColor rgb="${fill}"/></patternFill></fill></dxf>`;
    const existing = this.dxfs.indexOf(element);
    if (existing >= 0) return existing;
    this.added.dxfs++;
    return this.dxfs.push(element) - 1;
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN_FORMATS.get(code);
    if (builtin !== undefined) return builtin;
    const known = this.numFmts.find((f) => f.code === code);
    if (known) return known.id;
    const id = Math.max(163, ...this.numFmts.map((f) => f.id)) + 1;
    this.numFmts.push({ id, code });
    this.added.numFmts++;
    return id;
  }

  private font(base: number, request: StyleRequest): number {
    const source = this.fonts[base] ?? this.fonts[0] ?? "<font/>";
    const children = new Map<string, string>();
    // The font's children (b, sz, color, name …), inside <font> … </font>.
    const inner = /^<font\b[^>]*?(?:\/>|>([\s\S]*)<\/font>)$/.exec(source)?.[1] ?? "";
    for (const m of inner.matchAll(/<(\w+)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g)) children.set(m[1]!, m[0]);
    if (request.bold) children.set("b", "<b/>");
    if (request.fontColor === null) children.delete("color");
    else if (request.fontColor !== undefined) children.set("color", `<color rgb="${request.fontColor}"/>`);
    const order = [...children.keys()].sort((x, y) => rank(FONT_ORDER, x) - rank(FONT_ORDER, y));
    const element = `<font>${order.map((k) => children.get(k)).join("")}</font>`;
    const existing = this.fonts.indexOf(element);
    if (existing >= 0) return existing;
    this.added.fonts++;
    return this.fonts.push(element) - 1;
  }

  private fill(colour: string): number {
    const element = `<fill><patternFill patternType="solid"><fgColor rgb="${colour}"/><bgColor indexed="64"/></patternFill></fill>`;
    const existing = this.fills.indexOf(element);
    if (existing >= 0) return existing;
    this.added.fills++;
    return this.fills.push(element) - 1;
  }

  /** styles.xml with the lists replaced where entries were added (the rest as it was). */
  xml(): string {
    let xml = this.source;
    const list = (name: string, entries: string[]) =>
      `<${name} count="${entries.length}">${entries.join("")}</${name}>`;
    if (this.added.numFmts > 0) {
      const element = list(
        "numFmts",
        this.numFmts.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`),
      );
      xml = replaceSection(xml, "numFmts", element, ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs"]);
    }
    if (this.added.fonts > 0) xml = replaceSection(xml, "fonts", list("fonts", this.fonts), ["fills"]);
    if (this.added.fills > 0) xml = replaceSection(xml, "fills", list("fills", this.fills), ["borders"]);
    if (this.added.xfs > 0) xml = replaceSection(xml, "cellXfs", list("cellXfs", this.xfs), ["cellStyles"]);
    if (this.added.dxfs > 0)
      xml = replaceSection(xml, "dxfs", list("dxfs", this.dxfs), ["tableStyles", "colors", "extLst"]);
    return xml;
  }
}

function rank(order: string[], name: string): number {
  const i = order.indexOf(name);
  return i < 0 ? order.length : i;
}

/** The inner XML of a top-level element of styles.xml, or undefined when absent (or empty). */
function section(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${name}>)`).exec(xml);
  return m ? (m[1] ?? "") : undefined;
}

function items(inner: string | undefined, name: string): string[] {
  if (!inner) return [];
  return [...inner.matchAll(new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, "g"))].map(
    (m) => m[0],
  );
}

/** Replaces a section, or inserts it before the first of `before` present (else before the end). */
function replaceSection(xml: string, name: string, element: string, before: string[]): string {
  const m = new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`).exec(xml);
  if (m) return xml.slice(0, m.index) + element + xml.slice(m.index + m[0].length);
  for (const next of before) {
    const at = xml.search(new RegExp(`<${next}\\b`));
    if (at >= 0) return xml.slice(0, at) + element + xml.slice(at);
  }
  const end = xml.lastIndexOf("</styleSheet>");
  return xml.slice(0, end) + element + xml.slice(end);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}
