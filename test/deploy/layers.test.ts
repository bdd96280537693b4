import { spawnSync } from "child_process";
import { join, resolve } from "path";

const ROOT = resolve(__dirname, "..", "..");

/** The lint messages a source would get at a path in the repository (ESLint's own command, as CI runs it). */
async function lint(path: string, code: string): Promise<string[]> {
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules/eslint/bin/eslint.js"),
      "--stdin",
      "--stdin-filename",
      path,
      "--format",
      "json",
    ],
    { cwd: ROOT, input: code, encoding: "utf8" },
  );
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe("the layers hold by lint (eslint.config.mjs)", () => {
  it("a file in the domain importing the pane fails, naming the restriction", async () => {
    const messages = await lint(
      "src/domain/wrongWay.ts",
      'import { App } from "../taskpane/App";\nexport const x = App;\n',
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /no-restricted-imports: .*Layer rule: src\/domain imports nothing outside itself/,
      ),
    );
  }, 60_000);

  it("a file in the domain importing an adapter or ExcelJS fails too", async () => {
    for (const from of ["../workbook/fileWorkbook", "exceljs"]) {
      const messages = await lint(
        "src/domain/wrongWay.ts",
        `import x from "${from}";\nexport const y = x;\n`,
      );
      expect(messages).toContainEqual(expect.stringMatching(/Layer rule: src\/domain/));
    }
  }, 60_000);

  it("the worksheet functions may import the domain, nothing else", async () => {
    expect(
      await lint("src/functions/ok.ts", 'import { FLAGS } from "../domain";\nexport const f = FLAGS;\n'),
    ).toEqual([]);
    expect(
      await lint(
        "src/functions/bad.ts",
        'import { CONTRACT } from "../workbook/contract";\nexport const c = CONTRACT;\n',
      ),
    ).toContainEqual(expect.stringMatching(/Layer rule: src\/functions imports only src\/domain/));
  }, 60_000);

  it("the workbook layer may not import a door", async () => {
    expect(
      await lint("src/workbook/bad.ts", 'import { main } from "../cli/workbook";\nexport const m = main;\n'),
    ).toContainEqual(
      expect.stringMatching(/Layer rule: src\/workbook and src\/deploy never import the doors/),
    );
  }, 60_000);
});
