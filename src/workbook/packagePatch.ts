import JSZip from "jszip";
import { a1, parseA1, parseRange } from "./address";
import { FILE_FOOTER, fileHeader, PAGE_MARGINS } from "./pageText";
import { escapeXml, unescapeXml } from "./xml";
import { attrOf, rootOf, splice, startTag, withPrefix, XmlDoc, XmlElement, XmlError } from "./xmlScan";
import {
  CONTENT_TYPES_NS,
  ContentTypes,
  Flavour,
  flavourOf,
  PACKAGE_RELS_NS,
  readRelationships,
  relsPathOf,
  TRANSITIONAL,
  workbookPartPath,
  workbookSheets,
  zipEntry,
} from "./opc";
import { BlockWrite, ConditionalFill, OWN_RULE_FORMULAS, SheetLayout, WritePlan, WriteValue } from "./port";

/** Excel's normal margins, for a sheet without a layout. */
const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/**
 * The .xlsx writer that changes the original package only where the tool writes: the touched sheets'
 * cells, columns, row heights and conditional formats; the table parts it widens; new xf/dxf entries
 * appended to the styles part (existing indices unchanged); new sheets with their entries in the
 * workbook part, its relationships and [Content_Types].xml. Every other part — charts, pivot tables,
 * slicers, macros, threaded comments, whatever it is — is left byte for byte as it was, and so is every
 * part of a touched sheet outside the elements it writes.
 *
 * Every part is read with a namespace-aware XML scanner (xmlScan.ts) and edited by the offsets of the
 * elements it finds: a prefixed main namespace, single-quoted attributes, comments and CDATA are read as
 * XML reads them, and what is written uses the prefixes the part declares. Parts are found through the
 * package's relationships (absolute or relative targets), not by their usual paths. Strings are written
 * inline (the shared strings are not touched).
 */
export class PackagePatcher {
  /** Parts changed or added, by path. */
  private readonly parts = new Map<string, string>();
  /** Parts read as they are in the package (each decompressed once). */
  private readonly read = new Map<string, string>();
  private readonly sheetPaths = new Map<string, string>();
  private styles?: StyleRegistry;
  private readonly ownSheets = new Map<string, SheetBuild>();
  private flavour: Flavour = TRANSITIONAL;
  private workbookPath = "xl/workbook.xml";
  private stylesPath?: string;
  /** The workbook part's content type is macro-enabled (.xlsm). */
  macroEnabled = false;
  /** The workbook's structure is locked (<workbookProtection lockStructure="1"/>). */
  structureProtected = false;
  /** Why the package's workbook cannot be read or is not one (then nothing is patched). */
  private broken?: string;

  private constructor(private readonly zip: JSZip) {}

  static async open(buffer: Buffer | ArrayBuffer | Uint8Array): Promise<PackagePatcher> {
    const patcher = new PackagePatcher(await JSZip.loadAsync(buffer));
    try {
      await patcher.readStructure();
    } catch (error) {
      if (!(error instanceof XmlError)) throw error;
      patcher.broken = `a part is not well-formed XML (${error.message})`;
    }
    return patcher;
  }

  private async readStructure(): Promise<void> {
    this.workbookPath = await workbookPartPath(this.zip);
    const workbook = await this.part(this.workbookPath);
    if (!workbook) {
      this.broken = "no workbook part";
      return;
    }
    const doc = new XmlDoc(workbook);
    const flavour = flavourOf(doc.root.ns);
    if (!flavour || doc.root.local !== "workbook") {
      this.broken = "the workbook part is not a SpreadsheetML workbook";
      return;
    }
    this.flavour = flavour;
    const types = await this.part("[Content_Types].xml");
    this.macroEnabled = Boolean(
      types && new ContentTypes(types).of(this.workbookPath)?.includes("macroEnabled"),
    );
    const protection = doc.child(doc.root, flavour.main, "workbookProtection");
    const lock = protection ? attrOf(protection, "lockStructure") : undefined;
    this.structureProtected = lock === "1" || lock === "true";
    const rels = readRelationships(await this.part(relsPathOf(this.workbookPath)), this.workbookPath);
    const byId = new Map(rels.map((r) => [r.id, r]));
    for (const sheet of workbookSheets(doc, flavour)) {
      const rel = byId.get(sheet.rid);
      if (rel && !rel.external) this.sheetPaths.set(sheet.name, rel.target);
    }
    this.stylesPath = rels.find((r) => r.type === `${flavour.relTypes}/styles` && !r.external)?.target;
  }

