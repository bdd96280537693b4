import JSZip from "jszip";
import { ContentTypes, readRelationships, Relationship, relsPathOf, zipEntry } from "./opc";
import { attrOf, XmlDoc, XmlElement, XmlError } from "./xmlScan";

/** A part of an .xlsx package the file implementation cannot carry over, and where it is. */
export interface LostPart {
  what: string;
  sheet?: string;
}

/** Part kinds ExcelJS does not write back, by path pattern, with their Danish names. */
const PACKAGE_PARTS: { pattern: RegExp; what: string }[] = [
  { pattern: /^xl\/pivotTables\/pivotTable\d+\.xml$/, what: "Pivottabellen" },
  { pattern: /^xl\/slicers\//, what: "Udsnitsværktøjet" },
  { pattern: /^xl\/timelines\//, what: "Tidslinjen" },
  { pattern: /^xl\/vbaProject\.bin$/, what: "Makroerne (VBA)" },
  { pattern: /^xl\/threadedComments\//, what: "Trådede kommentarer" },
  { pattern: /^xl\/externalLinks\/externalLink\d+\.xml$/, what: "Kæder til andre projektmapper" },
  { pattern: /^xl\/chartsheets\/sheet\d+\.xml$/, what: "Diagramarket" },
  { pattern: /^xl\/ctrlProps\//, what: "Formularkontrolelementer" },
];

/**
 * Lists what an .xlsx package holds that the file implementation (ExcelJS) drops when it writes the
 * workbook back: charts and shapes in drawings, pivot tables, slicers, macros and the like, named per
 * sheet where the package says which sheet holds them (`sheets`: each sheet's part, as the patcher read
 * them from the workbook and its relationships).
 */
export async function findLostParts(zip: JSZip, sheets: ReadonlyMap<string, string>): Promise<LostPart[]> {
  const read = async (path: string) => zipEntry(zip, path)?.async("string");
  const lost: LostPart[] = [];
  const claimed = new Set<string>();
  for (const [sheet, part] of sheets) {
    for (const rel of await safeRelationships(read, part)) {
      if (rel.type.endsWith("/pivotTable")) {
        lost.push({ what: "Pivottabellen", sheet });
        claimed.add(rel.target);
      }
      if (rel.type.endsWith("/drawing")) {
        const drawingRels = await safeRelationships(read, rel.target);
        if (drawingRels.some((r) => r.type.endsWith("/chart"))) lost.push({ what: "Diagrammet", sheet });
        if (await hasShapes(await read(rel.target))) lost.push({ what: "Figurer og tekstfelter", sheet });
      }
    }
  }
  for (const path of Object.keys(zip.files)) {
    if (claimed.has(path)) continue;
    const kind = PACKAGE_PARTS.find((p) => p.pattern.test(path));
    if (kind && !lost.some((l) => l.what === kind.what && l.sheet === undefined))
      lost.push({ what: kind.what });
  }
  return lost;
}

/** A part's relationships; none when its .rels cannot be read. */
async function safeRelationships(
  read: (path: string) => Promise<string | undefined>,
  part: string,
): Promise<Relationship[]> {
  try {
    return readRelationships(await read(relsPathOf(part)), part);
  } catch (error) {
    if (error instanceof XmlError) return [];
    throw error;
  }
}

const DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** Whether a drawing anchors a shape or a connector (xdr:sp, xdr:cxnSp) somewhere in its anchors. */
async function hasShapes(xml: string | undefined): Promise<boolean> {
  if (!xml) return false;
  try {
    const doc = new XmlDoc(xml);
    const walk = (element: XmlElement): boolean =>
      doc
        .children(element)
        .some((c) => (c.ns === DRAWING_NS && (c.local === "sp" || c.local === "cxnSp")) || walk(c));
    return walk(doc.root);
  } catch (error) {
    if (error instanceof XmlError) return false;
    throw error;
  }
}

/** Names of tables whose XML leaves headerRowCount at its default (1); ExcelJS reads those as header-less. */
export async function tablesWithDefaultHeader(zip: JSZip): Promise<Set<string>> {
  const names = new Set<string>();
  const typesXml = await zipEntry(zip, "[Content_Types].xml")?.async("string");
  const types = typesXml ? new ContentTypes(typesXml) : undefined;
  for (const path of Object.keys(zip.files)) {
    if (!types || !types.of(path)?.endsWith("spreadsheetml.table+xml")) continue;
    try {
      const root = new XmlDoc((await zip.file(path)!.async("string")) ?? "").root;
      const name = attrOf(root, "name");
      if (name && attrOf(root, "headerRowCount") !== "0") names.add(name);
    } catch (error) {
      if (!(error instanceof XmlError)) throw error;
    }
  }
  return names;
}
