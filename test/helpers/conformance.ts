import { DOMParser } from "@xmldom/xmldom";
import { execFileSync } from "child_process";
import { existsSync } from "fs";
import JSZip from "jszip";

/**
 * A package conformance check, independent of the writer (its own zip directory reader, xmldom for the
 * XML): what Excel refuses or repairs even where ExcelJS and LibreOffice open the file. Returns the
 * problems found, one line each ("part: problem"); an empty list is a conformant package.
 *
 * - the zip: no duplicate entries (part names compare without case);
 * - every part has a content type; every internal relationship target exists;
 * - every XML part is namespace-well-formed (no unbound prefix), with no character XML 1.0 forbids;
 * - text with leading or trailing white space is marked xml:space="preserve";
 * - sheet, table and defined names as Excel allows them; unique sheet and table names;
 * - Excel's limits: cell text ≤ 32.767 characters, row height ≤ 409 pt, column width ≤ 255;
 * - schema enumerations Excel checks: data validations' errorStyle/type/operator, rules' type/operator;
 * - tables: the column count matches the range, column names unique.
 */
export async function conformanceProblems(buffer: Buffer | Uint8Array): Promise<string[]> {
  const problems: string[] = [];
  const names = zipEntryNames(Buffer.from(buffer));
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name.toLowerCase())) problems.push(`${name}: the zip holds this entry twice`);
    seen.add(name.toLowerCase());
  }
  const zip = await JSZip.loadAsync(buffer);
  const files = Object.keys(zip.files).filter((p) => !zip.files[p]!.dir);
  const exists = new Set(files.map((f) => f.toLowerCase()));
  const read = async (path: string) =>
    zip.file(files.find((f) => f.toLowerCase() === path.toLowerCase()) ?? path)?.async("string");

  const typesXml = await read("[Content_Types].xml");
  if (!typesXml) return [...problems, "[Content_Types].xml: missing"];
  const docs = new Map<string, Document>();
  for (const path of files.filter((p) => /\.(xml|rels)$/i.test(p))) {
    const text = (await read(path))!;
    const forbidden = FORBIDDEN.exec(text);
    if (forbidden)
      problems.push(
        `${path}: the character U+${forbidden[0].charCodeAt(0).toString(16).padStart(4, "0")} (XML forbids it)`,
      );
    // A "&" that begins no reference (xmldom lets it through; Excel does not).
    const bare = /&(?!(?:#\d+|#x[\da-fA-F]+|amp|lt|gt|quot|apos);)/.exec(
      text.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, ""),
    );
    if (bare) problems.push(`${path}: a bare "&" (not a reference)`);
    const parsed = parseXml(text);
    if (typeof parsed === "string") problems.push(`${path}: ${parsed}`);
    else docs.set(path, parsed);
  }
  const types = docs.get(files.find((f) => f === "[Content_Types].xml")!);
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  if (types) {
    for (const e of elements(types, "Default"))
      defaults.set((e.getAttribute("Extension") ?? "").toLowerCase(), e.getAttribute("ContentType") ?? "");
    for (const e of elements(types, "Override"))
      overrides.set(
        (e.getAttribute("PartName") ?? "").replace(/^\//, "").toLowerCase(),
        e.getAttribute("ContentType") ?? "",
      );
  }
  const typeOf = (path: string) =>
    overrides.get(path.toLowerCase()) ?? defaults.get(path.slice(path.lastIndexOf(".") + 1).toLowerCase());
  for (const path of files) {
    if (path === "[Content_Types].xml") continue;
    if (!typeOf(path)) problems.push(`${path}: no content type`);
  }
  for (const part of overrides.keys())
    if (!exists.has(part)) problems.push(`/${part}: an override for a part that is not there`);

  // Relationships.
  for (const [path, doc] of docs) {
    if (!/\.rels$/i.test(path)) continue;
    const source = path.replace(/(^|\/)_rels\/([^/]*)\.rels$/i, "$1$2");
    const folder = source.slice(0, source.lastIndexOf("/") + 1);
    const ids = new Set<string>();
    for (const rel of elements(doc, "Relationship")) {
      const id = rel.getAttribute("Id") ?? "";
      if (ids.has(id)) problems.push(`${path}: the relationship id ${id} twice`);
      ids.add(id);
      if (rel.getAttribute("TargetMode") === "External") continue;
      const target = rel.getAttribute("Target") ?? "";
      const resolved = normalize(target.startsWith("/") ? target : folder + target);
      if (!exists.has(resolved.toLowerCase()))
        problems.push(`${path}: ${id} points to ${resolved}, which is not there`);
      // The target's content type is the one its relationship asks for (a worksheet typed as plain XML
      // opens in LibreOffice, not in Excel).
      const expected = EXPECTED_TYPES[(rel.getAttribute("Type") ?? "").split("/").pop() ?? ""];
      const actual = typeOf(resolved);
      if (expected && actual !== undefined && !actual.endsWith(expected))
        problems.push(`${resolved}: the content type ${actual}, its relationship asks for …${expected}`);
    }
  }

  for (const [path, doc] of docs) {
    const type = typeOf(path) ?? "";
    // Text with white space at either end keeps it only with xml:space="preserve".
    for (const local of ["t", "instrText"]) {
      for (const t of elements(doc, local)) {
        // SpreadsheetML and WordprocessingML text; DrawingML (a:t) keeps its spaces anyway.
        if (!PRESERVING.has(t.namespaceURI ?? "")) continue;
        const text = t.textContent ?? "";
        if (/^\s|\s$/.test(text) && t.getAttributeNS(XML_NS, "space") !== "preserve" && !preservedAbove(t))
          problems.push(
            `${path}: <${t.nodeName}> "${text.slice(0, 20)}" has white space at an end without xml:space="preserve"`,
          );
      }
    }
    if (type.endsWith("worksheet+xml")) problems.push(...worksheetProblems(path, doc));
    if (type.endsWith("sharedStrings+xml"))
      for (const si of elements(doc, "si"))
        if ((si.textContent ?? "").length > 32767)
          problems.push(`${path}: a shared string longer than 32.767 characters`);
    if (type.endsWith("sheet.main+xml") || type.endsWith("sheet.macroEnabled.main+xml"))
      problems.push(...workbookProblems(path, doc));
    if (type.endsWith("table+xml")) problems.push(...tableProblems(path, doc));
  }
  const tableNames = [...docs]
    .filter(([p]) => (typeOf(p) ?? "").endsWith("table+xml"))
    .map(([, d]) => (d.documentElement.getAttribute("displayName") ?? "").toLowerCase());
  if (new Set(tableNames).size !== tableNames.length)
    problems.push(`tables: two tables with one name (${tableNames.join(", ")})`);
  return problems;
}

