import {
  buildAccountsSampleWorkbook,
  buildSampleWorkbook,
  buildYearsSampleWorkbook,
} from "../../src/cli/sampleWorkbook";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runContract } from "../../src/app/run";
import { caseDocument, caseHtml } from "../../src/app/report";
import { FileWorkbook } from "../../src/workbook/fileWorkbook";
import { Diagnostics } from "../../src/domain";
import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { messages, rulesSheetRows } from "../../src/domain";
import { appMessages } from "../../src/app/messages";
import { adapterMessages } from "../../src/workbook/messages";
import { badText } from "../helpers/textGuard";
import { sourceTexts } from "../helpers/sourceTexts";
import { load, runCli, tempDir } from "../helpers/workbooks";

/** Arguments a message template is tried with, per position: a text, a list of texts, a number. */
const SAMPLES: unknown[] = ["Eksempel", ["Eksempel", "Andet"], 1234];

/** Marks a message that throws for every combination of sample arguments: a defect, not an empty text. */
const THROWS = "‹beskeden kaster en fejl›";

/**
 * Calls a message template with plausible arguments — every combination of a text, a list and a number
 * per position — and returns the first text it gives. A template that throws for all is THROWS, so the
 * guard fails on it instead of reading "".
 */
function render(template: (...args: never[]) => unknown): string {
  const n = template.length;
  const combinations = (k: number): unknown[][] =>
    k === 0 ? [[]] : combinations(k - 1).flatMap((rest) => SAMPLES.map((s) => [...rest, s]));
  for (const args of combinations(n)) {
    try {
      const out = (template as (...a: unknown[]) => unknown)(...args);
      return Array.isArray(out) ? out.join("\n") : String(out);
    } catch {
      continue;
    }
  }
  return THROWS;
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
    expect(text).not.toBe(THROWS);
    // Numbers passed as text can render as NaN here; the real run below checks NaN.
    expect(badText(text).filter((b) => !b.startsWith("JavaScript"))).toEqual([]);
  });

  it("every error and warning says what to do next", () => {
    // Explanations, not problems: the basis of a proposal, where a line's amount came from, what a kind
    // of case leaves out, a progress note.
    const explanations = new Set([
      "messages.indicatorEconomy",
      "messages.indicatorPersons",
      "messages.indicatorRefund",
      "messages.indicatorUnemployment",
      "messages.indicatorPool",
      "messages.indicatorMissing",
      "messages.noIndicatorProposal",
      "messages.fedFromFollowUp",
      "messages.fedFromScenario",
      "messages.fedFromEstimate",
      "messages.fedFromYearEnd",
      "messages.fedFromInvestments",
      "messages.rateAsPercent",
      "appMessages.noBudgetNoForecast",
      "appMessages.blankLine",
      "appMessages.emptyTable",
      "appMessages.hiddenRows",
      "appMessages.caseKindReason",
      "appMessages.caseKindWritten",
      "appMessages.yearEndNotProposed",
      "appMessages.followUpNotProposed",
      "appMessages.noFollowUpForCase",
      "appMessages.noYearEndForCase",
      "appMessages.noLedgerForBudgetYear",
      "appMessages.nothingToCompute",
    ]);
    const nextStep =
      /\b(Ret|ret|Skriv|skriv|Tilføj|tilføj|Angiv|angiv|Brug|Vælg|vælg|Slet|slet|Flyt|Omdøb|Udfyld|Klik|klik|Kontrollér|Mente du|Fjern|fjern|Sæt|Ophæv|Luk|Prøv|Er det meningen)\b/;
    const silent = [...catalogue("messages", messages), ...catalogue("appMessages", appMessages)]
      .filter(([key]) => !explanations.has(key) && !key.startsWith("appMessages.missingYear"))
      .filter(([, text]) => !nextStep.test(text))
      .map(([key]) => key);
    expect(silent).toEqual([]);
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

  it.each([
    ["2018", buildSampleWorkbook],
    ["2024", buildYearsSampleWorkbook],
    ["regnskab 2023", buildAccountsSampleWorkbook],
  ] as const)(
    "the demo's outputs: terminal report, every sheet, the Word document, the clipboard HTML and the diagnostics (%s)",
    async (_name, build) => {
      const dir = tempDir();
      const input = join(dir, "in.xlsx");
      await build({ asTables: false }).xlsx.writeFile(input);
      const output = join(dir, "out.xlsx");
      const docx = join(dir, "sag.docx");
      const run = await runCli(input, output, ["--docx", docx]);
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
      const zip = await JSZip.loadAsync(readFileSync(docx));
      const word = await Promise.all(
        ["word/document.xml", "docProps/core.xml"].map((part) => zip.file(part)!.async("string")),
      );
      const wordTexts = word.map((xml) =>
        xml
          .replace(/<[^>]+>/g, " ")
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, "&"),
      );
      const outcome = await runContract(await FileWorkbook.fromFile(input), new Diagnostics(), {
        write: false,
      });
      const html = caseHtml(caseDocument(outcome.inputs, outcome.results))
        .replace(/<[^>]+>/g, " ")
        .replace(/&quot;/g, '"');
      const found = [
        ...texts,
        run.out,
        ...wordTexts,
        html,
        ...run.summary!.diagnostics.map((d) => d.message),
      ].flatMap(badText);
      expect(found).toEqual([]);
      expect(wordTexts[1]).toContain("Beskæftigelses- og Socialforvaltningen");
    },
    60_000,
  );

  it("the pane's texts (every string and JSX text of src/taskpane)", () => {
    const files = listFiles(join(__dirname, "../../src/taskpane")).filter((f) => /\.tsx?$/.test(f));
    // A lower-case token ("undefined", "flex", "running") is code: a type test, a style, a state.
    const texts = files.flatMap((f) =>
      sourceTexts(f)
        .filter((t) => !/^[a-z][\w-]*$/.test(t))
        .map((t): [string, string] => [f, t]),
    );
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.flatMap(([f, t]) => badText(t).map((bad) => `${f.split("src/")[1]}: ${bad}`))).toEqual([]);
  });
});

describe("the guard cannot be fooled", () => {
  it("catches each forbidden form put back", () => {
    const putBack = [
      "Intet forslag, fordi fuldtidspersoner i tabellen Opfoelgning mangler.",
      "Ret rækken i tabellen Foelsomhed.",
      "Forslag: Intet forslag: opfølgningen mangler.",
      "Beløb i 1.000 kr..",
      "docs/workbook.md viser, hvilke tabeller der læses.",
      "Prognosens dato: 2018-10-15.",
      "Forfatter: Un-named",
      "Midtvejsreg… -96.128",
      "Værn brugt 50.000",
      "Heraf dækket af budgetværnet 50.000",
      "Samlet Uden for puljen -6.990",
    ];
    expect(putBack.filter((text) => badText(text).length === 0)).toEqual([]);
  });

  it("a message that throws is a failure, not an empty text", () => {
    expect(
      render((pool: string) => {
        throw new Error(pool);
      }),
    ).toBe(THROWS);
    // A template needing a text and a list is called with both.
    expect(render((pool: string, pools: readonly string[]) => `${pool.trim()}: ${pools.join(", ")}`)).toBe(
      "Eksempel: Eksempel, Andet",
    );
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
