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
    // Without the type-aware rules: the source is not a file of the TypeScript project.
    { cwd: ROOT, input: code, encoding: "utf8", env: { ...process.env, ESLINT_NO_TYPES: "1" } },
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
        'import { CONTRACT } from "../app/contract";\nexport const c = CONTRACT;\n',
      ),
    ).toContainEqual(expect.stringMatching(/Layer rule: src\/functions imports only src\/domain/));
  }, 60_000);

  it("the port and adapters may not import a door or the application", async () => {
    for (const from of ["../cli/workbook", "../app/contract"]) {
      expect(
        await lint("src/workbook/bad.ts", `import { x } from "${from}";\nexport const m = x;\n`),
      ).toContainEqual(expect.stringMatching(/Layer rule: src\/workbook \(the port and its adapters\)/));
    }
  }, 60_000);

  it("the application imports the port, never an adapter or file access", async () => {
    expect(
      await lint(
        "src/app/ok.ts",
        'import { emptyPlan } from "../workbook/port";\nexport const p = emptyPlan;\n',
      ),
    ).toEqual([]);
    for (const from of ["../workbook/officeWorkbook", "../workbook/fileWorkbook", "fs", "exceljs"]) {
      expect(
        await lint("src/app/bad.ts", `import { x } from "${from}";\nexport const m = x;\n`),
      ).toContainEqual(expect.stringMatching(/Layer rule: src\/app does no I\/O/));
    }
  }, 60_000);
});

describe("type-aware lint (typescript-eslint with the project's types)", () => {
  it("is on for the sources: a floating promise or a misused one is an error", () => {
    const run = spawnSync(
      process.execPath,
      [join(ROOT, "node_modules/eslint/bin/eslint.js"), "--print-config", "src/app/run.ts"],
      { cwd: ROOT, encoding: "utf8" },
    );
    const config = JSON.parse(run.stdout) as { rules: Record<string, unknown[]> };
    for (const rule of [
      "no-floating-promises",
      "no-misused-promises",
      "await-thenable",
      "no-unsafe-argument",
    ])
      expect(config.rules[`@typescript-eslint/${rule}`]?.[0]).toBe(2);
  }, 60_000);
});
