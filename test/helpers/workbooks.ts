import ExcelJS from "exceljs";
import JSZip from "jszip";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { conformanceProblems } from "./conformance";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/workbook";
import { buildSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { Summary } from "../../src/app/summary";

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "pulje-"));
}

/** Writes the 2018 sample (tables or plain blocks), optionally changed first, and returns its path. */
export async function sampleFile(
  dir: string,
  asTables: boolean,
  change?: (wb: ExcelJS.Workbook) => void,
  name = "input.xlsx",
): Promise<string> {
  const wb = buildSampleWorkbook({ asTables });
  change?.(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
  summary?: Summary;
}

/** The headless command in-process with these arguments: its exit code and what it wrote to stderr. */
export async function mainRun(args: string[]): Promise<{ code: number; err: string }> {
  let err = "";
  const code = await main(args, { out: () => undefined, err: (t) => (err += t), color: false });
  return { code, err };
}

/** Runs the headless command in-process. */
export async function runCli(input: string, output: string, extra: string[] = []): Promise<CliRun> {
  const json = `${output}.json`;
  let out = "";
  let err = "";
  let summary: Summary | undefined;
  rmSync(json, { force: true });
  const code = await main([input, "-o", output, "--json", json, ...extra], {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    color: false,
    summary: (s) => (summary = s),
  });
  // The JSON file is written only by a run that wrote its workbook, and then it is the summary.
  if (code === 0 && summary)
    expect(JSON.parse(readFileSync(json, "utf8"))).toEqual(JSON.parse(JSON.stringify(summary)));
  else if (existsSync(json)) throw new Error(`${json} was written by a run that failed (exit ${code})`);
  // Every workbook and Word file the command writes in the suite passes the package conformance check.
  const docx = extra[extra.indexOf("--docx") + 1];
  for (const written of [output, ...(extra.includes("--docx") && docx ? [docx] : [])]) {
    if (code !== 0 || !existsSync(written)) continue;
    const problems = await conformanceProblems(readFileSync(written));
    if (problems.length > 0)
      throw new Error(`${written} is not a conformant package:\n${problems.join("\n")}`);
  }
  return { code, out, err, ...(summary ? { summary } : {}) };
}

export async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Every non-empty cell of a workbook with its value, formula and style, keyed "Sheet!A1". */
export function cellMap(wb: ExcelJS.Workbook): Map<string, string> {
  const cells = new Map<string, string>();
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells.set(
          `${ws.name}!${cell.address}`,
          JSON.stringify({
            value: cell.value,
            numFmt: cell.numFmt ?? null,
            font: cell.font ?? null,
            fill: cell.fill ?? null,
            alignment: cell.alignment ?? null,
          }),
        );
      });
    });
  });
  return cells;
}

/** The cells of `before` that differ in `after` (or are gone). */
export function changedCells(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before].filter(([key, value]) => after.get(key) !== value).map(([key]) => key);
}

/** Finds a column by header text in a header row. */
export function columnOf(ws: ExcelJS.Worksheet, headerRow: number, header: string): number {
  let found = -1;
  ws.getRow(headerRow).eachCell((cell, col) => {
    if (cell.value === header) found = col;
  });
  if (found < 0) throw new Error(`No column ${header} on ${ws.name}`);
  return found;
}

/** The text of a package part of an .xlsx file. */
export async function partText(path: string, part: string): Promise<string | undefined> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return zip.file(part)?.async("string");
}

/** A sheet's conditional formats (ExcelJS keeps them on the sheet but leaves them out of its typings). */
export function conditionalFormats(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
}
