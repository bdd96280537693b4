import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "fs";
import { join } from "path";
import {
  buildAccountsSampleWorkbook,
  buildSampleWorkbook,
  buildYearsSampleWorkbook,
  SampleOptions,
} from "../../src/cli/sampleWorkbook";
import { Diagnostics } from "../../src/domain";
import { runContract } from "../../src/app/run";
import { caseDocument, caseHtml } from "../../src/app/report";
import { Summary } from "../../src/app/summary";
import { FileWorkbook } from "../../src/workbook/fileWorkbook";
import { load, runCli, tempDir } from "../helpers/workbooks";

/** A sample through the headless command (with --docx) and through the pane's path (the clipboard HTML). */
async function runSample(
  build: (o: SampleOptions) => ExcelJS.Workbook,
  change?: (wb: ExcelJS.Workbook) => void,
) {
  const dir = tempDir();
  const wb = build({ asTables: true });
  change?.(wb);
  const input = join(dir, "input.xlsx");
  await wb.xlsx.writeFile(input);
  const output = join(dir, "out.xlsx");
  const docx = join(dir, "sag.docx");
  const run = await runCli(input, output, ["--docx", docx]);
  return { run, input, output, docx, dir };
}

/** The Sag sheet's texts, the Word document's texts and the clipboard HTML's texts, each as one string. */
async function views(input: string, output: string, docx: string) {
  const sag: string[] = [];
  (await load(output)).getWorksheet("Sag")!.eachRow((row) =>
    row.eachCell((c) => {
      if (c.isMerged && c.master !== c) return;
      sag.push(typeof c.value === "number" ? String(c.value) : String(c.value ?? ""));
    }),
  );
  const xml = await (await JSZip.loadAsync(readFileSync(docx))).file("word/document.xml")!.async("string");
  const word = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&quot;/g, '"'));
  const outcome = await runContract(await FileWorkbook.fromFile(input), new Diagnostics(), { write: false });
  const html = caseHtml(caseDocument(outcome.inputs, outcome.results)).replace(/&quot;/g, '"');
  return { sag: sag.join("\n"), word: word.join("\n"), html };
}

/** The bevillingstabel's amounts as each view writes them: whole kr. in Danish notation (Word, HTML). */
const danish = (kr: number) => `${kr < 0 ? "-" : ""}${Math.abs(kr).toLocaleString("da-DK")}`;

function sameDecisionEverywhere(s: Summary, v: { sag: string; word: string; html: string }) {
  for (const text of [s.indstilling!.indledning, ...s.indstilling!.punkter.map((p) => p.tekst)]) {
    expect([text, v.sag.includes(text)]).toEqual([text, true]);
    expect([text, v.word.includes(text)]).toEqual([text, true]);
    expect([text, v.html.includes(text)]).toEqual([text, true]);
  }
  for (const r of s.appropriationTable ?? []) {
    expect(v.sag).toContain(String(r.beløbKr));
    expect(v.word).toContain(danish(r.beløbKr));
    expect(v.html).toContain(danish(r.beløbKr));
  }
}

