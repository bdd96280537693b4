import { buildYearsSampleWorkbook } from "../../src/cli/sampleWorkbook";
import ExcelJS from "exceljs";
import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { messages, rulesSheetRows } from "../../src/domain";
import { appMessages } from "../../src/app/messages";
import { adapterMessages } from "../../src/workbook/messages";
import { badText } from "../helpers/textGuard";
import { load, runCli, sampleFile, tempDir } from "../helpers/workbooks";

/** Calls a message template with plausible arguments: texts, then lists, then numbers. */
function render(template: (...args: never[]) => unknown): string {
  const n = template.length;
  for (const sample of [["Eksempel"], "Eksempel", 1234]) {
    try {
      const out = (template as (...a: unknown[]) => unknown)(...Array(n).fill(sample));
      return Array.isArray(out) ? out.join("\n") : String(out);
    } catch {
      continue;
    }
  }
  return "";
}

function catalogue(name: string, entries: Record<string, unknown>): [string, string][] {
  return Object.entries(entries)
    .filter(([, v]) => typeof v === "function")
    .map(([key, v]) => [`${name}.${key}`, render(v as (...args: never[]) => unknown)]);
}

describe("texts users read hold nothing that must never reach them", () => {
  it.each([
    ...catalogue("messages", messages),
    ...catalogue("appMessages", appMessages),
    ...catalogue("adapterMessages", adapterMessages),
  ])("%s", (_key, text) => {
    // Numbers passed as text can render as NaN here; the real run below checks NaN.
    expect(badText(text).filter((b) => !b.startsWith("JavaScript"))).toEqual([]);
  });

  it("the function wizard's texts (the generated functions.json, as pinned)", () => {
    const metadata = JSON.parse(
      readFileSync(join(__dirname, "../functions/functions.expected.json"), "utf8"),
    ) as { functions: { name: string; description: string; parameters: { description?: string }[] }[] };
    const texts = metadata.functions.flatMap((f) => [
      `${f.name}: ${f.description}`,
      ...f.parameters.map((p) => `${f.name}: ${p.description ?? ""}`),
    ]);
    expect(texts.flatMap(badText)).toEqual([]);
  });

  it("the help page", () => {
    const html = readFileSync(join(__dirname, "../../src/help/help.html"), "utf8").replace(/<[^>]+>/g, " ");
    expect(badText(html)).toEqual([]);
  });

  it("the repository documents itself: nothing in src/, docs/ or the README points at the team's spec files", () => {
    const root = join(__dirname, "../..");
    const files = [
      "README.md",
      ...readdirSync(join(root, "docs")).map((f) => `docs/${f}`),
      ...listFiles(join(root, "src")).map((f) => f.slice(root.length + 1)),
    ];
    const pointing = files.filter((f) =>
      /DOMAIN\.md|STYLE\.md|WORKBOOK\.md|\.\.\/shared/.test(readFileSync(join(root, f), "utf8")),
    );
    expect(pointing).toEqual([]);
  });

  it("the Regler sheet's labels", () => {
    expect(rulesSheetRows().flatMap((r) => badText(`${r.name} ${r.label} ${r.unitLabel}`))).toEqual([]);
  });

  it.each(["2018", "2024"])(
    "the demo's output workbook, terminal report and diagnostics (%s)",
    async (year) => {
      const dir = tempDir();
      let input: string;
      if (year === "2018") input = await sampleFile(dir, false);
      else {
        input = join(dir, "aug2024.xlsx");
        await buildYearsSampleWorkbook({ asTables: false }).xlsx.writeFile(input);
      }
      const output = join(dir, "out.xlsx");
      const run = await runCli(input, output);
      expect(run.code).toBe(0);
      const wb: ExcelJS.Workbook = await load(output);
      const texts: string[] = [];
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (typeof cell.value === "string") texts.push(`${ws.name}!${cell.address}: ${cell.value}`);
          }),
        ),
      );
      const found = [...texts, run.out, ...run.summary!.diagnostics.map((d) => d.message)].flatMap(badText);
      expect(found).toEqual([]);
      if (year === "2024") expect(texts.some((t) => t.startsWith("Overblik!"))).toBe(true);
    },
    60_000,
  );
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
