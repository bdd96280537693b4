import JSZip from "jszip";
import { attr, unescapeXml } from "./xml";

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

/** Target paths of a .rels file, resolved against the folder of the part the rels belong to. */
function relTargets(xml: string | undefined, baseFolder: string): { type: string; target: string }[] {
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
    const rel = m[0];
    const target = attr(rel, "Target") ?? "";
    const resolved = target.startsWith("/") ? target.slice(1) : normalizePath(`${baseFolder}/${target}`);
    return { type: attr(rel, "Type") ?? "", target: resolved };
  });
}

function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return out.join("/");
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * Lists what an .xlsx package holds that the file implementation (ExcelJS) drops when it writes the
 * workbook back: charts and shapes in drawings, pivot tables, slicers, macros and the like, named per
 * sheet where the package says which sheet holds them.
 */
export async function findLostParts(zip: JSZip): Promise<LostPart[]> {
  const read = async (path: string) => zip.file(path)?.async("string");
  const lost: LostPart[] = [];
  const workbook = (await read("xl/workbook.xml")) ?? "";
  const relById = new Map(
    [...((await read("xl/_rels/workbook.xml.rels")) ?? "").matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
      attr(m[0], "Id"),
      m[0],
    ]),
  );
  const sheetByPart = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const id = attr(m[0], "r:id");
    const rel = id ? relById.get(id) : undefined;
    const target = rel ? attr(rel, "Target") : undefined;
    const name = attr(m[0], "name");
    if (target && name)
      sheetByPart.set(
        target.startsWith("/") ? target.slice(1) : normalizePath(`xl/${target}`),
        unescapeXml(name),
      );
  }
  const claimed = new Set<string>();
  for (const [part, sheet] of sheetByPart) {
    for (const rel of relTargets(await read(relsPathOf(part)), part.slice(0, part.lastIndexOf("/")))) {
      if (rel.type.endsWith("/pivotTable")) {
        lost.push({ what: "Pivottabellen", sheet });
        claimed.add(rel.target);
      }
      if (rel.type.endsWith("/drawing")) {
        const drawing = (await read(rel.target)) ?? "";
        const drawingRels = relTargets(
          await read(relsPathOf(rel.target)),
          rel.target.slice(0, rel.target.lastIndexOf("/")),
        );
        if (drawingRels.some((r) => r.type.endsWith("/chart"))) lost.push({ what: "Diagrammet", sheet });
        if (/<xdr:sp\b/.test(drawing) || /<xdr:cxnSp\b/.test(drawing))
          lost.push({ what: "Figurer og tekstfelter", sheet });
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

/** Names of tables whose XML leaves headerRowCount at its default (1); ExcelJS reads those as header-less. */
export async function tablesWithDefaultHeader(zip: JSZip): Promise<Set<string>> {
  const names = new Set<string>();
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p))) {
    const xml = (await zip.file(path)!.async("string")) ?? "";
    const open = /<table\b[^>]*>/.exec(xml)?.[0] ?? "";
    const name = attr(open, "name");
    if (name && attr(open, "headerRowCount") !== "0") names.add(unescapeXml(name));
  }
  return names;
}
