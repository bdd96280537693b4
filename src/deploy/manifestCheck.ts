import { STAGE_NAMES, STAGE_SETTINGS } from "./stages";
import { DOMParser, Element } from "@xmldom/xmldom";

/**
 * An offline check of the add-in manifest, for CI and for IT before they upload it (Microsoft's
 * validation service, `npm run validate`, needs the network). It checks what the online validator checks
 * and what it misses (dangling or unused resids), and that every URL is https on the add-in's host.
 */
export interface ManifestCheckOptions {
  /** The base URL every page and icon lives under, ending in "/" (e.g. https://localhost:3000/). */
  baseUrl: string;
  /** Reads a file by its path below the base URL ("assets/icon-32.png"); undefined when it is missing. */
  readAsset(relativePath: string): Uint8Array | undefined;
  /** The version the manifest must carry (four parts), e.g. from package.json. */
  version?: string;
}

export interface ManifestProblem {
  code:
    | "NOT_XML"
    | "NOT_TASKPANE_APP"
    | "ELEMENT_ORDER"
    | "MISSING_ELEMENT"
    | "BAD_ID"
    | "BAD_VERSION"
    | "BAD_PERMISSION"
    | "DANGLING_RESID"
    | "UNUSED_RESID"
    | "DUPLICATE_RESID"
    | "NOT_HTTPS"
    | "FOREIGN_HOST"
    | "MISSING_FILE"
    | "ICON_SIZE"
    | "APPDOMAIN_NOT_ORIGIN"
    | "STAGE_MISMATCH";
  message: string;
}

/** The children of a TaskPaneApp OfficeApp, in the order of the schema (OfficeApp 1.1). */
export const TASKPANE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "AllowSnapshot",
  "VersionOverrides",
] as const;

const REQUIRED = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "DefaultSettings",
  "Permissions",
];

/** Icons Office shows from the top-level elements, with their required pixel size. */
const TOP_LEVEL_ICONS: [string, number][] = [
  ["IconUrl", 32],
  ["HighResolutionIconUrl", 64],
];

function elements(root: Element | import("@xmldom/xmldom").Document, name: string): Element[] {
  return [...root.getElementsByTagName(name)];
}

function allElements(root: import("@xmldom/xmldom").Document): Element[] {
  return [...root.getElementsByTagName("*")];
}

