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

export const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

export interface XmlAttr {
  /** The qualified name as written ("r:id"). */
  name: string;
  local: string;
  /** The namespace URI ("" for an unprefixed attribute). */
  ns: string;
  /** The value with references resolved. */
  value: string;
}

export interface XmlElement {
  /** The qualified name as written ("x:row"). */
  name: string;
  prefix: string;
  local: string;
  /** The element's namespace URI ("" when none is declared). */
  ns: string;
  attrs: XmlAttr[];
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
    let i = 0;
    for (;;) {
      const lt = text.indexOf("<", i);
      if (lt < 0) throw new XmlError("no root element");
      const kind = markupAt(text, lt);
      if (kind === "element") {
        this.root = readElement(text, lt, ROOT_SCOPE, true);
        break;
      }
      if (kind === "end") throw new XmlError(`an end tag before the root element at ${lt}`);
      i = skipMarkup(text, lt, kind);
    }
  }

  /** The direct child elements of an element, in order. */
  children(parent: XmlElement): XmlElement[] {
    const out: XmlElement[] = [];
    this.eachChild(parent, (child) => {
      out.push(child);
    });
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
        const child = readElement(text, lt, parent.scope, true);
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

function resolveName(name: string, scope: ReadonlyMap<string, string>, attribute: boolean) {
  const colon = name.indexOf(":");
  const prefix = colon < 0 ? "" : name.slice(0, colon);
  const local = colon < 0 ? name : name.slice(colon + 1);
  if (attribute && prefix === "") return { prefix, local, ns: name === "xmlns" ? XMLNS_NS : "" };
  if (prefix === "xmlns") return { prefix, local, ns: XMLNS_NS };
  const ns = scope.get(prefix);
  if (ns === undefined) {
    if (prefix === "") return { prefix, local, ns: "" };
    throw new XmlError(`the prefix ${prefix} of ${name} is not declared`);
  }
  return { prefix, local, ns };
}

/**
 * Reads the element starting at `lt` and finds its end by walking its content (nested elements are
 * matched by name, not built). `resolve` resolves the namespaces of its attributes.
 */
function readElement(
  text: string,
  lt: number,
  outer: ReadonlyMap<string, string>,
  resolve: boolean,
): XmlElement {
  const tag = readStartTag(text, lt, outer);
  const { prefix, local, ns } = resolveName(tag.name, tag.scope, false);
  const attrs: XmlAttr[] = resolve
    ? tag.raw.map(([name, raw]) => ({ name, ...resolveName(name, tag.scope, true), value: unescapeXml(raw) }))
    : [];
  const base = {
    name: tag.name,
    prefix,
    local,
    ns,
    attrs,
    start: lt,
    openEnd: tag.openEnd,
    scope: tag.scope,
  };
  if (tag.empty) return { ...base, closeStart: tag.openEnd, end: tag.openEnd, empty: true };
  // Walk the content: a stack of the open elements' names.
  const open: string[] = [tag.name];
  let i = tag.openEnd;
  for (;;) {
    const next = text.indexOf("<", i);
    if (next < 0) throw new XmlError(`<${tag.name}> at ${lt} is not closed`);
    const kind = markupAt(text, next);
    if (kind === "element") {
      const inner = readStartTag(text, next, tag.scope);
      i = inner.openEnd;
      if (!inner.empty) open.push(inner.name);
    } else if (kind === "end") {
      const gt = text.indexOf(">", next);
      if (gt < 0) throw new XmlError(`an unclosed end tag at ${next}`);
      const name = text.slice(next + 2, gt).trimEnd();
      const expected = open.pop();
      if (name !== expected) throw new XmlError(`</${name}> closes <${expected}> at ${next}`);
      i = gt + 1;
      if (open.length === 0) return { ...base, closeStart: next, end: i, empty: false };
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

/** An attribute's value by namespace and local name. */
export function attrOf(element: XmlElement, local: string, ns = ""): string | undefined {
  for (const a of element.attrs) if (a.local === local && a.ns === ns) return a.value;
  return undefined;
}

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
  for (const a of element.attrs) {
    if (a.name in changes) {
      done.add(a.name);
      const value = changes[a.name];
      if (value !== undefined) parts.push(`${a.name}="${escapeXml(value)}"`);
    } else parts.push(`${a.name}="${escapeXml(a.value)}"`);
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

/** Applies non-overlapping edits (offset ranges replaced by text) to a text. */
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