describe("R15 the three kinds of case, end to end", () => {
  it("2018, a Budgetopfølgning: 8.132.000 and 15.011.000 kr. as decided, points 2 and 3, the same in every view", async () => {
    const { run, input, output, docx } = await runSample(buildSampleWorkbook);
    expect(run.code).toBe(0);
    const s = run.summary!;
    expect(s.sagstype).toEqual({ type: "Budgetopfølgning", valgtAf: "tabellerne" });
    // The tool says which kind it chose and how to change it.
    expect(s.diagnostics.find((d) => d.code === "CASE_KIND")?.message).toBe(
      "Sagstypen er Budgetopfølgning, fordi projektmappen har en opfølgning (arket Opfølgning) og parameteren Sagstype er tom. Skriv en anden sagstype (Budgetopfølgning, Regnskab eller Orientering) i parameteren Sagstype på arket Regler for at ændre den.",
    );
    expect(s.appropriations!.map((a) => [a.punkt, a.beløbKr])).toEqual([
      [2, 8_132_000],
      [3, 15_011_000],
    ]);
    const v = await views(input, output, docx);
    sameDecisionEverywhere(s, v);
    expect(v.sag).toContain("Beløbene i kr. er omregnet fra tabellernes 1.000 kr.");
    expect(v.word).not.toContain("8.131.000");
    // The Tillægsbevillinger sheet numbers them as the indstilling does.
    const ws = (await load(output)).getWorksheet("Tillægsbevillinger")!;
    expect([ws.getCell("A2").value, ws.getCell("A3").value]).toEqual([2, 3]);
  });

  it("2024, an Orientering: no points, no bevillingstabel, no Tillægsbevillinger — the case says it is for orientation", async () => {
    const { run, input, output, docx } = await runSample(buildYearsSampleWorkbook);
    expect(run.code).toBe(0);
    const s = run.summary!;
    expect(s.sagstype).toEqual({ type: "Orientering", valgtAf: "parameter" });
    expect(s.indstilling!.punkter).toEqual([]);
    expect(s.appropriationTable ?? []).toEqual([]);
    expect(s.appropriations).toBeUndefined();
    const wb = await load(output);
    expect(wb.getWorksheet("Bevillinger")).toBeUndefined();
    expect(wb.getWorksheet("Tillægsbevillinger")).toBeUndefined();
    const v = await views(input, output, docx);
    sameDecisionEverywhere(s, v);
    for (const text of [v.sag, v.word, v.html]) {
      expect(text).toContain("til orientering. Der indstilles ingen bevillinger.");
      expect(text).not.toMatch(/tillægsbevilling|134\.228\.000|Bevillingstabel|bevillinger i kr\./i);
    }
    expect(run.out).toContain("Indstilling (Orientering)");
  });

  it("the accounts sample, a Regnskab: points 2–4, konvertering and afregning in N+1, headers with the year read", async () => {
    const { run, input, output, docx } = await runSample(buildAccountsSampleWorkbook);
    expect(run.code).toBe(0);
    const s = run.summary!;
    expect(s.sagstype).toEqual({ type: "Regnskab", valgtAf: "parameter" });
    expect(s.indstilling!.punkter.map((p) => [p.nr, p.art])).toEqual([
      [1, "godkendelse"],
      [2, "overførsel"],
      [3, "konvertering"],
      [4, "afregning"],
    ]);
    expect(s.indstilling!.punkter[0]!.tekst).toBe(
      "Årsberetning 2023 (økonomisk regnskab og effektregnskab) for Beskæftigelses- og Socialudvalget.",
    );
    // Two lines converted from Særlige driftsområder to Service: one punkt (2.400.000 + 850.000), in 2024.
    expect(s.appropriationTable!.map((r) => [r.punkt, r.styringsområde, r.udvalg, r.år, r.beløbKr])).toEqual([
      [3, "Service", "Beskæftigelses- og Socialudvalget", 2024, 3_250_000],
      [3, "Særlige driftsområder", "Beskæftigelses- og Socialudvalget", 2024, -3_250_000],
      [4, "Særlige driftsområder", "Kassen", 2024, 32_150_000],
      [4, "Særlige driftsområder", "Beskæftigelses- og Socialudvalget", 2024, -32_150_000],
    ]);
    // The afregning is the ledger's Regnskab movement; the overførsel table per line with its I alt.
    const regnskab = s.pool!.lines.find((l) => l.type === "Regnskab")!;
    expect(regnskab.values["I alt"]).toBe(32_150_000);
    expect(s.overførsel!.år).toEqual([2024, 2025]);
    expect(s.overførsel!.total).toEqual({
      afvigelse: 37_540_000,
      kassen: 32_150_000,
      overførsel: [1_690_000, 3_700_000],
    });
    // The area's own result counts the accounts (Vurdering 18.240.000 + 24.910.000, investments −650.000,
    // Regnskab 32.150.000).
    expect(s.pool!.areaResult).toBe(74_650_000);
    // Investeringer's År: 2023's changes in the 2023 ledger, 2024's (and half of a split one) in 2024's.
    const invest = (år: string) =>
      s.pool!.byYear![år]!.lines.find((l) => l.type === "Investeringsprojekter")!.values["I alt"];
    expect([invest("2023"), invest("2024")]).toEqual([-650_000, 50_000]);
    // The indicators it has no inputs for are left out; the pool's is shown.
    const v = await views(input, output, docx);
    sameDecisionEverywhere(s, v);
    expect(v.sag).toContain("Reservationspulje");
    expect(v.sag).not.toMatch(/Antal ledige|Ledighedsudvikling/);
    const from = run.out.indexOf("\nHovedindikatorer");
    const indicators = run.out.slice(from, run.out.indexOf("\n\n", from + 1));
    expect(indicators).toContain("Reservationspulje");
    expect(indicators).not.toMatch(/Antal ledige|Ledighedsudvikling/);
    expect(v.word).toContain("Overførsel af mer- og mindreforbrug fra 2023");
  });

  it("a Sagstype given overrides the tables: the 2018 follow-up as an Orientering proposes nothing", async () => {
    const { run } = await runSample(buildSampleWorkbook, (wb) => {
      const rules = wb.getWorksheet("Regler")!;
      let row = 0;
      rules.eachRow((r, n) => {
        if (r.getCell(1).value === "Sagstype") row = n;
      });
      rules.getCell(row, 2).value = "orientering";
    });
    expect(run.code).toBe(0);
    expect(run.summary!.sagstype).toEqual({ type: "Orientering", valgtAf: "parameter" });
    expect(run.summary!.indstilling!.punkter).toEqual([]);
  });
});

