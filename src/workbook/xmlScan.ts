import { escapeXml, unescapeXml } from "./xml";

/**
 * A namespace-aware XML scanner for editing package parts in place. It reads the markup as XML 1.0 does
 * — start tags with either quote, empty-element tags, end tags, comments, CDATA sections, processing
 * instructions — resolves every element's and attribute's namespace from the declarations in scope, and
 * gives each element's extent as offsets in the text, so an edit replaces exactly that element and the
 * rest of the part stays character for character as it was. Nothing is found by a text pattern: a
 * `<row r="5">` inside a comment is a comment, `r='5'` is an attribute like `r="5"`, `<x:row>` is a row.
 *
 * Only the elements asked for are turned into objects (a sheet of 100.000 rows is walked, not built).
 * A document type declaration is refused (OOXML parts have none; refusing it rules out entity expansion).
 */

export class XmlError extends Error {}

const XML_NS = "http://www.w3.org/XML/1998/namespace";

export interface XmlElement {
  /** The qualified name as written ("x:row"). */
  name: string;
  prefix: string;
  local: string;
  /** The element's namespace URI ("" when none is declared). */
  ns: string;
  /** The attributes as written: qualified name and raw (escaped) value, in order. */
  raw: [string, string][];
  /** Offset of "<". */
  start: number;
  /** Offset just after the start tag's ">". */
  openEnd: number;
  /** Offset of the end tag's "</" (= openEnd for an empty element). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  empty: boolean;
  /** The namespace declarations in scope inside the element: prefix ("" = default) → URI. */
  scope: ReadonlyMap<string, string>;
}

const ROOT_SCOPE: ReadonlyMap<string, string> = new Map([["xml", XML_NS]]);

/** A parsed part: its root element and helpers to walk and edit it by offsets. */
export class XmlDoc {
  readonly root: XmlElement;

  constructor(readonly text: string) {
    // The root's end is the document's last end tag: the root is not walked (a sheet of 100.000 rows
    // would be walked once more for nothing); its children are, as they are asked for.
    const { lt, tag } = rootStartTag(text);
    const base = {
      name: tag.name,
      ...resolveName(tag.name, tag.scope),
      raw: tag.raw,
      start: lt,
      openEnd: tag.openEnd,
      scope: tag.scope,
    };
    if (tag.empty) {
      this.root = { ...base, closeStart: tag.openEnd, end: tag.openEnd, empty: true };
      return;
    }
    const closeStart = text.lastIndexOf(`</${tag.name}`);
    if (closeStart < tag.openEnd) throw new XmlError(`<${tag.name}> is not closed`);
    const gt = text.indexOf(">", closeStart);
    if (gt < 0 || text.slice(closeStart + 2 + tag.name.length, gt).trim() !== "")
      throw new XmlError(`<${tag.name}> is not closed`);
    this.root = { ...base, closeStart, end: gt + 1, empty: false };
  }

  private readonly childCache = new Map<number, XmlElement[]>();

  /** The direct child elements of an element, in order (found once per element). */
  children(parent: XmlElement): XmlElement[] {
    const cached = this.childCache.get(parent.start);
    if (cached) return cached;
    const out: XmlElement[] = [];
    this.eachChild(parent, (child) => {
      out.push(child);
    });
    this.childCache.set(parent.start, out);
    return out;
  }

  /**
   * Calls `visit` for each direct child element, in order, without keeping them; returning false stops.
   * Text, comments, CDATA and processing instructions between them are skipped.
   */
  eachChild(parent: XmlElement, visit: (child: XmlElement) => boolean | void): void {
    if (parent.empty) return;
    const text = this.text;
    let i = parent.openEnd;
    while (i < parent.closeStart) {
      const lt = text.indexOf("<", i);
      if (lt < 0 || lt >= parent.closeStart) return;
      const kind = markupAt(text, lt);
      if (kind === "element") {
        const child = readElement(text, lt, parent.scope);
        if (visit(child) === false) return;
        i = child.end;
      } else i = skipMarkup(text, lt, kind);
    }
  }

