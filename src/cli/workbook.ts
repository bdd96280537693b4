import { writeFile } from "fs/promises";
import { resolve } from "path";
import { inputProblem, OutputPath, outputProblem } from "./paths";
import type { Summary } from "../app/summary";
import type { RunCode } from "../app/codes";
import { Diagnostics, errorText, TECHNICAL_DETAIL } from "../domain";
import { FileWorkbook } from "../workbook/fileWorkbook";
import { runContract } from "../app/run";
import { checkStale } from "../app/stale";
import { formatDiagnostics, formatReport } from "./report";
import { caseDocx } from "./caseDocx";
import { CASE_SHEET } from "../app/contract";
import { caseDocument } from "../app/report";

export const USAGE =
  "Brug: npm run workbook -- <input.xlsx> -o <output.xlsx> [--json <summary.json>] [--docx <sag.docx>] [--quiet]\n" +
  "      npm run workbook -- --check <output.xlsx>   (er tabellerne ændret, siden tallene blev beregnet?)";

export interface CliArgs {
  input: string;
  output: string;
  json?: string;
  /** R14.2: the committee case as a Word document. */
  docx?: string;
  quiet: boolean;
}

/** `--check <workbook>`: compare the tables with the fingerprint stored when the figures were computed. */
export interface CheckArgs {
  check: string;
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  color: boolean;
  /** The summary of every run that got as far as computing, written or not (for callers in-process). */
  summary?: (summary: Summary) => void;
}

/** The files a run writes, with the endings each must have. */
function outputsOf(args: CliArgs, macros: boolean): OutputPath[] {
  return [
    {
      option: "-o",
      what: "Outputfilen",
      path: args.output,
      endings: macros ? [".xlsm"] : [".xlsx", ".xlsm"],
    },
    ...(args.json ? [{ option: "--json", what: "JSON-filen", path: args.json, endings: [] }] : []),
    ...(args.docx ? [{ option: "--docx", what: "Word-filen", path: args.docx, endings: [".docx"] }] : []),
  ];
}

/** Parses the arguments; a string is a usage error message. */
export function parseArgs(argv: readonly string[]): CliArgs | CheckArgs | string {
  if (argv.includes("--check")) {
    const rest = argv.filter((a) => a !== "--check");
    if (rest.length === 0 || rest[0]!.startsWith("-")) return "Angiv projektmappen efter --check.";
    if (rest.length > 1) return `--check tager kun én projektmappe: ${rest.slice(1).join(" ")}`;
    return { check: rest[0]! };
  }
  let input: string | undefined;
  let output: string | undefined;
  let json: string | undefined;
  let docx: string | undefined;
  let quiet = false;
  // An option's value: the next argument, unless there is none or it is another option.
  const value = (i: number) => {
    const next = argv[i + 1];
    return next === undefined || (next.startsWith("-") && next.length > 1) ? "" : next;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "-o" || arg === "--output") {
      output = value(i);
      if (output) i++;
    } else if (arg === "--json") {
      json = value(i);
      if (json) i++;
    } else if (arg === "--docx") {
      docx = value(i);
      if (docx) i++;
    } else if (arg === "--quiet" || arg === "-q") quiet = true;
    else if (arg.startsWith("-")) return `Ukendt tilvalg: ${arg}`;
    else if (input === undefined) input = arg;
    else return `For mange filer: ${arg}`;
  }
  if (input === undefined) return "Angiv inputfilen.";
  if (output === undefined || output === "") return "Angiv outputfilen med -o.";
  if (json === "") return "Angiv en fil efter --json.";
  if (docx === "") return "Angiv en fil efter --docx.";
  return {
    input,
    output,
    quiet,
    ...(json === undefined ? {} : { json }),
    ...(docx === undefined ? {} : { docx }),
  };
}