const XML_NS = "http://www.w3.org/XML/1998/namespace";
/** The content type (its end) each relationship type's target must have. */
const EXPECTED_TYPES: Record<string, string> = {
  worksheet: "spreadsheetml.worksheet+xml",
  styles: ".styles+xml",
  sharedStrings: "spreadsheetml.sharedStrings+xml",
  table: "spreadsheetml.table+xml",
  drawing: "drawing+xml",
  chart: "drawingml.chart+xml",
  theme: "theme+xml",
  pivotTable: "spreadsheetml.pivotTable+xml",
};
const PRESERVING = new Set([
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
]);
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function parseXml(text: string): Document | string {
  let problem: string | undefined;
  try {
    const doc = new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== "warning") problem ??= message.split("\n")[0];
      },
    }).parseFromString(text, "application/xml") as unknown as Document;
    if (problem) return problem;
    // Unbound prefixes: an element or attribute with a prefix and no namespace.
    const walk = (node: Element): string | undefined => {
      if (node.prefix && !node.namespaceURI)
        return `the prefix ${node.prefix} of <${node.nodeName}> is not declared`;
      for (const a of Array.from(node.attributes))
        if (a.prefix && a.prefix !== "xmlns" && !a.namespaceURI)
          return `the prefix ${a.prefix} of ${a.name} is not declared`;
      for (const child of Array.from(node.childNodes))
        if (child.nodeType === 1) {
          const found = walk(child as Element);
          if (found) return found;
        }
      return undefined;
    };
    return walk(doc.documentElement) ?? doc;
  } catch (error) {
    return `not well-formed XML: ${(error as Error).message.split("\n")[0]}`;
  }
}

function elements(doc: Document, local: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS("*", local));
}

function preservedAbove(node: Element): boolean {
  for (let p = node.parentNode as Element | null; p && p.nodeType === 1; p = p.parentNode as Element | null)
    if (p.getAttributeNS(XML_NS, "space") === "preserve") return true;
  return false;
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const piece of decodeURI(path).split("/")) {
    if (piece === "..") out.pop();
    else if (piece && piece !== ".") out.push(piece);
  }
  return out.join("/");
}

