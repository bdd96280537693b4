/**
 * Renders a workbook (or the case's Word document) as its pages, to look at what users will print:
 * LibreOffice (headless, Danish locale, Carlito for Calibri) converts it to PDF with each sheet's own page
 * setup, poppler's pdftoppm turns the pages into PNGs, and each sheet's pages and smallest text are said.
 *
 *   npm run render -- [workbook.xlsx | case.docx] [out-dir]   (default: the demo's 2018 output, into out/render/)
 *
 * Needs the Debian packages libreoffice-calc-nogui, fonts-crosextra-carlito and poppler-utils, and
 * libreoffice-writer-nogui for a Word document.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from "fs";
import { resolve } from "path";
import { missingPrintPackages, pagesToPng, printSummary, printToPdf } from "./printedPages";

const input = resolve(process.argv[2] ?? "out/reservationspulje-2018-resultat.xlsx");
const dir = resolve(process.argv[3] ?? "out/render");
if (!existsSync(input)) {
  process.stderr.write(`Filen findes ikke: ${input} (kør npm run demo først).\n`);
  process.exit(2);
}
const missing = [
  ...missingPrintPackages(),
  ...(/\.docx$/i.test(input) && !existsSync("/usr/lib/libreoffice/program/libswlo.so")
    ? ["libreoffice-writer-nogui"]
    : []),
];
if (missing.length > 0) {
  process.stderr.write(`Mangler: apt-get install ${missing.join(" ")}\n`);
  process.exit(2);
}
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const pdf = printToPdf(input, dir);
pagesToPng(pdf, dir);
const pages = readdirSync(dir).filter((f) => f.endsWith(".png")).length;
if (!/\.docx$/i.test(input)) process.stdout.write(`${printSummary(pdf)}\n`);
process.stdout.write(`${pages} sider: ${pdf} og ${dir}/side-*.png\n`);