  /** Why this plan cannot be written by patching the package, or undefined when it can. */
  async unpatchable(plan: WritePlan): Promise<string | undefined> {
    if (this.broken) return this.broken;
    if ((plan.tables ?? []).length > 0) return "the plan creates Excel tables";
    if (!(await this.part("[Content_Types].xml"))) return "no [Content_Types].xml";
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
      const sheetRoot = rootOf(xml);
      if (sheetRoot.local !== "worksheet" || sheetRoot.ns !== this.flavour.main)
        return `the sheet ${sheet} is not a worksheet`;
    }
    for (const resize of plan.tableResizes)
      if (!(await this.tablePart(resize.table))) return `no part for the table ${resize.table}`;
    return undefined;
  }

  /** Applies a plan (checked with `unpatchable` first) to the package in memory. */
  async apply(plan: WritePlan): Promise<void> {
    this.styles ??= await this.openStyles();
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
          block.links?.forEach((line, r) =>
            line.forEach((link, c) => {
              if (link) own.links.set(a1(block.row + r, block.col + c), link);
            }),
          );
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
      const xml = patchWorksheet(
        (await this.part(path))!,
        this.flavour,
        cells,
        widths,
        heights,
        fills,
        styles,
      );
      this.read.delete(path);
      this.parts.set(path, xml);
    }
    for (const layout of plan.layouts ?? []) {
      const own = this.ownSheets.get(layout.sheet);
      if (!own) continue; // layouts are for the tool's own sheets only
      own.layout = layout;
      this.parts.set(
        this.workbookPath,
        printNames((await this.part(this.workbookPath))!, this.flavour, layout),
      );
    }
    for (const resize of plan.tableResizes) {
      const path = (await this.tablePart(resize.table))!;
      this.parts.set(path, widenTable((await this.part(path))!, resize.addColumns));
    }
    // Formulas elsewhere may read the cells written: Excel recalculates them on opening.
    this.parts.set(this.workbookPath, fullCalcOnLoad((await this.part(this.workbookPath))!, this.flavour));
  }

  /** Each sheet's part, by the sheet's name (from the workbook part and its relationships). */
  get sheets(): ReadonlyMap<string, string> {
    return this.sheetPaths;
  }

  /** The parts of the original package, by path. */
  partNames(): string[] {
    return Object.keys(this.zip.files).filter((p) => !this.zip.files[p]!.dir);
  }

  /** The patched package: untouched parts as they were, in their order; new parts after them. */
  async toBuffer(): Promise<Buffer> {
    for (const build of this.ownSheets.values())
      this.parts.set(build.path, build.xml(this.styles!, this.flavour));
    if (this.styles?.changed) this.parts.set(this.styles.path, this.styles.xml());
    for (const [path, xml] of this.parts) this.zip.file(path, xml);
    return this.zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", mimeType: MIME_XLSX });
  }

  private async part(path: string): Promise<string | undefined> {
    const cached = this.parts.get(path) ?? this.read.get(path);
    if (cached !== undefined) return cached;
    const text = await zipEntry(this.zip, path)?.async("string");
    if (text !== undefined) this.read.set(path, text);
    return text;
  }

  /** The styles part; a package without one gets one (Excel's defaults), with its relationship and type. */
  private async openStyles(): Promise<StyleRegistry> {
    const existing = this.stylesPath ? await this.part(this.stylesPath) : undefined;
    if (existing) return new StyleRegistry(this.stylesPath!, existing, this.flavour);
    const path = this.freePath((n) => (n === 1 ? "xl/styles.xml" : `xl/styles${n}.xml`));
    this.stylesPath = path;
    this.addRelationship(await this.workbookRels(), `${this.flavour.relTypes}/styles`, path);
    await this.addOverride(path, TYPE_STYLES);
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${this.flavour.main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`;
    const registry = new StyleRegistry(path, xml, this.flavour);
    registry.markChanged();
    return registry;
  }

  /** The first part name `name(1)`, `name(2)` … that is not in the package, written, or an own sheet's. */
  private freePath(name: (n: number) => string): string {
    const taken = new Set(
      [
        ...Object.keys(this.zip.files),
        ...this.parts.keys(),
        ...[...this.ownSheets.values()].map((s) => s.path),
      ].map((p) => p.toLowerCase()),
    );
    let n = 1;
    while (taken.has(name(n).toLowerCase())) n++;
    return name(n);
  }

  private async workbookRels(): Promise<string> {
    return (
      (await this.part(relsPathOf(this.workbookPath))) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS_NS}"></Relationships>`
    );
  }

  /** Adds a relationship to the workbook's .rels (its target relative to the workbook part); returns its id. */
  private addRelationship(rels: string, type: string, targetPath: string): string {
    const doc = new XmlDoc(rels);
    const ids = new Set(doc.children(doc.root).map((r) => attrOf(r, "Id")));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const p = doc.prefixFor(doc.root, PACKAGE_RELS_NS) ?? "";
    const element = withPrefix(
      `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(relativeTarget(this.workbookPath, targetPath))}"/>`,
      p,
    );
    this.parts.set(relsPathOf(this.workbookPath), insertInto(doc, doc.root, element));
    return id;
  }

  private async addOverride(path: string, type: string): Promise<void> {
    const types = (await this.part("[Content_Types].xml"))!;
    const doc = new XmlDoc(types);
    const p = doc.prefixFor(doc.root, CONTENT_TYPES_NS) ?? "";
    this.parts.set(
      "[Content_Types].xml",
      insertInto(
        doc,
        doc.root,
        withPrefix(`<Override PartName="/${escapeXml(path)}" ContentType="${type}"/>`, p),
      ),
    );
  }

  /** The part of a table by its name: every part whose content type is a table. */
  private async tablePart(name: string): Promise<string | undefined> {
    const types = new ContentTypes((await this.part("[Content_Types].xml")) ?? "<Types/>");
    for (const path of Object.keys(this.zip.files)) {
      if (types.of(path) !== TYPE_TABLE) continue;
      const root = new XmlDoc((await this.part(path)) ?? "").root;
      if (attrOf(root, "name") === name || attrOf(root, "displayName") === name) return path;
    }
    return undefined;
  }

  /** A generated sheet: an existing one of ours is rewritten in its own part; a new one gets a part. */
  private async ownSheet(name: string, replace: boolean): Promise<void> {
    if (this.ownSheets.has(name)) return;
    const existing = this.sheetPaths.get(name);
    if (existing && replace) {
      const old = new XmlDoc((await this.part(existing)) ?? "");
      // Drawings (a chart drawn on the sheet by the pane) stay attached: the data below them is the same.
      const keep = old
        .children(old.root)
        .filter((e) => e.local === "drawing" || e.local === "legacyDrawing")
        .map((e) => ({ local: e.local, id: attrOf(e, "id", this.flavour.rel) ?? "" }));
      this.ownSheets.set(name, new SheetBuild(existing, keep));
      return;
    }
    const path = this.freePath((n) => `xl/worksheets/sheet${n}.xml`);
    this.ownSheets.set(name, new SheetBuild(path, []));
    this.sheetPaths.set(name, path);

    const rId = this.addRelationship(await this.workbookRels(), `${this.flavour.relTypes}/worksheet`, path);
    const workbook = new XmlDoc((await this.part(this.workbookPath))!);
    const sheets = workbook.child(workbook.root, this.flavour.main, "sheets")!;
    const sheetIds = workbookSheets(workbook, this.flavour).map(
      (s) => Number(attrOf(s.element, "sheetId")) || 0,
    );
    const p = workbook.prefixFor(sheets, this.flavour.main) ?? "";
    // The r: prefix is declared where the workbook declares it; openpyxl declares it on each <sheet>, so
    // a new <sheet> declares it itself when the <sheets> element does not have it in scope.
    const r = workbook.prefixFor(sheets, this.flavour.rel);
    const relAttr = r ? `${r}id` : "r:id";
    const declare = r ? "" : ` xmlns:r="${this.flavour.rel}"`;
    const element = `<${p}sheet name="${escapeXml(name)}" sheetId="${Math.max(0, ...sheetIds) + 1}"${declare} ${relAttr}="${rId}"/>`;
    this.parts.set(this.workbookPath, insertInto(workbook, sheets, element));
    await this.addOverride(path, TYPE_WORKSHEET);
  }
}

const MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const TYPE_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const TYPE_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const TYPE_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

/** A target path relative to the folder of the source part ("xl/workbook.xml" → "worksheets/sheet9.xml"). */
function relativeTarget(source: string, target: string): string {
  const folder = source.slice(0, source.lastIndexOf("/") + 1);
  if (folder && target.startsWith(folder)) return target.slice(folder.length);
  return `/${target}`;
}

/** The element's content with `markup` added at its end (an empty element is opened for it). */
function insertInto(doc: XmlDoc, parent: XmlElement, markup: string): string {
  if (parent.empty)
    return splice(doc.text, [
      {
        from: parent.start,
        to: parent.end,
        text: `${startTag(parent, {}, false)}${markup}</${parent.name}>`,
      },
    ]);
  return splice(doc.text, [{ from: parent.closeStart, to: parent.closeStart, text: markup }]);
}

/**
 * Where a child named `name` goes in `parent` by the schema's order of its children: before the first
 * child present that comes later in `order`, else at the end of the parent.
 */
function schemaPosition(
  doc: XmlDoc,
  parent: XmlElement,
  ns: string,
  order: readonly string[],
  name: string,
): number {
  const later = order.slice(order.indexOf(name) + 1);
  return doc.children(parent).find((c) => c.ns === ns && later.includes(c.local))?.start ?? parent.closeStart;
}

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
  /** Hyperlinks to places in the workbook, by cell ("D12" → "Spor!A7"). */
  readonly links = new Map<string, string>();
  layout?: SheetLayout;

  constructor(
    readonly path: string,
    /** Drawings of the sheet this one replaces, kept attached (by their relationship ids). */
    private readonly keep: { local: string; id: string }[],
  ) {}

  xml(styles: StyleRegistry, flavour: Flavour): string {
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
    const conditional = this.fills.map((fill) => conditionalXml(fill, styles, { next: 0 })).join("");
    // A link inside the workbook needs no relationship: its place is the location attribute.
    const links =
      this.links.size > 0
        ? `<hyperlinks>${[...this.links]
            .map(
              ([ref, location]) =>
                `<hyperlink ref="${ref}" location="${escapeXml(location)}" display="${escapeXml(location)}"/>`,
            )
            .join("")}</hyperlinks>`
        : "";
    const kept = this.keep.map((k) => `<${k.local} r:id="${escapeXml(k.id)}"/>`).join("");
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<worksheet xmlns="${flavour.main}" xmlns:r="${flavour.rel}">` +
      (layout ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "") +
      `<dimension ref="A1:${a1(bottom, right)}"/>` +
      `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
      `${cols}<sheetData>${data}</sheetData>${merges}${conditional}${links}` +
      `<pageMargins ${Object.entries(layout ? PAGE_MARGINS : DEFAULT_MARGINS)
        .map(([side, inches]) => `${side}="${inches}"`)
        .join(" ")}/>` +
      `${print}${kept}</worksheet>`
    );
  }
}