describe("R15.7 right or loud", () => {
  it("a misspelt pool on one follow-up row is an error at the cell with Mente du …?, not a third tillægsbevilling", async () => {
    const { run } = await runSample(buildSampleWorkbook, (wb) => {
      // Opfølgning row 6 is Kontantydelse (Budgetgaranti): written with a definite ending.
      wb.getWorksheet("Opfølgning")!.getCell("B6").value = "Budgetgarantien";
    });
    expect(run.code).toBe(1);
    const error = run.summary!.diagnostics.find((d) => d.code === "POOL_TYPO")!;
    expect(error).toMatchObject({ level: "error", sheet: "Opfølgning" });
    expect(error.cell).toMatch(/^A6$|^B6$/);
    expect(error.message).toBe(
      'Puljen "Budgetgarantien" findes ikke, men ligner "Budgetgaranti". Mente du "Budgetgaranti"? Ret navnet i kolonnen Pulje; ellers bliver den en pulje og en tillægsbevilling for sig.',
    );
  });

  it("the Regnskab table with the minutes' headers of another year says which year it looks for, without contradicting itself", async () => {
    const { run } = await runSample(buildAccountsSampleWorkbook, (wb) => {
      const rules = wb.getWorksheet("Regler")!;
      rules.eachRow((r) => {
        if (r.getCell(1).value === "Budgetår") r.getCell(2).value = 2024;
      });
    });
    expect(run.code).toBe(1);
    const missing = run.summary!.diagnostics.filter((d) => d.code === "MISSING_COLUMN");
    expect(missing.map((d) => d.message)).toContainEqual(
      'Regnskabet på arket Regnskab mangler kolonnen "Korrigeret budget 2024" (Budgetår 2024); fundet: Korrigeret budget 2023.',
    );
    for (const d of missing) {
      const wanted = /kolonnen "([^"]+)"/.exec(d.message)?.[1];
      const found = /fundet: (.*)\.$/.exec(d.message)?.[1] ?? "";
      expect(found.split(", ")).not.toContain(wanted);
    }
  });
});

describe("the terminal report of a case in kr.", () => {
  it("never cuts a figure: the accounts sample's amounts stand whole", async () => {
    const { run } = await runSample(buildAccountsSampleWorkbook);
    expect(run.out).toMatch(/\nForventet resultat\s+120\.780\.000\n/);
    expect(run.out).toMatch(
      /Midtvejsregulering \(juni 2023\)\s+Midtvejsregulering\s+-12\.300\.000\s+-12\.300\.000/,
    );
    // No amount ends in "…" (a label may, "… nettogevinst 20…").
    expect(run.out).not.toMatch(/\d\.\d{0,2}…/);
  });
});

describe("R15.7 the accounts case: nothing silent", () => {
  it("a Konverteres til a letter off a styringsområde of the table is an error at the cell with Mente du …?", async () => {
    const { run } = await runSample(buildAccountsSampleWorkbook, (wb) => {
      const ws = wb.getWorksheet("Regnskab")!;
      expect(ws.getCell("H7").value).toBe("Service");
      ws.getCell("H7").value = "Servce";
    });
    expect(run.code).toBe(1);
    expect(run.summary!.diagnostics.find((d) => d.code === "POOL_TYPO")).toMatchObject({
      level: "error",
      sheet: "Regnskab",
      cell: "H7",
      message:
        'Styringsområdet "Servce" i Konverteres til findes ikke i regnskabet på arket Regnskab, men ligner "Service". Mente du "Service"? Ret navnet; ellers bliver det en konvertering til et styringsområde for sig.',
    });
  });

  it("a kassen line outside the pool's steering area is said at the line: it reaches no punkt", async () => {
    const { run } = await runSample(buildAccountsSampleWorkbook, (wb) => {
      const ws = wb.getWorksheet("Regnskab")!;
      // Service (row 5) without overførselsadgang: its 3.700.000 goes to the kassen, not the pool.
      ws.getCell("C5").value = "Nej";
    });
    expect(run.code).toBe(0);
    const warning = run.summary!.diagnostics.find((d) => d.code === "NO_SOURCE" && d.cell?.startsWith("A5"));
    expect(warning).toMatchObject({ level: "warning", sheet: "Regnskab" });
    expect(warning!.message).toContain('styringsområdet "Service" er ikke Særlige driftsområder');
    // The afregning is still the pool's share alone.
    expect(run.summary!.indstilling!.punkter.find((p) => p.art === "afregning")!.tekst).toContain(
      "32.150.000 kr.",
    );
  });
});