/**
 * The headless command (docs/workbook.md): exit 0 on success (warnings allowed), 1 on input errors (nothing
 * written), 2 on usage errors. The input file is only read.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    io.err(`${args}\n${USAGE}`);
    return 2;
  }
  if ("check" in args) return check(args.check, io);
  const problem =
    outputProblem(args.input, outputsOf(args, /\.xlsm$/i.test(args.input))) ?? inputProblem(args.input);
  if (problem) {
    io.err(`${problem}\n${USAGE}`);
    return 2;
  }
  const diagnostics = new Diagnostics<RunCode>();
  let workbook: FileWorkbook;
  try {
    workbook = await FileWorkbook.fromFile(args.input);
  } catch (error) {
    const csv = /\.(csv|txt)$/i.test(args.input);
    const old = /\.xls$/i.test(args.input);
    io.err(
      `FEJL      ${args.input} er ikke en .xlsx-projektmappe` +
        (csv
          ? "; det er en tekstfil (CSV). Åbn den i Excel, og gem den som Excel-projektmappe (.xlsx)."
          : old
            ? "; det er det gamle Excel-format (.xls). Åbn den i Excel, og gem den som Excel-projektmappe (.xlsx)."
            : ". Gem den som Excel-projektmappe (.xlsx) i Excel, og kør igen.") +
        `${TECHNICAL_DETAIL}${errorText(error)}\n\nIngen outputfil er skrevet.\n`,
    );
    return 1;
  }
  // A macro-enabled workbook stays one: Excel refuses an .xlsx holding macros, and an .xlsm without.
  if (workbook.macroEnabled !== /\.xlsm$/i.test(args.output)) {
    io.err(
      `${workbook.macroEnabled ? "Inputfilen er en projektmappe med makroer" : "Inputfilen er en projektmappe uden makroer"}; outputfilen skal hedde ${workbook.macroEnabled ? ".xlsm" : ".xlsx"} (Excel åbner ikke en fil, hvis navn ikke passer til indholdet): ${args.output}.\n${USAGE}`,
    );
    return 2;
  }
  const outcome = await runContract(workbook, diagnostics);
  io.summary?.(outcome.summary);
  if (!outcome.ok) {
    io.err(formatDiagnostics(outcome.summary.diagnostics).join("\n"));
    io.err(`\nIngen outputfil er skrevet. Ret fejlene i ${args.input} og kør igen.`);
    return 1;
  }
  try {
    await workbook.save(args.output);
  } catch (error) {
    io.err(`FEJL      Outputfilen ${args.output} kunne ikke skrives: ${(error as Error).message}`);
    return 1;
  }
  // The summary only for a run that wrote its workbook: a failed run leaves no file behind.
  if (args.json) await writeFile(args.json, `${JSON.stringify(outcome.summary, null, 2)}\n`, "utf8");
  if (!args.quiet) io.out(formatReport(outcome.summary, { color: io.color }));
  io.out(`\nOutput skrevet til ${resolve(args.output)}`);
  const theCase = caseDocument(outcome.inputs, outcome.results);
  if (theCase.tables.length > 0)
    io.out(
      `Sagen til udvalget: arket ${CASE_SHEET} (${theCase.tables.map((t) => t.title).join(", ")}; én side pr. tabel)`,
    );
  if (args.docx) {
    if (theCase.tables.length === 0) {
      io.err(
        `ADVARSEL  Sagen har ingen tabeller (ingen opfølgning eller pulje); ${args.docx} er ikke skrevet.`,
      );
      return 0;
    }
    try {
      await writeFile(args.docx, await caseDocx(theCase));
    } catch (error) {
      io.err(`FEJL      Word-filen ${args.docx} kunne ikke skrives: ${(error as Error).message}`);
      return 1;
    }
    io.out(`Sagen som Word-dokument: ${resolve(args.docx)}`);
  }
  return 0;
}

/**
 * `--check`: exit 0 when no table changed since the figures were computed, 3 when one did (each said),
 * 1 when the workbook cannot be read or has no computed figures, 2 on usage errors. Nothing is written.
 */
async function check(path: string, io: CliIo): Promise<number> {
  const problem = inputProblem(path);
  if (problem) {
    io.err(`${problem}\n${USAGE}`);
    return 2;
  }
  let workbook: FileWorkbook;
  try {
    workbook = await FileWorkbook.fromFile(path);
  } catch (error) {
    io.err(`FEJL      ${path} er ikke en .xlsx-projektmappe.${TECHNICAL_DETAIL}${errorText(error)}`);
    return 1;
  }
  const diagnostics = new Diagnostics<RunCode>();
  const report = await checkStale(workbook, diagnostics);
  if (diagnostics.hasErrors) io.err(formatDiagnostics(diagnostics.items).join("\n"));
  if (!report.computed) {
    io.err(`FEJL      ${report.messages.join(" ")}`);
    return 1;
  }
  if (report.changes.length === 0) {
    io.out(report.messages.join("\n"));
    return 0;
  }
  io.err(report.messages.map((m) => `ÆNDRET    ${m}`).join("\n"));
  return 3;
}

if (require.main === module) {
  main(process.argv.slice(2), {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    color: Boolean(process.stdout.isTTY) && !process.env["NO_COLOR"],
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`Uventet fejl: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