/**
 * A cell element (unprefixed): the value as a number or an inline string, with the style asked for over
 * its base. Text keeps its leading and trailing spaces (xml:space="preserve").
 */
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

/** Worksheet children in schema order (CT_Worksheet), for inserting an element where it belongs. */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
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

/**
 * A user's worksheet with the tool's writes: cells in <sheetData>, the dimension widened, column widths,
 * the flag rules. Each is an edit at the offsets of the element it changes; everything else stays as it
 * was, character for character.
 */
function patchWorksheet(
  xml: string,
  flavour: Flavour,
  cells: Map<number, Map<number, CellWrite>>,
  widths: { col: number; width: number }[],
  heights: { row: number; height: number }[],
  fills: ConditionalFill[],
  styles: StyleRegistry,
): string {
  const doc = new XmlDoc(xml);
  const root = doc.root;
  const ns = flavour.main;
  const p = root.prefix ? `${root.prefix}:` : "";
  const children = doc.children(root);
  const named = (local: string) => children.filter((c) => c.ns === ns && c.local === local);
  const edits: { from: number; to: number; text: string }[] = [];
  /** Where an element the sheet lacks goes, by the schema's order. */
  const insertAt = (local: string) => schemaPosition(doc, root, ns, WORKSHEET_ORDER, local);

  const sheetData = named("sheetData")[0];
  const data = patchSheetData(doc, sheetData, p, cells, heights, styles);
  if (sheetData) edits.push({ from: sheetData.start, to: sheetData.end, text: data.xml });
  else {
    const at = insertAt("sheetData");
    edits.push({ from: at, to: at, text: data.xml });
  }

  const dimension = named("dimension")[0];
  if (dimension && data.maxRow > 0 && data.maxCol > 0) {
    const ref = attrOf(dimension, "ref") ?? "A1";
    const [first, second] = ref.split(":");
    try {
      const top = parseA1(first!);
      const bottom = parseA1(second ?? first!);
      const wider = `${a1(top.row, top.col)}:${a1(Math.max(bottom.row, data.maxRow), Math.max(bottom.col, data.maxCol))}`;
      edits.push({
        from: dimension.start,
        to: dimension.end,
        text: `${startTag(dimension, { ref: wider }, true)}`,
      });
    } catch {
      // A dimension Excel would not write: left as it is (it is a hint, Excel recomputes it).
    }
  }

  if (widths.length > 0) {
    const colsElements = named("cols");
    const existing = colsElements.flatMap((cols) =>
      doc.childrenNamed(cols, ns, "col").map((col) => ({
        min: Number(attrOf(col, "min")),
        max: Number(attrOf(col, "max")),
        element: col,
        xml: doc.source(col),
      })),
    );
    let cols: { min: number; max: number; element?: XmlElement; xml: string }[] = existing;
    for (const { col, width } of widths) {
      const next: typeof cols = [];
      for (const c of cols) {
        if (col < c.min || col > c.max) {
          next.push(c);
          continue;
        }
        const part = (min: number, max: number) => ({
          min,
          max,
          xml: c.element ? startTag(c.element, { min: String(min), max: String(max) }, true) : c.xml,
        });
        if (c.min < col) next.push(part(c.min, col - 1));
        if (col < c.max) next.push(part(col + 1, c.max));
      }
      next.push({
        min: col,
        max: col,
        xml: `<${p}col min="${col}" max="${col}" width="${width}" customWidth="1"/>`,
      });
      cols = next.sort((a, b) => a.min - b.min);
    }
    const first = colsElements[0];
    const element = `${first ? startTag(first, {}, false) : `<${p}cols>`}${cols.map((c) => c.xml).join("")}</${first?.name ?? `${p}cols`}>`;
    if (first) {
      edits.push({ from: first.start, to: first.end, text: element });
      for (const extra of colsElements.slice(1)) edits.push({ from: extra.start, to: extra.end, text: "" });
    } else {
      const at = insertAt("cols");
      edits.push({ from: at, to: at, text: element });
    }
  }

  if (fills.length > 0) {
    const formats = named("conditionalFormatting");
    const ours = new Set(formats.filter((cf) => fills.some((fill) => isOurFormat(doc, cf, fill.range, ns))));
    for (const cf of ours) edits.push({ from: cf.start, to: cf.end, text: "" });
    const counter = { next: maxPriority(doc, root) };
    const blocks = withPrefix(fills.map((fill) => conditionalXml(fill, styles, counter)).join(""), p);
    const kept = formats.filter((cf) => !ours.has(cf));
    const at = kept.length > 0 ? kept.at(-1)!.end : insertAt("conditionalFormatting");
    edits.push({ from: at, to: at, text: blocks });
  }
  return splice(xml, edits);
}