  /** The first direct child in a namespace with a local name. */
  child(parent: XmlElement, ns: string, local: string): XmlElement | undefined {
    let found: XmlElement | undefined;
    this.eachChild(parent, (c) => {
      if (c.ns === ns && c.local === local) {
        found = c;
        return false;
      }
      return true;
    });
    return found;
  }

  childrenNamed(parent: XmlElement, ns: string, local: string): XmlElement[] {
    return this.children(parent).filter((c) => c.ns === ns && c.local === local);
  }

  /** The element's text content (character data and CDATA of its descendants), references resolved. */
  textOf(element: XmlElement): string {
    return textContent(this.text, element.openEnd, element.closeStart);
  }

  /** The element as written. */
  source(element: XmlElement): string {
    return this.text.slice(element.start, element.end);
  }

  /** The prefix ("" = default, "x:" style with the colon) that names a namespace inside an element. */
  prefixFor(element: XmlElement, ns: string): string | undefined {
    let found: string | undefined;
    for (const [prefix, uri] of element.scope) {
      if (uri !== ns) continue;
      // A prefix shadowed by a later declaration of the same prefix is not in the map twice: Map keeps one.
      if (prefix === "") return "";
      found ??= `${prefix}:`;
    }
    return found;
  }
}

type Markup = "element" | "end" | "comment" | "cdata" | "pi" | "doctype";

function markupAt(text: string, lt: number): Markup {
  const next = text.charCodeAt(lt + 1);
  if (next === 47 /* / */) return "end";
  if (next === 63 /* ? */) return "pi";
  if (next === 33 /* ! */) {
    if (text.startsWith("<!--", lt)) return "comment";
    if (text.startsWith("<![CDATA[", lt)) return "cdata";
    return "doctype";
  }
  return "element";
}

/** The offset after a comment, CDATA section or processing instruction starting at `lt`. */
function skipMarkup(text: string, lt: number, kind: Markup): number {
  const close = kind === "comment" ? "-->" : kind === "cdata" ? "]]>" : kind === "pi" ? "?>" : undefined;
  if (!close) throw new XmlError(kind === "doctype" ? "a document type declaration" : `markup at ${lt}`);
  const at = text.indexOf(close, lt + 2);
  if (at < 0) throw new XmlError(`an unclosed ${kind} at ${lt}`);
  return at + close.length;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Reads a start tag at `lt`: its name, attributes, namespace scope and the offset after ">". */
function readStartTag(
  text: string,
  lt: number,
  outer: ReadonlyMap<string, string>,
): {
  name: string;
  raw: [string, string][];
  scope: ReadonlyMap<string, string>;
  openEnd: number;
  empty: boolean;
} {
  let i = lt + 1;
  const n = text.length;
  while (i < n && !isSpace(text.charCodeAt(i)) && text[i] !== ">" && text[i] !== "/") i++;
  const name = text.slice(lt + 1, i);
  if (!name) throw new XmlError(`an element without a name at ${lt}`);
  const raw: [string, string][] = [];
  let scope = outer;
  for (;;) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) throw new XmlError(`an unclosed start tag <${name}> at ${lt}`);
    const c = text[i];
    if (c === ">") return { name, raw, scope, openEnd: i + 1, empty: false };
    if (c === "/") {
      if (text[i + 1] !== ">") throw new XmlError(`a stray "/" in <${name}> at ${i}`);
      return { name, raw, scope, openEnd: i + 2, empty: true };
    }
    const nameStart = i;
    while (i < n && text[i] !== "=" && !isSpace(text.charCodeAt(i)) && text[i] !== ">") i++;
    const attrName = text.slice(nameStart, i);
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (text[i] !== "=") throw new XmlError(`the attribute ${attrName} of <${name}> has no value at ${i}`);
    i++;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") throw new XmlError(`an unquoted attribute ${attrName} at ${i}`);
    const close = text.indexOf(quote, i + 1);
    if (close < 0) throw new XmlError(`an unclosed attribute ${attrName} at ${i}`);
    const rawValue = text.slice(i + 1, close);
    if (rawValue.includes("<")) throw new XmlError(`"<" in the attribute ${attrName} at ${i}`);
    i = close + 1;
    if (raw.some(([a]) => a === attrName)) throw new XmlError(`the attribute ${attrName} twice at ${lt}`);
    raw.push([attrName, rawValue]);
    if (attrName === "xmlns" || attrName.startsWith("xmlns:")) {
      if (scope === outer) scope = new Map(outer);
      (scope as Map<string, string>).set(
        attrName === "xmlns" ? "" : attrName.slice(6),
        unescapeXml(rawValue),
      );
    }
  }
}

