/**
 * A workbook as it prints: LibreOffice (headless, Danish locale, Carlito for Calibri) converts it to PDF
 * with each sheet's own page setup; poppler's `pdftotext -bbox` reads every printed word back with its
 * box. Used by `npm run render` and by the print test (test/print/print.test.ts).
 *
 * Needs the Debian packages libreoffice-calc-nogui, fonts-crosextra-carlito and poppler-utils.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, writeFileSync } from "fs";
import { basename, join } from "path";

/** The tools the pages need, with the Debian package that brings each. */
export const PRINT_TOOLS: { path: string; debian: string }[] = [
  { path: "/usr/bin/soffice", debian: "libreoffice-calc-nogui" },
  { path: "/usr/bin/pdftotext", debian: "poppler-utils" },
  { path: "/usr/bin/pdftoppm", debian: "poppler-utils" },
  { path: "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf", debian: "fonts-crosextra-carlito" },
];

/** The Debian packages missing on this machine for printing (empty when everything is there). */
export function missingPrintPackages(): string[] {
  return [...new Set(PRINT_TOOLS.filter((t) => !existsSync(t.path)).map((t) => t.debian))];
}

/**
 * A word's box height over its font size for Carlito (Calibri's metrics), measured: 11 pt text printed
 * at 100 % gives boxes 14,30 pt high, 8 pt text 10,39 pt.
 */
export const CARLITO_BOX_PER_POINT = 1.2998;

export interface PrintedWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  /** The text's size on paper in points (its box height over Carlito's box per point). */
  size: number;
}

export interface PrintedPage {
  width: number;
  height: number;
  words: PrintedWord[];
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 300_000, maxBuffer: 1 << 28 });
  if (result.error || result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} gik galt: ${result.error?.message ?? result.stderr}`);
  return result.stdout;
}

/**
 * A LibreOffice profile that prints as a Danish user's Excel: the locale da-DK (1.234,5 · 30-10-2018 ·
 * 0,25 %) set in the profile itself, so no system locale has to be generated.
 */
function danishProfile(dir: string): string {
  const profile = join(dir, ".profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  const item = (name: string) =>
    `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="${name}" oor:op="fuse"><value>da-DK</value></prop></item>`;
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" ` +
      `xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `${item("ooSetupSystemLocale")}${item("ooLocale")}</oor:items>\n`,
  );
  return `file://${profile}`;
}

/** Prints a workbook to PDF in `dir` (LibreOffice, Danish); returns the PDF's path. */
export function printToPdf(workbook: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  run("/usr/bin/soffice", [
    `-env:UserInstallation=${danishProfile(dir)}`,
    "--headless",
    "--convert-to",
    "pdf",
    "--outdir",
    dir,
    workbook,
  ]);
  return join(dir, basename(workbook).replace(/\.(xls[xm]|docx)$/i, ".pdf"));
}

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Every printed word of a PDF, page by page (pdftotext -bbox). */
export function readPages(pdf: string): PrintedPage[] {
  const html = run("/usr/bin/pdftotext", ["-bbox", pdf, "-"]);
  const pages: PrintedPage[] = [];
  const tag =
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(tag)) {
    if (m[1]) {
      pages.push({ width: Number(m[1]), height: Number(m[2]), words: [] });
      continue;
    }
    const [yMin, yMax] = [Number(m[4]), Number(m[6])];
    pages.at(-1)!.words.push({
      text: unescape(m[7]!),
      xMin: Number(m[3]),
      yMin,
      xMax: Number(m[5]),
      yMax,
      size: (yMax - yMin) / CARLITO_BOX_PER_POINT,
    });
  }
  return pages;
}

/** The footer's middle names the sheet (pageText.ts › FILE_FOOTER: "Ark: <name>"). */
const FOOTER_BAND = 40;

/** The sheet a page belongs to, read from its footer ("Ark: Opfølgning"); undefined without one. */
export function pageSheet(page: PrintedPage): string | undefined {
  const footer = page.words
    .filter((w) => w.yMin > page.height - FOOTER_BAND)
    .sort((a, b) => a.xMin - b.xMin)
    .map((w) => w.text);
  const at = footer.indexOf("Ark:");
  if (at < 0) return undefined;
  // The sheet's name runs to the page number ("Side 2 af 5") at the right.
  const end = footer.indexOf("Side", at);
  return footer.slice(at + 1, end < 0 ? undefined : end).join(" ");
}

/** A workbook's pages grouped by the sheet they print (in print order). */
export function pagesBySheet(pages: PrintedPage[]): Map<string, PrintedPage[]> {
  const bySheet = new Map<string, PrintedPage[]>();
  for (const page of pages) {
    const sheet = pageSheet(page) ?? "(uden sidefod)";
    bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), page]);
  }
  return bySheet;
}

/** The smallest text on some pages, in points on paper. */
export function smallestText(pages: PrintedPage[]): number {
  return Math.min(...pages.flatMap((p) => p.words.map((w) => w.size)));
}

/** Renders a PDF's pages as PNG images (70 dpi) in `dir`, named side-N.png. */
export function pagesToPng(pdf: string, dir: string): void {
  run("/usr/bin/pdftoppm", ["-r", "70", "-png", pdf, join(dir, "side")]);
}

/** For the render command: one line per sheet, pages and the smallest text. */
export function printSummary(pdf: string): string {
  const lines = [...pagesBySheet(readPages(pdf))].map(
    ([sheet, pages]) =>
      `${sheet.padEnd(24)} ${String(pages.length).padStart(2)} side${pages.length === 1 ? " " : "r"}  mindste tekst ${smallestText(pages).toFixed(1).replace(".", ",")} pt`,
  );
  return lines.join("\n");
}
