import JSZip from "jszip";
import { attrOf, XmlDoc, XmlElement } from "./xmlScan";

/**
 * The package (Open Packaging Conventions) around the parts: relationships, content types and the
 * namespaces of the two OOXML flavours (transitional, as Excel saves by default, and strict).
 */

export const PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";

export interface Flavour {
  main: string;
  /** The namespace of r:id attributes. */
  rel: string;
  /** The prefix of relationship types ("…/relationships/worksheet"). */
  relTypes: string;
}

export const TRANSITIONAL: Flavour = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  relTypes: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};

export const STRICT: Flavour = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  relTypes: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};

export function flavourOf(ns: string): Flavour | undefined {
  if (ns === TRANSITIONAL.main) return TRANSITIONAL;
  if (ns === STRICT.main) return STRICT;
  return undefined;
}

export interface Relationship {
  id: string;
  type: string;
  /** The target part's path in the package (no leading "/"), or the raw target when external. */
  target: string;
  external: boolean;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const piece of path.split("/")) {
    if (piece === "..") out.pop();
    else if (piece !== "." && piece !== "") out.push(piece);
  }
  return out.join("/");
}

/** A relationship target resolved against the folder of its source part (absolute targets too). */
export function resolveTarget(sourcePart: string, target: string): string {
  const decoded = safeDecode(target);
  if (decoded.startsWith("/")) return normalizePath(decoded);
  const folder = sourcePart.slice(0, sourcePart.lastIndexOf("/") + 1);
  return normalizePath(folder + decoded);
}

function safeDecode(target: string): string {
  try {
    return decodeURI(target);
  } catch {
    return target;
  }
}

/** The relationships of a .rels part, read with the XML scanner (an absent part has none). */
export function readRelationships(relsXml: string | undefined, sourcePart: string): Relationship[] {
  if (!relsXml) return [];
  const doc = new XmlDoc(relsXml);
  return doc
    .children(doc.root)
    .filter((r) => r.local === "Relationship" && r.ns === PACKAGE_RELS_NS)
    .map((r) => {
      const external = attrOf(r, "TargetMode") === "External";
      const raw = attrOf(r, "Target") ?? "";
      return {
        id: attrOf(r, "Id") ?? "",
        type: attrOf(r, "Type") ?? "",
        target: external ? raw : resolveTarget(sourcePart, raw),
        external,
      };
    });
}

/** A zip entry by its part name, matched without regard to case (part names are case-insensitive). */
export function zipEntry(zip: JSZip, path: string): JSZip.JSZipObject | undefined {
  const exact = zip.file(path);
  if (exact) return exact;
  const lower = path.toLowerCase();
  const name = Object.keys(zip.files).find((p) => p.toLowerCase() === lower);
  return name ? (zip.file(name) ?? undefined) : undefined;
}

/** The content types: defaults by extension and overrides by part name. */
export class ContentTypes {
  readonly defaults = new Map<string, string>();
  readonly overrides = new Map<string, string>();

  constructor(xml: string) {
    const doc = new XmlDoc(xml);
    for (const e of doc.children(doc.root)) {
      if (e.local === "Default")
        this.defaults.set((attrOf(e, "Extension") ?? "").toLowerCase(), attrOf(e, "ContentType") ?? "");
      if (e.local === "Override")
        this.overrides.set(
          normalizePath(attrOf(e, "PartName") ?? "").toLowerCase(),
          attrOf(e, "ContentType") ?? "",
        );
    }
  }

  of(part: string): string | undefined {
    const override = this.overrides.get(part.toLowerCase());
    if (override !== undefined) return override;
    const dot = part.lastIndexOf(".");
    return dot < 0 ? undefined : this.defaults.get(part.slice(dot + 1).toLowerCase());
  }
}

/** The sheets of a workbook part, in order: name, r:id and the element. */
export function workbookSheets(
  doc: XmlDoc,
  flavour: Flavour,
): { name: string; rid: string; element: XmlElement }[] {
  const sheets = doc.child(doc.root, flavour.main, "sheets");
  if (!sheets) return [];
  return doc.childrenNamed(sheets, flavour.main, "sheet").map((element) => ({
    name: attrOf(element, "name") ?? "",
    rid: attrOf(element, "id", flavour.rel) ?? "",
    element,
  }));
}

/** The workbook part named by the package's office-document relationship (xl/workbook.xml as a rule). */
export async function workbookPartPath(zip: JSZip): Promise<string> {
  const rels = readRelationships(await zipEntry(zip, "_rels/.rels")?.async("string"), "");
  const main = rels.find((r) => /\/officeDocument$/.test(r.type) && !r.external);
  return main?.target ?? "xl/workbook.xml";
}