/** An element's prefix, local name and namespace from the declarations in scope. */
function resolveName(name: string, scope: ReadonlyMap<string, string>) {
  const colon = name.indexOf(":");
  const prefix = colon < 0 ? "" : name.slice(0, colon);
  const local = colon < 0 ? name : name.slice(colon + 1);
  const ns = scope.get(prefix);
  if (ns === undefined) {
    if (prefix === "") return { prefix, local, ns: "" };
    throw new XmlError(`the prefix ${prefix} of ${name} is not declared`);
  }
  return { prefix, local, ns };
}

/** Where the last skipped start tag's name ends, and whether the tag was empty (set by skipStartTag). */
let skippedNameEnd = 0;
let skippedEmpty = false;

/**
 * The offset after a start tag at `lt` (after ">"), attributes skipped; its name ends at
 * `skippedNameEnd`, `skippedEmpty` says whether it was empty. No objects are made: this runs for every
 * cell of a sheet.
 */
function skipStartTag(text: string, lt: number): number {
  let i = lt + 1;
  const n = text.length;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 62 /* > */ || c === 47 /* / */) break;
  }
  if (i === lt + 1) throw new XmlError(`an element without a name at ${lt}`);
  skippedNameEnd = i;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39) {
      const close = text.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close < 0) break;
      i = close;
    } else if (c === 62) {
      skippedEmpty = text.charCodeAt(i - 1) === 47;
      return i + 1;
    } else if (c === 60) break;
  }
  throw new XmlError(`an unclosed start tag at ${lt}`);
}

/** Whether the end tag at `lt` ("</name>") closes the start tag whose name is text[from, to). */
function closes(text: string, lt: number, gt: number, from: number, to: number): boolean {
  const length = to - from;
  let end = gt;
  while (end > lt + 2 && isSpace(text.charCodeAt(end - 1))) end--;
  if (end - (lt + 2) !== length) return false;
  for (let k = 0; k < length; k++)
    if (text.charCodeAt(lt + 2 + k) !== text.charCodeAt(from + k)) return false;
  return true;
}

/**
 * Reads the element starting at `lt` and finds its end by walking its content (nested elements are
 * matched by name, not built).
 */
function readElement(text: string, lt: number, outer: ReadonlyMap<string, string>): XmlElement {
  const tag = readStartTag(text, lt, outer);
  const { prefix, local, ns } = resolveName(tag.name, tag.scope);
  const element: XmlElement = {
    name: tag.name,
    prefix,
    local,
    ns,
    raw: tag.raw,
    start: lt,
    openEnd: tag.openEnd,
    closeStart: tag.openEnd,
    end: tag.openEnd,
    empty: tag.empty,
    scope: tag.scope,
  };
  if (tag.empty) return element;
  // Walk the content: the open elements' names, as offsets into the text.
  const starts: number[] = [lt + 1];
  const ends: number[] = [lt + 1 + tag.name.length];
  let i = tag.openEnd;
  for (;;) {
    const next = text.indexOf("<", i);
    if (next < 0) throw new XmlError(`<${tag.name}> at ${lt} is not closed`);
    const kind = markupAt(text, next);
    if (kind === "element") {
      i = skipStartTag(text, next);
      if (!skippedEmpty) {
        starts.push(next + 1);
        ends.push(skippedNameEnd);
      }
    } else if (kind === "end") {
      const gt = text.indexOf(">", next);
      if (gt < 0) throw new XmlError(`an unclosed end tag at ${next}`);
      const from = starts.pop()!;
      const to = ends.pop()!;
      if (!closes(text, next, gt, from, to))
        throw new XmlError(`</${text.slice(next + 2, gt)}> closes <${text.slice(from, to)}> at ${next}`);
      i = gt + 1;
      if (starts.length === 0) {
        element.closeStart = next;
        element.end = i;
        element.empty = false;
        return element;
      }
    } else i = skipMarkup(text, next, kind);
  }
}