/** The width and height of a PNG, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export function checkManifest(xml: string, options: ManifestCheckOptions): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const problem = (code: ManifestProblem["code"], message: string) => problems.push({ code, message });
  let doc: import("@xmldom/xmldom").Document;
  try {
    const errors: string[] = [];
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") errors.push(message);
      },
    }).parseFromString(xml, "application/xml");
    if (errors.length > 0) throw new Error(errors.join("; "));
  } catch (error) {
    problem("NOT_XML", `Manifestet er ikke gyldig XML: ${(error as Error).message}`);
    return problems;
  }
  const root = doc.documentElement;
  if (!root || root.localName !== "OfficeApp" || root.getAttribute("xsi:type") !== "TaskPaneApp") {
    problem("NOT_TASKPANE_APP", 'Rodelementet skal være <OfficeApp xsi:type="TaskPaneApp">.');
    return problems;
  }

  // Top-level elements: all known, in the schema's order, the required ones present.
  const children = [...root.childNodes].filter((n): n is Element => n.nodeType === 1);
  let last = -1;
  for (const child of children) {
    const index = (TASKPANE_APP_ORDER as readonly string[]).indexOf(child.localName ?? "");
    if (index < 0) problem("ELEMENT_ORDER", `Ukendt element <${child.localName}> direkte under OfficeApp.`);
    else if (index <= last)
      problem(
        "ELEMENT_ORDER",
        `<${child.localName}> står efter <${TASKPANE_APP_ORDER[last]}>, men skemaet kræver den før.`,
      );
    else last = index;
  }
  const topLevel = (name: string) => children.find((c) => c.localName === name);
  for (const name of REQUIRED)
    if (!topLevel(name)) problem("MISSING_ELEMENT", `Elementet <${name}> mangler under OfficeApp.`);
  if (!elements(doc, "SourceLocation").some((s) => s.parentNode === topLevel("DefaultSettings")))
    problem("MISSING_ELEMENT", "<DefaultSettings> mangler <SourceLocation> (opgaverudens side).");

  const id = topLevel("Id")?.textContent?.trim() ?? "";
  if (topLevel("Id") && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    problem("BAD_ID", `<Id> skal være en GUID, men er "${id}".`);
  // One add-in per environment: the Id, the name and the functions namespace belong to one stage.
  const namespace =
    allElements(doc)
      .find((el) => el.localName === "String" && el.getAttribute("id") === "Functions.Namespace")
      ?.getAttribute("DefaultValue") ?? "";
  const displayName = topLevel("DisplayName")?.getAttribute("DefaultValue") ?? "";
  const stage = STAGE_NAMES.find((name) => STAGE_SETTINGS[name].id.toLowerCase() === id.toLowerCase());
  if (topLevel("Id") && !stage)
    problem("STAGE_MISMATCH", `<Id> ${id} er ikke Id'et for nogen af miljøerne ${STAGE_NAMES.join(", ")}.`);
  else if (stage) {
    const settings = STAGE_SETTINGS[stage];
    if (namespace !== settings.namespace)
      problem(
        "STAGE_MISMATCH",
        `Funktionernes navnerum er "${namespace}", men ${stage}-miljøets Id kræver "${settings.namespace}".`,
      );
    if (settings.displaySuffix !== "" && !displayName.endsWith(settings.displaySuffix))
      problem(
        "STAGE_MISMATCH",
        `Navnet "${displayName}" skal slutte med "${settings.displaySuffix}" (${stage}).`,
      );
    if (settings.displaySuffix === "" && /\((test|udvikling)\)$/.test(displayName))
      problem(
        "STAGE_MISMATCH",
        `Produktionens navn "${displayName}" må ikke ligne et test- eller udviklingsbyggeri.`,
      );
  }
  const version = topLevel("Version")?.textContent?.trim() ?? "";
  if (topLevel("Version") && !/^\d{1,5}(\.\d{1,5}){3}$/.test(version))
    problem("BAD_VERSION", `<Version> skal have fire dele (fx 1.2.0.0), men er "${version}".`);
  else if (options.version !== undefined && version !== options.version)
    problem("BAD_VERSION", `<Version> er ${version}, men package.json giver ${options.version}.`);
  const permission = topLevel("Permissions")?.textContent?.trim();
  if (topLevel("Permissions") && permission !== "ReadWriteDocument")
    problem("BAD_PERMISSION", `<Permissions> skal være ReadWriteDocument, men er "${permission}".`);

  // Resource ids: every resid defined once, every definition used.
  const resources = elements(doc, "Resources")[0];
  const defined = new Map<string, Element>();
  for (const el of resources ? [...resources.getElementsByTagName("*")] : []) {
    const rid = el.getAttribute("id");
    if (!rid) continue;
    if (defined.has(rid)) problem("DUPLICATE_RESID", `Ressourcen "${rid}" er defineret mere end én gang.`);
    defined.set(rid, el);
  }
  const used = new Set<string>();
  for (const el of allElements(doc)) {
    const resid = el.getAttribute("resid");
    if (!resid) continue;
    used.add(resid);
    if (!defined.has(resid))
      problem(
        "DANGLING_RESID",
        `<${el.localName} resid="${resid}"> henviser til en ressource, der ikke findes.`,
      );
  }
  for (const rid of defined.keys())
    if (!used.has(rid)) problem("UNUSED_RESID", `Ressourcen "${rid}" er defineret, men bruges ikke.`);

  // URLs: https, on the base URL's host or a listed AppDomain.
  const base = new URL(options.baseUrl);
  const domains = elements(doc, "AppDomain").map((d) => d.textContent?.trim() ?? "");
  const allowedHosts = new Set([
    base.host,
    ...domains.flatMap((d) => (URL.canParse(d) ? [new URL(d).host] : [])),
  ]);
  for (const domain of domains) {
    if (!domain.startsWith("https://")) problem("NOT_HTTPS", `AppDomain "${domain}" skal bruge https.`);
    // AppDomains are origins of other hosts the add-in navigates to; a path is not allowed, and the add-in's
    // own origin has no effect there.
    else if (!URL.canParse(domain) || new URL(domain).origin !== domain.replace(/\/$/, ""))
      problem(
        "APPDOMAIN_NOT_ORIGIN",
        `AppDomain "${domain}" skal være en oprindelse (https://vært[:port]) uden sti.`,
      );
    else if (new URL(domain).origin === base.origin)
      problem(
        "APPDOMAIN_NOT_ORIGIN",
        `AppDomain "${domain}" er tilføjelsesprogrammets egen oprindelse; den skal ikke stå der.`,
      );
  }
  for (const el of allElements(doc)) {
    for (const attr of ["DefaultValue", "Value"]) {
      const value = el.getAttribute(attr);
      if (!value || !/^[a-z]+:\/\//i.test(value)) continue;
      if (!value.startsWith("https://")) {
        problem("NOT_HTTPS", `<${el.localName}> peger på ${value}; alle adresser skal bruge https.`);
        continue;
      }
      if (!allowedHosts.has(new URL(value).host))
        problem(
          "FOREIGN_HOST",
          `<${el.localName}> peger på ${value}, som hverken ligger på ${base.host} eller i AppDomains.`,
        );
    }
  }

  // Icons: each file exists below the base URL and has the declared pixel size.
  const icons: [string, string, number][] = [];
  for (const [name, size] of TOP_LEVEL_ICONS) {
    const url = topLevel(name)?.getAttribute("DefaultValue");
    if (url) icons.push([`<${name}>`, url, size]);
  }
  for (const el of elements(doc, "bt:Image")) {
    const size = Number(el.getAttribute("size"));
    const resid = el.getAttribute("resid");
    const url = resid ? defined.get(resid)?.getAttribute("DefaultValue") : undefined;
    if (size > 0 && url) icons.push([`ikonet "${resid}"`, url, size]);
  }
  for (const [what, url, size] of icons) {
    if (!url.startsWith(options.baseUrl)) continue; // reported above when foreign or not https
    const bytes = options.readAsset(url.slice(options.baseUrl.length));
    if (!bytes) {
      problem("MISSING_FILE", `${what}: filen ${url} findes ikke.`);
      continue;
    }
    const actual = pngSize(bytes);
    if (!actual || actual.width !== size || actual.height !== size)
      problem(
        "ICON_SIZE",
        `${what}: ${url} skal være et PNG på ${size}×${size} px, men er ${actual ? `${actual.width}×${actual.height} px` : "ikke et PNG"}.`,
      );
  }
  return problems;
}