/** The highest priority among the sheet's conditional-format rules (x14 rules in extLst too). */
function maxPriority(doc: XmlDoc, root: XmlElement): number {
  let max = 0;
  const walk = (element: XmlElement) => {
    for (const child of doc.children(element)) {
      if (child.local === "cfRule") max = Math.max(max, Number(attrOf(child, "priority")) || 0);
      else if (child.local !== "sheetData") walk(child);
    }
  };
  walk(root);
  return max;
}

/** A <conditionalFormatting> this tool wrote on the range: only cellIs-equal rules on the flag words. */
function isOurFormat(doc: XmlDoc, cf: XmlElement, range: string, ns: string): boolean {
  if (attrOf(cf, "sqref") !== range) return false;
  const rules = doc.childrenNamed(cf, ns, "cfRule");
  return (
    rules.length > 0 &&
    rules.every(
      (rule) =>
        attrOf(rule, "type") === "cellIs" &&
        attrOf(rule, "operator") === "equal" &&
        doc.childrenNamed(rule, ns, "formula").every((f) => OWN_RULE_FORMULAS.has(doc.textOf(f))),
    )
  );
}

/** The flag rules on a range (unprefixed markup); priorities continue from `counter.next`. */
function conditionalXml(fill: ConditionalFill, styles: StyleRegistry, counter: { next: number }): string {
  return (
    `<conditionalFormatting sqref="${escapeXml(fill.range)}">` +
    fill.rules
      .map(
        (rule) =>
          `<cfRule type="cellIs" dxfId="${styles.dxfFor(rule.fill, rule.font)}" priority="${++counter.next}" operator="equal"><formula>${escapeXml(`"${rule.equals}"`)}</formula></cfRule>`,
      )
      .join("") +
    `</conditionalFormatting>`
  );
}

/**
 * The <sheetData> element with the cells written: rows the plan does not touch stay as they were,
 * character for character; in a touched row only the written cells change (a replaced cell keeps its
 * style as the base of the new one), and rows or cells that did not exist are inserted in order. Rows and
 * cells without an address (allowed: they follow the one before) get one where the order around them
 * changes.
 */
function patchSheetData(
  doc: XmlDoc,
  sheetData: XmlElement | undefined,
  p: string,
  cells: Map<number, Map<number, CellWrite>>,
  heights: { row: number; height: number }[],
  styles: StyleRegistry,
): { xml: string; maxRow: number; maxCol: number } {
  const heightOf = new Map(heights.map((h) => [h.row, h.height]));
  const touched = new Set([...cells.keys(), ...heightOf.keys()]);
  let maxCol = 0;
  let maxRow = 0;
  for (const [row, line] of cells) {
    maxRow = Math.max(maxRow, row);
    for (const col of line.keys()) maxCol = Math.max(maxCol, col);
  }
  const open = sheetData ? startTag(sheetData, {}, false) : `<${p}sheetData>`;
  const close = `</${sheetData?.name ?? `${p}sheetData`}>`;
  if (sheetData && touched.size === 0) return { xml: doc.source(sheetData), maxRow, maxCol };
  const out: string[] = [open];
  const pending = [...touched].sort((a, b) => a - b);
  let next = 0;
  const newRow = (row: number) => rowXml(row, undefined, doc, p, cells.get(row), heightOf.get(row), styles);
  let last = sheetData ? sheetData.openEnd : 0;
  let previous = 0;
  if (sheetData)
    doc.eachChild(sheetData, (rowElement) => {
      if (rowElement.local !== "row") return;
      const given = attrOf(rowElement, "r");
      const row = given === undefined ? previous + 1 : Number(given);
      previous = row;
      if (next < pending.length && pending[next]! < row) {
        // Rows that did not exist go right before the first row below them.
        out.push(doc.text.slice(last, rowElement.start));
        last = rowElement.start;
        while (next < pending.length && pending[next]! < row) out.push(newRow(pending[next++]!));
      }
      if (next < pending.length && pending[next] === row) {
        out.push(doc.text.slice(last, rowElement.start));
        out.push(rowXml(row, rowElement, doc, p, cells.get(row), heightOf.get(row), styles));
        next++;
        last = rowElement.end;
      } else if (given === undefined) {
        // An unaddressed row keeps its number only if nothing is inserted before it: it gets its address.
        out.push(doc.text.slice(last, rowElement.start), startTag(rowElement, { r: String(row) }));
        last = rowElement.openEnd;
      }
    });
  if (sheetData) out.push(doc.text.slice(last, sheetData.closeStart));
  while (next < pending.length) out.push(newRow(pending[next++]!));
  out.push(close);
  return { xml: out.join(""), maxRow, maxCol };
}

