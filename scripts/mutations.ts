/**
 * npm run mutations: takes out one safeguard at a time, runs the test that should notice, and puts the
 * source back. Every mutation must make its test fail (docs/reliability.md, "Mutations"). Slow (a jest
 * run per mutation), so not part of npm test; run it after changing a writer or a rule.
 */
import { spawnSync } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";

interface Mutation {
  name: string;
  file: string;
  from: string;
  to: string;
  /** The test file (and optionally -t name) that must fail. */
  test: string[];
}

export const MUTATIONS: Mutation[] = [
  {
    name: "escapeXml taken out of the cell writer",
    file: "src/workbook/packagePatch.ts",
    from: "<t${space}>${escapeXml(value)}</t>",
    to: "<t${space}>${value}</t>",
    test: ["test/workbook/packageWrite.test.ts"],
  },
  {
    name: "no [Content_Types] override for a new sheet",
    file: "src/workbook/packagePatch.ts",
    from: "    await this.addOverride(path, TYPE_WORKSHEET);",
    to: "",
    test: ["test/workbook/packageWrite.test.ts"],
  },
  {
    name: "fullCalcOnLoad not set",
    file: "src/workbook/packagePatch.ts",
    from: "this.parts.set(this.workbookPath, fullCalcOnLoad((await this.part(this.workbookPath))!, this.flavour));",
    to: "",
    test: ["test/workbook/packageWrite.test.ts"],
  },
  {
    name: "the drawings of a replaced own sheet dropped",
    file: "src/workbook/packagePatch.ts",
    from: "this.ownSheets.set(name, new SheetBuild(existing, keep));",
    to: "this.ownSheets.set(name, new SheetBuild(existing, []));",
    test: ["test/workbook/packageWrite.test.ts"],
  },
  {
    name: 'xml:space="preserve" not written',
    file: "src/workbook/packagePatch.ts",
    from: `const space = /^\\s|\\s$/.test(value) ? ' xml:space="preserve"' : "";`,
    to: `const space = "";`,
    test: ["test/workbook/packageWrite.test.ts"],
  },
  {
    name: "new table-column names unescaped",
    file: "src/workbook/packagePatch.ts",
    from: 'name="${escapeXml(h)}"/>`',
    to: 'name="${h}"/>`',
    test: ["test/workbook/packageWrite.test.ts"],
  },
  {
    name: 'errorStyle written as "error" (the schema says stop)',
    file: "src/workbook/fileWorkbook.ts",
    from: 'errorStyle: list.strict ? "stop" : "warning"',
    to: 'errorStyle: list.strict ? "error" : "warning"',
    test: ["test/cli/workbook.e2e.test.ts"],
  },
  {
    name: "comments not recognised by the scanner (a <row> in a comment read as a row)",
    file: "src/workbook/xmlScan.ts",
    from: '    if (text.startsWith("<!--", lt)) return "comment";',
    to: "",
    test: ["test/reliability/producers.test.ts"],
  },
  {
    name: "the bevillingstabel's sum check only for a positive sum",
    file: "src/domain/appropriationTable.ts",
    from: "    if (sum !== 0)",
    to: "    if (sum > 0)",
    test: ["test/domain/appropriationTable.test.ts"],
  },
  {
    name: "the whole budgetværn used whatever the deficit",
    file: "src/domain/poolOutcome.ts",
    from: "budgetvaernBrugt: Math.min(t.budgetvaern, underskud),",
    to: "budgetvaernBrugt: t.budgetvaern,",
    test: ["test/domain/golden2018.test.ts"],
  },
  {
    name: "the input path accepted as an output path",
    file: "src/cli/paths.ts",
    from: "if (same(target, inputFile))",
    to: "if (false)",
    test: ["test/cli/paths.e2e.test.ts"],
  },
];

function run(): number {
  const root = join(__dirname, "..");
  const only = process.argv[2];
  let survived = 0;
  for (const m of MUTATIONS.filter((x) => !only || x.name.includes(only))) {
    const path = join(root, m.file);
    const source = readFileSync(path, "utf8");
    const count = source.split(m.from).length - 1;
    if (count !== 1) {
      console.log(`?  ${m.name}: the text to change occurs ${count} times in ${m.file}`);
      survived++;
      continue;
    }
    writeFileSync(path, source.replace(m.from, m.to));
    try {
      const result = spawnSync("npx", ["jest", ...m.test, "--silent"], { cwd: root, encoding: "utf8" });
      const caught = result.status !== 0;
      if (!caught) survived++;
      console.log(
        `${caught ? "✓" : "✗"}  ${m.name} — ${caught ? "caught by" : "NOT caught by"} ${m.test.join(" ")}`,
      );
    } finally {
      writeFileSync(path, source);
    }
  }
  console.log(survived === 0 ? "\nEvery mutation was caught." : `\n${survived} mutation(s) not caught.`);
  return survived === 0 ? 0 : 1;
}

if (require.main === module) process.exit(run());
