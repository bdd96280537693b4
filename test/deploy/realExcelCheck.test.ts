import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import ts from "typescript";

const ROOT = resolve(__dirname, "..", "..");

/** The script block of a Script Lab snippet: the lines under "script:\n  content: |", dedented. */
function snippetScript(yaml: string): string {
  const lines = yaml.split("\n");
  const start = lines.findIndex((l, i) => l === "  content: |" && lines[i - 1] === "script:");
  const end = lines.findIndex((l, i) => i > start && l === "  language: typescript");
  return lines
    .slice(start + 1, end)
    .map((l) => l.replace(/^ {4}/, ""))
    .join("\n");
}

describe("the real-Excel check kit (scripts/real-excel-check.yaml)", () => {
  const yaml = readFileSync(join(ROOT, "scripts/real-excel-check.yaml"), "utf8");

  it("is a Script Lab snippet for Excel with a script, a page and the Office.js library", () => {
    expect(yaml).toMatch(/^host: EXCEL$/m);
    expect(yaml).toMatch(/^script:\n {2}content: \|/m);
    expect(yaml).toMatch(/^template:\n {2}content: \|/m);
    expect(yaml).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    // Every behaviour the issue names is exercised.
    for (const item of [
      "values",
      "Waterfall",
      "getVisibleView",
      "series",
      "getRanges",
      "5 MB",
      // Danish Excel (issue "Excel as Danish finance staff run it"): the list separator before the limit
      // check, a rule on two ranges, formula1 read back, structure protection, both copy buttons, a
      // PULJE function in a cell.
      "A1${candidate}A3",
      "getRangeOrNullObject",
      "cellValue/rule",
      "workbook.protection",
      "clipboard.writeText",
      "ClipboardItem",
      "=PULJE.AFVIGELSE",
    ])
      expect(snippetScript(yaml)).toContain(item);
    // Check 7 no longer tests clearAll, which the add-in does not call.
    expect(snippetScript(yaml)).not.toContain("clearAll");
  });

  it("its script type-checks against @types/office-js (strict)", () => {
    const dir = mkdtempSync(join(tmpdir(), "pulje-snippet-"));
    const file = join(dir, "snippet.ts");
    writeFileSync(file, `/// <reference types="office-js" />\n${snippetScript(yaml)}\nexport {};\n`);
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2020,
      lib: ["lib.es2020.d.ts", "lib.dom.d.ts"],
      typeRoots: [join(ROOT, "node_modules/@types")],
      types: ["office-js"],
      skipLibCheck: true,
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  }, 60_000);
});
