import { mkdirSync } from "fs";
import { join, resolve } from "path";
import { main } from "./workbook";
import {
  buildAccountsSampleWorkbook,
  buildSampleWorkbook,
  buildYearsSampleWorkbook,
  writeSampleWorkbook,
} from "./sampleWorkbook";

const io = {
  out: (t: string) => process.stdout.write(`${t}\n`),
  err: (t: string) => process.stderr.write(`${t}\n`),
  color: Boolean(process.stdout.isTTY) && !process.env["NO_COLOR"],
};

/**
 * The demo: builds the 2018 sample workbook from samples/2018, runs the headless command on it and writes
 * the coloured output workbook, its JSON summary and the committee case (Word) to out/; then the same for
 * the August 2024 sample (samples/2024): budget years side by side, a ledger per year, the budget model — an
 * orientation; and the accounts case (samples/regnskab-2023): overførsel, konvertering and afregning.
 */
async function demo(): Promise<number> {
  const dir = resolve(process.argv[2] ?? "out");
  mkdirSync(dir, { recursive: true });
  const runs = [
    {
      name: "reservationspulje-2018",
      build: buildSampleWorkbook,
      title: "Eksempelprojektmappe bygget af tabellerne fra BSU 30/10 2018",
    },
    {
      name: "reservationspulje-2024",
      build: buildYearsSampleWorkbook,
      title:
        "Årene side om side: eksempelprojektmappe bygget af tabellerne fra BSU 27/8 2024 (en orienteringssag)",
    },
    {
      name: "reservationspulje-regnskab-2023",
      build: buildAccountsSampleWorkbook,
      title: "Regnskabssag: årsberetning 2023 med projektets egne tal (samples/regnskab-2023)",
    },
  ];
  for (const [i, run] of runs.entries()) {
    const input = join(dir, `${run.name}.xlsx`);
    const output = join(dir, `${run.name}-resultat.xlsx`);
    const json = join(dir, `${run.name}-resultat.json`);
    const docx = join(dir, `${run.name}-sag.docx`);
    await writeSampleWorkbook(input, { asTables: true }, run.build);
    if (i > 0) process.stdout.write(`\n${"=".repeat(100)}\n\n`);
    process.stdout.write(`${run.title}: ${input}\n\n`);
    const code = await main([input, "-o", output, "--json", json, "--docx", docx], io);
    if (code !== 0) return code;
    process.stdout.write(`JSON-resumé: ${json}\n`);
  }
  return 0;
}

demo().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
