import { mkdirSync } from "fs";
import { join, resolve } from "path";
import { main } from "./workbook";
import { writeSampleWorkbook } from "./sampleWorkbook";

/**
 * The demo: builds the 2018 sample workbook from samples/2018, runs the headless command on it and
 * writes the coloured output workbook (and its JSON summary) to out/.
 */
async function demo(): Promise<number> {
  const dir = resolve(process.argv[2] ?? "out");
  mkdirSync(dir, { recursive: true });
  const input = join(dir, "reservationspulje-2018.xlsx");
  const output = join(dir, "reservationspulje-2018-resultat.xlsx");
  const json = join(dir, "reservationspulje-2018-resultat.json");
  const docx = join(dir, "reservationspulje-2018-sag.docx");
  await writeSampleWorkbook(input, { asTables: true });
  process.stdout.write(`Eksempelprojektmappe bygget af tabellerne fra BSU 30/10 2018: ${input}\n\n`);
  return main([input, "-o", output, "--json", json, "--docx", docx], {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    color: Boolean(process.stdout.isTTY) && !process.env["NO_COLOR"],
  }).then((code) => {
    if (code === 0) process.stdout.write(`JSON-resumé: ${json}\n`);
    return code;
  });
}

demo().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