/** Character data between two offsets: text with references resolved, CDATA as is, markup left out. */
function textContent(text: string, from: number, to: number): string {
  let out = "";
  let i = from;
  while (i < to) {
    const lt = text.indexOf("<", i);
    const stop = lt < 0 || lt > to ? to : lt;
    if (stop > i) out += unescapeXml(text.slice(i, stop));
    if (stop === to) break;
    const kind = markupAt(text, lt);
    if (kind === "cdata") {
      const end = text.indexOf("]]>", lt + 9);
      out += text.slice(lt + 9, end);
      i = end + 3;
    } else if (kind === "element" || kind === "end") i = text.indexOf(">", lt) + 1;
    else i = skipMarkup(text, lt, kind);
  }
  return out;
}

/** An attribute's value by namespace ("" for an unprefixed attribute) and local name. */
export function attrOf(element: XmlElement, local: string, ns = ""): string | undefined {
  for (const [name, raw] of element.raw) {
    if (ns === "") {
      if (name === local) return unescapeXml(raw);
      continue;
    }
    const colon = name.indexOf(":");
    if (colon < 0 || name.slice(colon + 1) !== local) continue;
    if (element.scope.get(name.slice(0, colon)) === ns) return unescapeXml(raw);
  }
  return undefined;
}

/** A raw attribute value as it goes between double quotes. */
const quoted = (raw: string) => (raw.includes('"') ? escapeXml(unescapeXml(raw)) : raw);

/**
 * The element's start tag written again with attributes set (a value) or removed (undefined), the others
 * kept in their order; new ones go at the end. Attribute names are unprefixed or given qualified.
 */
export function startTag(
  element: XmlElement,
  changes: Record<string, string | undefined>,
  empty = element.empty,
): string {
  const parts: string[] = [element.name];
  const done = new Set<string>();
  for (const [name, raw] of element.raw) {
    if (name in changes) {
      done.add(name);
      const value = changes[name];
      if (value !== undefined) parts.push(`${name}="${escapeXml(value)}"`);
    } else parts.push(`${name}="${quoted(raw)}"`);
  }
  for (const [name, value] of Object.entries(changes))
    if (!done.has(name) && value !== undefined) parts.push(`${name}="${escapeXml(value)}"`);
  return `<${parts.join(" ")}${empty ? "/>" : ">"}`;
}

/** Prefixes the element names of markup this tool generated (unprefixed) with a namespace prefix ("x:"). */
export function withPrefix(xml: string, prefix: string): string {
  if (!prefix) return xml;
  return xml.replace(/<(\/?)([A-Za-z])/g, `<$1${prefix}$2`);
}

/** Applies non-overlapping edits (offset ranges replaced by text) to a text; edits at one offset keep their order. */
export function splice(text: string, edits: { from: number; to: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.from - b.from || a.to - b.to);
  const out: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.from < at) throw new Error("overlapping edits");
    out.push(text.slice(at, e.from), e.text);
    at = e.to;
  }
  out.push(text.slice(at));
  return out.join("");
}

