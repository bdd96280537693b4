import { printToPdf, printSummary } from "./printedPages";
for (const name of process.argv.slice(2)) {
  const pdf = printToPdf(name, "/tmp/pr/m");
  console.log(name);
  console.log(printSummary(pdf));
}