/** A row with the cells written; the row's start tag and the cells kept are as the part writes them. */
function rowXml(
  row: number,
  element: XmlElement | undefined,
  doc: XmlDoc,
  p: string,
  writes: Map<number, CellWrite> | undefined,
  height: number | undefined,
  styles: StyleRegistry,
): string {
  // spans is a hint of the row's columns; it goes when the row's cells change.
  const changes: Record<string, string | undefined> = { r: String(row), spans: undefined };
  if (height !== undefined) {
    changes["ht"] = String(height);
    changes["customHeight"] = "1";
  }
  const kept = new Map<number, { xml: string; style: number }>();
  const others: string[] = [];
  let previousCol = 0;
  if (element)
    doc.eachChild(element, (cell) => {
      if (cell.local !== "c") {
        others.push(doc.source(cell)); // extLst: stays after the cells
        return;
      }
      const ref = attrOf(cell, "r");
      const col = ref === undefined ? previousCol + 1 : parseA1(ref).col;
      previousCol = col;
      const xml =
        ref === undefined
          ? startTag(cell, { r: a1(row, col) }) + doc.text.slice(cell.openEnd, cell.end)
          : doc.source(cell);
      kept.set(col, { xml, style: Number(attrOf(cell, "s") ?? 0) });
    });
  const cols = new Set([...kept.keys(), ...(writes?.keys() ?? [])]);
  const cellsXml = [...cols]
    .sort((x, y) => x - y)
    .map((col) => {
      const write = writes?.get(col);
      const old = kept.get(col);
      if (!write) return old!.xml;
      return withPrefix(cellXml(row, col, write, old?.style ?? 0, styles), p);
    })
    .join("");
  if (!element)
    return `<${p}row r="${row}"${height === undefined ? "" : ` ht="${height}" customHeight="1"`}>${cellsXml}</${p}row>`;
  return `${startTag(element, changes, false)}${cellsXml}${others.join("")}</${element.name}>`;
}

/** A table part widened by new columns to the right (their header cells are written with the plan). */
function widenTable(xml: string, headers: string[]): string {
  const doc = new XmlDoc(xml);
  const table = doc.root;
  const ns = table.ns;
  const p = table.prefix ? `${table.prefix}:` : "";
  const edits: { from: number; to: number; text: string }[] = [];
  const bounds = parseRange(attrOf(table, "ref")!);
  const right = bounds.right + headers.length;
  edits.push({
    from: table.start,
    to: table.openEnd,
    text: startTag(table, { ref: `${a1(bounds.top, bounds.left)}:${a1(bounds.bottom, right)}` }, false),
  });
  const filter = doc.child(table, ns, "autoFilter");
  if (filter) {
    const f = parseRange(attrOf(filter, "ref")!);
    edits.push({
      from: filter.start,
      to: filter.openEnd,
      text: startTag(filter, { ref: `${a1(f.top, f.left)}:${a1(f.bottom, right)}` }),
    });
  }
  const columns = doc.child(table, ns, "tableColumns")!;
  const existing = doc.childrenNamed(columns, ns, "tableColumn");
  let id = Math.max(0, ...existing.map((c) => Number(attrOf(c, "id")) || 0));
  const added = headers.map((h) => `<${p}tableColumn id="${++id}" name="${escapeXml(h)}"/>`).join("");
  const open = startTag(columns, { count: String(existing.length + headers.length) }, false);
  const inner = columns.empty ? "" : xml.slice(columns.openEnd, columns.closeStart);
  edits.push({ from: columns.start, to: columns.end, text: `${open}${inner}${added}</${columns.name}>` });
  return splice(xml, edits);
}

/**
 * The sheet's print titles (its header rows on every page) and print area: the defined names
 * _xlnm.Print_Titles and _xlnm.Print_Area local to the sheet.
 */
function printNames(xml: string, flavour: Flavour, layout: SheetLayout): string {
  const quoted = `'${layout.sheet.replace(/'/g, "''")}'`;
  let out = sheetDefinedName(
    xml,
    flavour,
    layout.sheet,
    "_xlnm.Print_Titles",
    `${quoted}!$1:$${layout.headerRows}`,
  );
  if (layout.printArea) {
    const absolute = layout.printArea.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    out = sheetDefinedName(out, flavour, layout.sheet, "_xlnm.Print_Area", `${quoted}!${absolute}`);
  }
  return out;
}

/** Workbook children in schema order (CT_Workbook). */
const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/** A defined name local to a sheet, replacing one of the same name it had; <definedNames> made if absent. */
function sheetDefinedName(xml: string, flavour: Flavour, sheet: string, name: string, value: string): string {
  const doc = new XmlDoc(xml);
  const ns = flavour.main;
  const p = doc.root.prefix ? `${doc.root.prefix}:` : "";
  const index = workbookSheets(doc, flavour).findIndex((s) => s.name === sheet);
  if (index < 0) return xml;
  const element = `<${p}definedName name="${name}" localSheetId="${index}">${escapeXml(value)}</${p}definedName>`;
  const names = doc.child(doc.root, ns, "definedNames");
  if (names) {
    const existing = doc
      .childrenNamed(names, ns, "definedName")
      .find((d) => attrOf(d, "name") === name && attrOf(d, "localSheetId") === String(index));
    if (existing) return splice(xml, [{ from: existing.start, to: existing.end, text: element }]);
    return insertInto(doc, names, element);
  }
  const at = schemaPosition(doc, doc.root, ns, WORKBOOK_ORDER, "definedNames");
  return splice(xml, [{ from: at, to: at, text: `<${p}definedNames>${element}</${p}definedNames>` }]);
}

