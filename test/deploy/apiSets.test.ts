import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import {
  findApiSetViolations,
  manifestMinimums,
  projectOptions,
  sourceFiles,
} from "../../src/deploy/apiSets";

const ROOT = resolve(__dirname, "..", "..");
const minimums = manifestMinimums(readFileSync(join(ROOT, "manifest.xml"), "utf8"));
const options = { ...projectOptions(join(ROOT, "tsconfig.json")), noEmit: true };

describe("requirement sets: nothing above the manifest's minimum is used unguarded", () => {
  it("the manifest names ExcelApi 1.7 and CustomFunctionsRuntime 1.3", () => {
    expect(Object.fromEntries(minimums)).toEqual({ ExcelApi: "1.7", CustomFunctionsRuntime: "1.3" });
  });

  it("every Office.js and CustomFunctions member in src/ is within the minimum or behind supports(…)", () => {
    const violations = findApiSetViolations(sourceFiles(join(ROOT, "src")), options, minimums);
    expect(
      violations.map((v) => `${v.file.replace(ROOT, "")}:${v.line} ${v.member} (${v.set} ${v.version})`),
    ).toEqual([]);
  }, 120_000);

  it("a deliberate unguarded use of an ExcelApi 1.13 member is found; the same behind supports() is not", () => {
    const dir = mkdtempSync(join(tmpdir(), "pulje-apisets-"));
    const bad = join(dir, "bad.ts");
    writeFileSync(
      bad,
      `/// <reference types="office-js" />
export function merges(range: Excel.Range) {
  return range.getMergedAreasOrNullObject();
}
export function guardedMerges(range: Excel.Range, supports: (s: string, v: string) => boolean) {
  if (!supports("ExcelApi", "1.13")) return undefined;
  return range.getMergedAreasOrNullObject();
}
`,
    );
    const violations = findApiSetViolations(
      [bad],
      { ...options, typeRoots: [join(ROOT, "node_modules/@types")] },
      minimums,
    );
    expect(violations.map((v) => [v.line, v.member, v.set, v.version])).toEqual([
      [3, "range.getMergedAreasOrNullObject", "ExcelApi", "1.13"],
    ]);
  }, 60_000);
});
