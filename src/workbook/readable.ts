import JSZip from "jszip";
import { escapeXml } from "./xml";
import { normalizePath, PACKAGE_RELS_NS, readRelationships } from "./opc";
import { a1, parseA1 } from "./address";
import { attrOf, plainXml, rootOf, splice, startTag, XmlDoc, XmlError } from "./xmlScan";

/**
 * What ExcelJS cannot read is read through a plain copy of the package (never the one written back):
 * ExcelJS reads a shared string written as CDATA as empty, refuses a prefixed main namespace
 * (`<x:worksheet>`), absolute relationship targets (openpyxl's tables) and strict OOXML's namespaces.
 * The copy has those parts written again by the XML scanner in the plain transitional form, with the
 * same content.
 */

/** Strict OOXML namespaces (ISO/IEC 29500 strict) and their transitional names. */
const STRICT_TO_TRANSITIONAL = new Map([
  [
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  ],
  [
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  ],
  ["http://purl.oclc.org/ooxml/drawingml/main", "http://schemas.openxmlformats.org/drawingml/2006/main"],
  [
    "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing",
    "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  ],
  ["http://purl.oclc.org/ooxml/drawingml/chart", "http://schemas.openxmlformats.org/drawingml/2006/chart"],
  [
    "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
  ],
  [
    "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
  ],
]);
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const STRICT_REL_TYPES = "http://purl.oclc.org/ooxml/officeDocument/relationships/";
const REL_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/** The package as ExcelJS can read it, or undefined when it can read it as it is. */
export async function readableCopy(original: Buffer | ArrayBuffer, zip: JSZip): Promise<Buffer | undefined> {
  const changed = new Map<string, string>();
  for (const path of Object.keys(zip.files)) {
    const entry = zip.file(path);
    if (!entry || !/\.(xml|rels)$/i.test(path)) continue;
    const plain = plainPart(path, await entry.async("string"));
    if (plain !== undefined) changed.set(path, plain);
  }
  return changed.size === 0 ? undefined : withParts(original, changed);
}

/** A copy of a package with some parts replaced (the package itself is not changed). */
export async function withParts(
  buffer: Buffer | ArrayBuffer,
  parts: ReadonlyMap<string, string>,
): Promise<Buffer> {
  const copy = await JSZip.loadAsync(buffer);
  for (const [path, text] of parts) copy.file(path, text);
  return copy.generateAsync({ type: "nodebuffer" });
}

/** A quick look for a <row> or <c> start tag without r="…"; what it finds is then read properly. */
const UNADDRESSED = /<(?:[\w.-]+:)?(?:row|c)(?=[\s/>])(?![^>]*\sr\s*=)/;

/** The worksheet with every row and cell given the address it has by its position. */
function addressed(text: string): string {
  const doc = new XmlDoc(text);
  const sheetData = doc.children(doc.root).find((c) => c.local === "sheetData");
  if (!sheetData) return text;
  const edits: { from: number; to: number; text: string }[] = [];
  let previousRow = 0;
  doc.eachChild(sheetData, (row) => {
    if (row.local !== "row") return;
    const given = attrOf(row, "r");
    const r = given === undefined ? previousRow + 1 : Number(given);
    previousRow = r;
    if (given === undefined)
      edits.push({ from: row.start, to: row.openEnd, text: startTag(row, { r: String(r) }) });
    let previousCol = 0;
    doc.eachChild(row, (cell) => {
      if (cell.local !== "c") return;
      const ref = attrOf(cell, "r");
      const col = ref === undefined ? previousCol + 1 : parseA1(ref).col;
      previousCol = col;
      if (ref === undefined)
        edits.push({ from: cell.start, to: cell.openEnd, text: startTag(cell, { r: a1(r, col) }) });
    });
  });
  return splice(text, edits);
}

function plainPart(path: string, input: string): string | undefined {
  let text = input;
  let root;
  try {
    root = rootOf(text);
  } catch (error) {
    if (error instanceof XmlError) return undefined; // left to the reader, which says what is wrong
    throw error;
  }
  if (/\.rels$/i.test(path)) {
    const absolute = /\bTarget\s*=\s*["']\//.test(text);
    if (!absolute && !text.includes(STRICT_REL_TYPES) && root.prefix === "") return undefined;
    return plainRels(path, text);
  }
  const strict = text.includes("purl.oclc.org/ooxml/");
  // A row or cell without its address (it follows the one before): ExcelJS refuses the file.
  if (root.local === "worksheet" && UNADDRESSED.test(text)) text = addressed(text);
  if (!strict && root.prefix === "" && !text.includes("<![CDATA[")) return text === input ? undefined : text;
  return plainXml(
    text,
    root.ns === MAIN || STRICT_TO_TRANSITIONAL.get(root.ns) === MAIN ? MAIN : "",
    STRICT_TO_TRANSITIONAL,
  );
}

/** A .rels part written again: targets relative to the source's folder, transitional types. */
function plainRels(relsPath: string, text: string): string {
  // "xl/worksheets/_rels/sheet1.xml.rels" belongs to "xl/worksheets/sheet1.xml".
  const source = relsPath.replace(/(^|\/)_rels\/([^/]*)\.rels$/i, "$1$2");
  const folder = source.slice(0, source.lastIndexOf("/") + 1);
  const rels = readRelationships(text, source).map((r) => {
    const target = r.external ? r.target : relativePath(folder, r.target);
    const type = r.type.startsWith(STRICT_REL_TYPES)
      ? REL_TYPES + r.type.slice(STRICT_REL_TYPES.length)
      : r.type;
    return `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"${r.external ? ' TargetMode="External"' : ""}/>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS_NS}">${rels.join("")}</Relationships>`;
}

/** The path of `target` (a package path) relative to `folder` ("xl/worksheets/"). */
function relativePath(folder: string, target: string): string {
  const from = normalizePath(folder).split("/").filter(Boolean);
  const to = normalizePath(target).split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}