/** Asks Excel to recalculate on opening: formulas may read the cells the tool wrote. */
function fullCalcOnLoad(xml: string, flavour: Flavour): string {
  const doc = new XmlDoc(xml);
  const calc = doc.child(doc.root, flavour.main, "calcPr");
  if (calc)
    return splice(xml, [
      { from: calc.start, to: calc.openEnd, text: startTag(calc, { fullCalcOnLoad: "1" }) },
    ]);
  const p = doc.root.prefix ? `${doc.root.prefix}:` : "";
  const at = schemaPosition(doc, doc.root, flavour.main, WORKBOOK_ORDER, "calcPr");
  return splice(xml, [{ from: at, to: at, text: `<${p}calcPr fullCalcOnLoad="1"/>` }]);
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

/** Style sheet children in schema order (CT_Stylesheet). */
const STYLES_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/**
 * An entry of a style list: its markup, its unprefixed attributes and its children by local name — read
 * from the part, or kept as made for an entry this registry added (so a new entry can be the base of the
 * next one, as when a cell is written twice).
 */
interface StyleEntry {
  xml: string;
  attrs: ReadonlyMap<string, string>;
  children: readonly { local: string; xml: string; element?: XmlElement }[];
}

/**
 * The styles part with entries appended: number formats, fonts, fills, cell formats (xf) and differential
 * formats (dxf) the writes need. Existing entries keep their indices, so every untouched cell looks as
 * before; equal requests share one new entry. New entries use the prefix the part gives its namespace.
 */
class StyleRegistry {
  private readonly doc: XmlDoc;
  private readonly p: string;
  private numFmts: { id: number; code: string; xml: string }[];
  private readonly lists: Record<"fonts" | "fills" | "cellXfs" | "dxfs", StyleEntry[]>;
  private readonly added = { numFmts: 0, fonts: 0, fills: 0, cellXfs: 0, dxfs: 0 };
  private forced = false;
  private readonly memo = new Map<StyleRequest, Map<number, number>>();

  constructor(
    readonly path: string,
    source: string,
    private readonly flavour: Flavour,
  ) {
    this.doc = new XmlDoc(source);
    this.p = this.doc.root.prefix ? `${this.doc.root.prefix}:` : "";
    const entries = (section: string, item: string): StyleEntry[] => {
      const element = this.section(section);
      return element
        ? this.doc.childrenNamed(element, flavour.main, item).map((e) => ({
            xml: this.doc.source(e),
            attrs: new Map(
              e.raw.filter(([name]) => !name.includes(":")).map(([name, raw]) => [name, unescapeXml(raw)]),
            ),
            children: this.doc
              .children(e)
              .map((c) => ({ local: c.local, xml: this.doc.source(c), element: c })),
          }))
        : [];
    };
    const numFmts = this.section("numFmts");
    this.numFmts = numFmts
      ? this.doc.childrenNamed(numFmts, flavour.main, "numFmt").map((e) => ({
          id: Number(attrOf(e, "numFmtId")),
          code: attrOf(e, "formatCode") ?? "",
          xml: this.doc.source(e),
        }))
      : [];
    this.lists = {
      fonts: entries("fonts", "font"),
      fills: entries("fills", "fill"),
      cellXfs: entries("cellXfs", "xf"),
      dxfs: entries("dxfs", "dxf"),
    };
  }

  private section(name: string): XmlElement | undefined {
    return this.doc.child(this.doc.root, this.flavour.main, name);
  }

  get changed(): boolean {
    return this.forced || Object.values(this.added).some((n) => n > 0);
  }

  /** The part is new: it is written even if nothing is added to it. */
  markChanged(): void {
    this.forced = true;
  }

  private add(list: keyof StyleRegistry["lists"], entry: StyleEntry): number {
    const entries = this.lists[list];
    const existing = entries.findIndex((e) => e.xml === entry.xml);
    if (existing >= 0) return existing;
    this.added[list]++;
    return entries.push(entry) - 1;
  }

  styleFor(base: number, request: StyleRequest): number {
    let byBase = this.memo.get(request);
    if (!byBase) this.memo.set(request, (byBase = new Map<number, number>()));
    const known = byBase.get(base);
    if (known !== undefined) return known;
    const p = this.p;
    const entry = this.lists.cellXfs[base] ?? this.lists.cellXfs[0];
    const read = (name: string) => entry?.attrs.get(name) ?? "0";
    let numFmtId = Number(read("numFmtId"));
    let fontId = Number(read("fontId"));
    let fillId = Number(read("fillId"));
    const borderId = read("borderId");
    const xfId = read("xfId");
    if (request.numberFormat !== undefined) numFmtId = this.numFmtId(request.numberFormat);
    if (request.bold || request.fontColor !== undefined) fontId = this.font(fontId, request);
    if (request.fill !== undefined) fillId = request.fill === null ? 0 : this.fill(request.fill);
    // The xf's children (alignment, protection), as the part writes them.
    let children = entry?.children ?? [];
    const alignment = children.find((c) => c.local === "alignment");
    if (request.wrap) {
      const wrapped = {
        local: "alignment",
        xml: alignment?.element
          ? startTag(alignment.element, { wrapText: "1", vertical: "top" }, true)
          : `<${p}alignment wrapText="1" vertical="top"/>`,
      };
      children = alignment ? children.map((c) => (c === alignment ? wrapped : c)) : [wrapped, ...children];
    }
    const attrs = new Map([
      ["numFmtId", String(numFmtId)],
      ["fontId", String(fontId)],
      ["fillId", String(fillId)],
      ["borderId", borderId],
      ["xfId", xfId],
      ...(numFmtId !== 0 ? [["applyNumberFormat", "1"] as const] : []),
      ["applyFont", "1"],
      ...(fillId !== 0 ? [["applyFill", "1"] as const] : []),
      ...(alignment || request.wrap ? [["applyAlignment", "1"] as const] : []),
    ]);
    const inner = children.map((c) => c.xml).join("");
    const element: StyleEntry = {
      xml:
        `<${p}xf ${[...attrs].map(([name, value]) => `${name}="${escapeXml(value)}"`).join(" ")}` +
        (inner ? `>${inner}</${p}xf>` : "/>"),
      attrs,
      children,
    };
    const index = this.add("cellXfs", element);
    byBase.set(base, index);
    return index;
  }

  dxfFor(fill: string, font: string): number {
    return this.add(
      "dxfs",
      made(
        withPrefix(
          `<dxf><font><color rgb="${font}"/></font><fill><patternFill><bgColor rgb="${fill}"/></patternFill></fill></dxf>`,
          this.p,
        ),
      ),
    );
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN_FORMATS.get(code);
    if (builtin !== undefined) return builtin;
    const known = this.numFmts.find((f) => f.code === code);
    if (known) return known.id;
    const id = Math.max(163, ...this.numFmts.map((f) => f.id)) + 1;
    this.numFmts.push({
      id,
      code,
      xml: `<${this.p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`,
    });
    this.added.numFmts++;
    return id;
  }

  private font(base: number, request: StyleRequest): number {
    const p = this.p;
    const entry = this.lists.fonts[base] ?? this.lists.fonts[0];
    const children = new Map((entry?.children ?? []).map((c) => [c.local, c.xml]));
    if (request.bold) children.set("b", `<${p}b/>`);
    if (request.fontColor === null) children.delete("color");
    else if (request.fontColor !== undefined)
      children.set("color", `<${p}color rgb="${request.fontColor}"/>`);
    const order = [...children.keys()].sort((x, y) => rank(FONT_ORDER, x) - rank(FONT_ORDER, y));
    return this.add("fonts", {
      xml: `<${p}font>${order.map((k) => children.get(k)).join("")}</${p}font>`,
      attrs: new Map(),
      children: order.map((local) => ({ local, xml: children.get(local)! })),
    });
  }

  private fill(colour: string): number {
    return this.add(
      "fills",
      made(
        withPrefix(
          `<fill><patternFill patternType="solid"><fgColor rgb="${colour}"/><bgColor indexed="64"/></patternFill></fill>`,
          this.p,
        ),
      ),
    );
  }

  /** The styles part with the lists replaced where entries were added (the rest as it was). */
  xml(): string {
    // Written in schema order: new lists inserted at the same place stay in that order (splice keeps
    // the order of edits at one offset).
    const edits: { from: number; to: number; text: string }[] = [];
    const write = (name: string, entries: string[]) => {
      const element = this.section(name);
      if (element) {
        const open = startTag(element, { count: String(entries.length) }, false);
        edits.push({
          from: element.start,
          to: element.end,
          text: `${open}${entries.join("")}</${element.name}>`,
        });
        return;
      }
      const at = schemaPosition(this.doc, this.doc.root, this.flavour.main, STYLES_ORDER, name);
      const list = `<${this.p}${name} count="${entries.length}">${entries.join("")}</${this.p}${name}>`;
      edits.push({ from: at, to: at, text: list });
    };
    if (this.added.numFmts > 0)
      write(
        "numFmts",
        this.numFmts.map((f) => f.xml),
      );
    for (const name of ["fonts", "fills", "cellXfs", "dxfs"] as const)
      if (this.added[name] > 0)
        write(
          name,
          this.lists[name].map((e) => e.xml),
        );
    return splice(this.doc.text, edits);
  }
}

/** A fill or dxf entry this registry made: never the base of another, so its markup is all it needs. */
function made(xml: string): StyleEntry {
  return { xml, attrs: new Map(), children: [] };
}

function rank(order: string[], name: string): number {
  const i = order.indexOf(name);
  return i < 0 ? order.length : i;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}