const ENUMS: Record<string, Record<string, string[]>> = {
  dataValidation: {
    errorStyle: ["stop", "warning", "information"],
    type: ["none", "whole", "decimal", "list", "date", "time", "textLength", "custom"],
    operator: [
      "between",
      "notBetween",
      "equal",
      "notEqual",
      "lessThan",
      "lessThanOrEqual",
      "greaterThan",
      "greaterThanOrEqual",
    ],
  },
  cfRule: {
    type: [
      "expression",
      "cellIs",
      "colorScale",
      "dataBar",
      "iconSet",
      "top10",
      "uniqueValues",
      "duplicateValues",
      "containsText",
      "notContainsText",
      "beginsWith",
      "endsWith",
      "containsBlanks",
      "notContainsBlanks",
      "containsErrors",
      "notContainsErrors",
      "timePeriod",
      "aboveAverage",
    ],
    operator: [
      "lessThan",
      "lessThanOrEqual",
      "equal",
      "notEqual",
      "greaterThanOrEqual",
      "greaterThan",
      "between",
      "notBetween",
      "containsText",
      "notContains",
      "beginsWith",
      "endsWith",
    ],
  },
  pageSetup: { orientation: ["default", "portrait", "landscape"] },
  sheetView: { view: ["normal", "pageBreakPreview", "pageLayout"] },
  pane: { state: ["split", "frozen", "frozenSplit"] },
};

function cellColumn(ref: string): number {
  let col = 0;
  for (const ch of /^[A-Z]+/.exec(ref)?.[0] ?? "") col = col * 26 + ch.charCodeAt(0) - 64;
  return col;
}

function worksheetProblems(path: string, doc: Document): string[] {
  const problems: string[] = [];
  const main = doc.documentElement.namespaceURI;
  let lastRow = 0;
  for (const row of elements(doc, "row")) {
    if (row.namespaceURI !== main) continue;
    const r = Number(row.getAttribute("r") ?? lastRow + 1);
    if (!(r > lastRow) || r > 1048576) problems.push(`${path}: row ${r} out of order or beyond 1.048.576`);
    lastRow = r;
    const ht = row.getAttribute("ht");
    if (ht !== null && !(Number(ht) >= 0 && Number(ht) <= 409))
      problems.push(`${path}: row ${r} is ${ht} pt high (Excel: at most 409)`);
    let lastCol = 0;
    for (const c of Array.from(row.childNodes)) {
      if (c.nodeType !== 1 || (c as Element).localName !== "c") continue;
      const cell = c as Element;
      const ref = cell.getAttribute("r");
      const col = ref ? cellColumn(ref) : lastCol + 1;
      if (ref && (!/^[A-Z]{1,3}\d+$/.test(ref) || Number(ref.replace(/^[A-Z]+/, "")) !== r))
        problems.push(`${path}: the cell ${ref} in row ${r}`);
      if (!(col > lastCol) || col > 16384)
        problems.push(`${path}: the cell ${ref ?? col} out of order in row ${r}`);
      lastCol = col;
      const t = cell.getAttribute("t");
      if (t !== null && !["b", "d", "e", "inlineStr", "n", "s", "str"].includes(t))
        problems.push(`${path}: ${ref} has the type t="${t}"`);
      const text =
        (t === "inlineStr" ? elements(cell as unknown as Document, "is")[0]?.textContent : undefined) ?? "";
      if (text.length > 32767)
        problems.push(`${path}: ${ref} holds ${text.length} characters (Excel: at most 32.767)`);
    }
  }
  for (const col of elements(doc, "col")) {
    const width = Number(col.getAttribute("width") ?? 0);
    if (width > 255) problems.push(`${path}: a column ${width} wide (Excel: at most 255)`);
    if (Number(col.getAttribute("min")) > Number(col.getAttribute("max")))
      problems.push(`${path}: a <col> with min > max`);
  }
  for (const [element, attributes] of Object.entries(ENUMS))
    for (const e of elements(doc, element))
      for (const [name, allowed] of Object.entries(attributes)) {
        const value = e.getAttribute(name);
        if (value !== null && value !== "" && !allowed.includes(value))
          problems.push(`${path}: <${element} ${name}="${value}"> (the schema allows ${allowed.join("|")})`);
      }
  return problems;
}

