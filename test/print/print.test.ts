import ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import { join } from "path";
import {
  missingPrintPackages,
  pagesBySheet,
  PrintedPage,
  printToPdf,
  readPages,
  smallestText,
} from "../../scripts/printedPages";
import { tempDir } from "../helpers/workbooks";
import { readFileSync } from "fs";
import { conformanceProblems, readWithOpenpyxl } from "../helpers/conformance";

/**
 * The demo's outputs as LibreOffice prints them (A4, each sheet with its own page setup, Danish locale,
 * Carlito for Calibri), read back word by word with poppler: what a finance officer puts in front of the
 * committee. Needs libreoffice-calc-nogui, fonts-crosextra-carlito and poppler-utils (.ci/run installs them).
 */
const OUTPUTS = ["reservationspulje-2018", "reservationspulje-2024", "reservationspulje-regnskab-2023"];
/** The smallest text on paper, in points. */
const SMALLEST = 8;

/** The pages each sheet prints on (docs/workbook.md, "Udskrift"); every other sheet prints on one. */
const PAGES: Record<string, Record<string, number>> = {
  // Spor lists every figure of the case with its sources (2018: 155 figures): an appendix, not the case.
  "reservationspulje-2018": { Regler: 2, Reguleringer: 2, Resultat: 2, Scenarier: 2, Sag: 6, Spor: 18 },
  "reservationspulje-2024": { Resultat: 2, Sag: 5, Spor: 8 },
  "reservationspulje-regnskab-2023": { Resultat: 2, Sag: 5, Spor: 15 },
};

/** Every word of the sheet's text cells, as written (a cell's text split at white space). */
function cellWords(ws: ExcelJS.Worksheet): string[] {
  const words: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      const text =
        typeof cell.value === "string"
          ? cell.value
          : cell.type === ExcelJS.ValueType.RichText
            ? cell.text
            : "";
      words.push(...text.split(/\s+/).filter((w) => w !== ""));
    }),
  );
  return words;
}

/**
 * The words of a cell missing whole from the printed pages (a word cut at a cell's edge is missing). A
 * word wrapped after one of its own hyphens ("16/5-" at a line's end, "18" on the next) is printed whole:
 * that is how Excel and LibreOffice wrap, nothing is lost.
 */
function missingWords(words: string[], pages: PrintedPage[]): string[] {
  const printed = pages.flatMap((p) => p.words.map((w) => w.text.normalize("NFKC")));
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  const found = (word: string) => {
    let n = printed.filter((t) => t.includes(word)).length;
    for (let at = word.indexOf("-", 1); at > 0 && at < word.length - 1; at = word.indexOf("-", at + 1)) {
      const head = word.slice(0, at + 1);
      const tail = word.slice(at + 1);
      n += printed.filter((t, i) => t.endsWith(head) && (printed[i + 1] ?? "").startsWith(tail)).length;
    }
    return n;
  };
  return [...counts].filter(([word, n]) => found(word) < n).map(([w]) => w);
}

const missing = missingPrintPackages();
const dir = tempDir();

beforeAll(() => {
  if (missing.length > 0) return;
  // The README's main command, as a user runs it.
  const demo = spawnSync("npx", ["tsx", "src/cli/demo.ts", dir], { encoding: "utf8", timeout: 300_000 });
  if (demo.status !== 0) throw new Error(`npm run demo gik galt: ${demo.stderr}`);
}, 300_000);

describe("the demo's files are conformant packages", () => {
  it.each(OUTPUTS)(
    "%s: the sample, the output and the Word case pass the conformance check; openpyxl reads both workbooks",
    async (name) => {
      if (missing.length > 0) return;
      for (const file of [`${name}.xlsx`, `${name}-resultat.xlsx`, `${name}-sag.docx`])
        expect([file, await conformanceProblems(readFileSync(join(dir, file)))]).toEqual([file, []]);
      const output = readWithOpenpyxl(join(dir, `${name}-resultat.xlsx`));
      expect(Object.keys(output)).toContain("Sag");
      expect(Object.keys(readWithOpenpyxl(join(dir, `${name}.xlsx`))).length).toBeGreaterThan(3);
    },
    120_000,
  );
});

describe("every sheet of the demo's outputs prints whole at 8 pt or more", () => {
  it("has what printing needs", () => {
    expect(missing).toEqual([]);
  });

  it.each(OUTPUTS)(
    "%s",
    async (name) => {
      if (missing.length > 0) return;
      const file = join(dir, `${name}-resultat.xlsx`);
      const pages = readPages(printToPdf(file, join(dir, `${name}-pdf`)));
      const bySheet = pagesBySheet(pages);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const found: Record<string, unknown> = {};
      const wanted: Record<string, unknown> = {};
      for (const ws of wb.worksheets) {
        const printed = bySheet.get(ws.name) ?? [];
        found[ws.name] = {
          pages: printed.length,
          smallEnough: printed.length > 0 && smallestText(printed) >= SMALLEST,
          cut: missingWords(cellWords(ws), printed),
          hashes: printed.flatMap((p) => p.words).filter((w) => w.text.includes("###")).length,
        };
        wanted[ws.name] = { pages: PAGES[name]?.[ws.name] ?? 1, smallEnough: true, cut: [], hashes: 0 };
      }
      expect(found).toEqual(wanted);
      // Every page belongs to a sheet (its footer names it).
      expect([...bySheet.keys()].filter((s) => !wb.getWorksheet(s))).toEqual([]);
    },
    300_000,
  );
});