/**
 * The part written again in a plain form other readers (ExcelJS) understand: the namespaces in `rename`
 * replaced (strict → transitional), elements of `main` unprefixed (a prefixed main namespace), CDATA
 * sections as escaped text, comments and processing instructions other than the declaration left out.
 * Used only on the copy that is read, never on the package that is written.
 */
export function plainXml(text: string, main: string, rename: ReadonlyMap<string, string>): string {
  const out: string[] = [];
  const doc = new XmlDoc(text);
  const declaration = /^<\?xml[^?]*\?>/.exec(text)?.[0];
  if (declaration) out.push(declaration, "\n");
  const mapNs = (uri: string) => rename.get(uri) ?? uri;
  // Output default namespace per open element.
  const defaults: string[] = [];
  const names: string[] = [];
  let i = doc.root.start;
  const end = doc.root.end;
  const scopes: ReadonlyMap<string, string>[] = [ROOT_SCOPE];
  while (i < end) {
    const lt = text.indexOf("<", i);
    if (lt < 0 || lt >= end) break;
    if (lt > i) out.push(text.slice(i, lt));
    const kind = markupAt(text, lt);
    if (kind === "element") {
      const tag = readStartTag(text, lt, scopes.at(-1)!);
      const { prefix, local, ns } = resolveName(tag.name, tag.scope);
      const mapped = mapNs(ns);
      const outerDefault = defaults.at(-1) ?? "";
      let name = tag.name;
      let ownDefault = outerDefault;
      const attrs: string[] = [];
      for (const [attrName, raw] of tag.raw) {
        if (attrName === "xmlns") {
          ownDefault = mapNs(unescapeXml(raw));
          continue; // written below
        }
        if (attrName.startsWith("xmlns:")) {
          const uri = mapNs(unescapeXml(raw));
          if (uri === main) continue; // main-namespace elements are written unprefixed
          attrs.push(`${attrName}="${escapeXml(uri)}"`);
          continue;
        }
        attrs.push(`${attrName}="${raw}"`);
      }
      if (mapped === main) {
        name = local;
        ownDefault = main;
      } else if (prefix === "" && ownDefault === main) {
        // An unprefixed element outside the main namespace (none in practice): keep its own default.
        ownDefault = mapped;
      }
      if (ownDefault !== outerDefault || names.length === 0)
        attrs.unshift(`xmlns="${escapeXml(ownDefault)}"`);
      out.push(`<${[name, ...attrs].join(" ")}${tag.empty ? "/>" : ">"}`);
      i = tag.openEnd;
      if (!tag.empty) {
        names.push(name);
        defaults.push(ownDefault);
        scopes.push(tag.scope);
      }
    } else if (kind === "end") {
      const gt = text.indexOf(">", lt);
      out.push(`</${names.pop()}>`);
      defaults.pop();
      scopes.pop();
      i = gt + 1;
    } else if (kind === "cdata") {
      const close = text.indexOf("]]>", lt + 9);
      out.push(escapeXml(text.slice(lt + 9, close)));
      i = close + 3;
    } else i = skipMarkup(text, lt, kind);
  }
  return out.join("");
}

/** The root element's start tag: where it is and what it says (markup before it skipped). */
function rootStartTag(text: string): { lt: number; tag: ReturnType<typeof readStartTag> } {
  let i = 0;
  for (;;) {
    const lt = text.indexOf("<", i);
    if (lt < 0) throw new XmlError("no root element");
    const kind = markupAt(text, lt);
    if (kind === "element") return { lt, tag: readStartTag(text, lt, ROOT_SCOPE) };
    if (kind === "end") throw new XmlError(`an end tag before the root element at ${lt}`);
    i = skipMarkup(text, lt, kind);
  }
}

/** The root element's start tag alone (name and namespace), without walking the document. */
export function rootOf(text: string): { name: string; prefix: string; local: string; ns: string } {
  const { tag } = rootStartTag(text);
  return { name: tag.name, ...resolveName(tag.name, tag.scope) };
}