/** Excel's rules for a sheet name. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 31) return "empty or longer than 31 characters";
  if (/[[\]:*?/\\]/.test(name)) return "holds one of [ ] : * ? / \\";
  if (name.startsWith("'") || name.endsWith("'")) return "begins or ends with an apostrophe";
  if (name.toLowerCase() === "history") return "is reserved (History)";
  return undefined;
}

/** Excel's rules for a table or defined name. */
export function nameProblem(name: string): string | undefined {
  const local = name.startsWith("_xlnm.") ? name.slice(6) : name;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(local)) return "is not a valid name";
  if (/^[A-Za-z]{1,3}\d+$/.test(local) || /^[RrCc]\d*$/.test(local) || /^R\d+C\d+$/i.test(local))
    return "looks like a cell reference";
  if (name.length > 255) return "is longer than 255 characters";
  return undefined;
}

function workbookProblems(path: string, doc: Document): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const ids = new Set<string>();
  const sheets = elements(doc, "sheet");
  for (const sheet of sheets) {
    const name = sheet.getAttribute("name") ?? "";
    const problem = sheetNameProblem(name);
    if (problem) problems.push(`${path}: the sheet name "${name}" ${problem}`);
    if (seen.has(name.toLowerCase())) problems.push(`${path}: two sheets named "${name}"`);
    seen.add(name.toLowerCase());
    const id = sheet.getAttribute("sheetId") ?? "";
    if (ids.has(id)) problems.push(`${path}: sheetId ${id} twice`);
    ids.add(id);
  }
  const defined = new Set<string>();
  for (const name of elements(doc, "definedName")) {
    const value = name.getAttribute("name") ?? "";
    const problem = nameProblem(value);
    if (problem) problems.push(`${path}: the defined name "${value}" ${problem}`);
    const local = name.getAttribute("localSheetId");
    if (local !== null && !(Number(local) < sheets.length))
      problems.push(`${path}: "${value}" is local to sheet ${local}, which is not there`);
    const key = `${value.toLowerCase()}|${local ?? ""}`;
    if (defined.has(key)) problems.push(`${path}: the defined name "${value}" twice`);
    defined.add(key);
  }
  return problems;
}

function tableProblems(path: string, doc: Document): string[] {
  const problems: string[] = [];
  const table = doc.documentElement;
  for (const attribute of ["name", "displayName"]) {
    const value = table.getAttribute(attribute) ?? "";
    const problem = nameProblem(value);
    if (problem) problems.push(`${path}: the table ${attribute} "${value}" ${problem}`);
  }
  const columns = elements(doc, "tableColumn");
  const count = elements(doc, "tableColumns")[0]?.getAttribute("count");
  if (count !== null && count !== undefined && Number(count) !== columns.length)
    problems.push(`${path}: tableColumns count="${count}" but ${columns.length} columns`);
  const ref = table.getAttribute("ref") ?? "";
  const [from, to = from] = ref.split(":");
  const width = cellColumn(to!) - cellColumn(from!) + 1;
  if (width !== columns.length)
    problems.push(`${path}: the table ${ref} is ${width} columns wide but has ${columns.length}`);
  const names = columns.map((c) => (c.getAttribute("name") ?? "").toLowerCase());
  if (new Set(names).size !== names.length) problems.push(`${path}: two table columns with one name`);
  return problems;
}

/** The entry names in a zip's central directory, as written (JSZip keeps only the last of duplicates). */
export function zipEntryNames(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("not a zip file");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error("a broken zip directory");
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    names.push(zip.toString("utf8", at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

export const SYSTEM_PYTHON = "/usr/bin/python3";

/**
 * A third, independent reader: openpyxl (Debian python3-openpyxl), which refuses what the schema refuses
 * (an errorStyle="error" …). Returns each sheet's name and its non-empty cells' values as text.
 */
export function readWithOpenpyxl(path: string): Record<string, Record<string, string>> {
  if (!existsSync(SYSTEM_PYTHON))
    throw new Error(`${SYSTEM_PYTHON} is missing: apt-get install python3-openpyxl`);
  const script = [
    "import json, sys, warnings",
    "warnings.simplefilter('ignore')",
    "import openpyxl",
    "wb = openpyxl.load_workbook(sys.argv[1])",
    "out = {}",
    "for ws in wb.worksheets:",
    "    cells = {}",
    "    for row in ws.iter_rows():",
    "        for c in row:",
    "            if c.value is not None: cells[c.coordinate] = str(c.value)",
    "    out[ws.title] = cells",
    "print(json.dumps(out))",
  ].join("\n");
  return JSON.parse(
    execFileSync(SYSTEM_PYTHON, ["-c", script, path], { encoding: "utf8", maxBuffer: 1 << 28 }),
  ) as Record<string, Record<string, string>>;
}
