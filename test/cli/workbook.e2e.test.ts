import { createHash } from "crypto";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { FLAG_FILLS } from "../../src/app/contract";
import { followUp2018, ledger2018 } from "../helpers/fixtures2018";
import {
  cellMap,
  changedCells,
  columnOf,
  conditionalFormats,
  load,
  partText,
  runCli,
  sampleFile,
  tempDir,
} from "../helpers/workbooks";

const HEADER_ROW = 4;
const FIRST = HEADER_ROW + 1;
const hash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe.each([
  { layout: "Excel tables", asTables: true },
  { layout: "plain header blocks", asTables: false },
])("the headless command on the 2018 sample ($layout)", ({ asTables }) => {
  let dir: string;
  let input: string;
  let output: string;
  let run: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    dir = tempDir();
    input = await sampleFile(dir, asTables);
    const before = hash(input);
    output = join(dir, "output.xlsx");
    run = await runCli(input, output);
    expect(hash(input)).toBe(before);
  }, 30_000);

  it("succeeds, prints the pool and writes the output file", () => {
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/\nKassefinansiering\s+36\.093\n/);
    expect(run.out).toContain("36.093");
    expect(existsSync(output)).toBe(true);
  });

  it("writes every row's deviation with #,##0 and the Økonomi flags with fills", async () => {
    const ws = (await load(output)).getWorksheet("Opfølgning")!;
    const dev = columnOf(ws, HEADER_ROW, "Mer-/mindreforbrug");
    const eco = columnOf(ws, HEADER_ROW, "Økonomi");
    const { documented } = followUp2018();
    documented.forEach((value, i) => {
      const cell = ws.getCell(FIRST + i, dev);
      expect(cell.value).toBe(value);
      expect(cell.numFmt).toBe("#,##0");
    });
    const flagged = documented
      .map((_, i) => [ws.getCell(FIRST + i, 1).value, ws.getCell(FIRST + i, eco).value])
      .filter(([, flag]) => flag !== "GRØN");
    // Checked by hand against R2.1: merforbrug > 250 (1.000 kr.) and > 1,5 % is RØD, 0,25–1,5 % GUL;
    // the external projects have a negative budget, so their merforbrug > 250 is RØD.
    expect(flagged).toEqual([
      ["Jobafklaringsforløb - ydelse", "RØD"], // 2.469 of 114.925 = 2,15 %
      ["Jobafklaringsforløb - indsatser", "RØD"], // 567 of 6.143 = 9,2 %
      ["Ledighedsydelse", "RØD"], // 3.722 of 74.407 = 5,0 %
      ["Førtidspension", "GUL"], // 4.255 of 932.886 = 0,46 %
      ["A-dagpenge, kommunens medfinansiering", "RØD"], // 14.041 of 409.623 = 3,4 %
      ["Personlig assistance / Hjælpemidler", "RØD"], // 2.066 of 16.018 = 12,9 %
      ["Projekter med hel eller delvis ekstern finansiering", "RØD"], // budget −5.352
    ]);
    const førtidspension = ws.getCell(FIRST + 12, eco);
    expect(ws.getCell(FIRST + 12, 1).value).toBe("Førtidspension");
    expect(førtidspension.value).toBe("GUL");
    expect(førtidspension.fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: FLAG_FILLS.GUL },
    });
    expect(ws.getCell(FIRST, eco).fill).toMatchObject({ fgColor: { argb: FLAG_FILLS.GRØN } });
    expect(ws.getCell(FIRST, columnOf(ws, HEADER_ROW, "Mængder")).value).toBe("–");
  });

  it("puts a conditional-format rule on each flag column so the colour follows the word", async () => {
    const ws = (await load(output)).getWorksheet("Opfølgning")!;
    const eco = columnOf(ws, HEADER_ROW, "Økonomi");
    const letter = ws.getColumn(eco).letter;
    const cf = conditionalFormats(ws).find((c) => c.ref === `${letter}${FIRST}:${letter}${FIRST + 24}`);
    expect(
      cf?.rules.map((r) => [
        r.type,
        "operator" in r ? r.operator : undefined,
        "formulae" in r ? r.formulae : undefined,
      ]),
    ).toEqual([
      ["cellIs", "equal", ['"GRØN"']],
      ["cellIs", "equal", ['"GUL"']],
      ["cellIs", "equal", ['"RØD"']],
    ]);
    expect(conditionalFormats(ws)).toHaveLength(3);
  });

  it("fills the ledger's Saldo and Resultat lines and I alt as documented", async () => {
    const ws = (await load(output)).getWorksheet("Reservationspulje")!;
    const total = columnOf(ws, HEADER_ROW, "I alt");
    const { documentedTotals, documentedValues } = ledger2018();
    documentedTotals.forEach((value, i) => {
      expect(ws.getCell(FIRST + i, total).value).toBe(value);
      expect(ws.getCell(FIRST + i, total).numFmt).toBe("#,##0");
    });
    // Saldo rows 4 and 6 and Resultat row 10 (1-based lines).
    for (const line of [3, 5, 9]) {
      expect([ws.getCell(FIRST + line, 5).value, ws.getCell(FIRST + line, 6).value]).toEqual(
        documentedValues[line],
      );
    }
  });

  it("writes a summary sheet with budgetværn, kassefinansiering and the pool flag", async () => {
    const ws = (await load(output)).getWorksheet("Resultat")!;
    const rows = new Map<string, unknown[]>();
    ws.eachRow((row) => rows.set(String(row.getCell(1).value), (row.values as unknown[]).slice(2)));
    expect(rows.get("Budgetværn")).toEqual([50000]);
    expect(rows.get("Kassefinansiering")).toEqual([36093]);
    expect(rows.get("Resultat")).toEqual([39414, -125507, -86093]);
    expect(rows.get("Resultat uden prognoser")).toEqual([39414, -96006, -56592]);
    expect(rows.get("Puljens lyskryds")).toEqual(["RØD"]);
    let flagCell: { fill?: unknown } | undefined;
    ws.eachRow((row) => {
      if (row.getCell(1).value === "Puljens lyskryds") flagCell = row.getCell(2);
    });
    expect(flagCell?.fill).toMatchObject({ fgColor: { argb: FLAG_FILLS.RØD } });
  });

  it("writes the Tillægsbevillinger sheet", async () => {
    const ws = (await load(output)).getWorksheet("Tillægsbevillinger")!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      "Nr",
      "Tekst",
      "Beløb (kr.)",
      "År",
      "Fra",
      "Til",
    ]);
    expect(ws.getCell("C2").value).toBe(8132000);
    expect(ws.getCell("C3").value).toBe(15011000);
    expect(ws.getCell("C2").numFmt).toBe("#,##0");
    expect(String(ws.getCell("B3").value)).toContain("til Beskæftigelses- og Socialudvalget");
    // R0.6: kroner from 1.000 kr. rows are rounded: said next to them.
    expect(String(ws.getCell("B5").value)).toContain("omregnet fra tabellernes 1.000 kr. række for række");
    expect(run.summary!.appropriationsNote).toHaveLength(1);
    expect(run.out).toContain("NB: Beløbene i kr. er omregnet fra tabellernes 1.000 kr.");
  });

  it("writes the investment outputs in kr. and the budget model's pool", async () => {
    const wb = await load(output);
    const inv = wb.getWorksheet("Investeringer")!;
    expect(inv.getCell(FIRST + 2, columnOf(inv, HEADER_ROW, "Afkastgrad")).value).toBe(1.19);
    expect(inv.getCell(FIRST + 2, columnOf(inv, HEADER_ROW, "Afkastgrad")).numFmt).toBe("0.00");
    expect(inv.getCell(FIRST + 3, columnOf(inv, HEADER_ROW, "Flag")).value).toBe("GUL");
    const model = wb.getWorksheet("Budgetmodel")!;
    expect(model.getCell(FIRST, columnOf(model, HEADER_ROW, "Reservationspulje")).value).toBe(118200);
  });

  it("leaves every input cell identical: value, formula and style", async () => {
    const changed = changedCells(cellMap(await load(input)), cellMap(await load(output)));
    expect(changed).toEqual([]);
  });

  it("gives the JSON summary of WORKBOOK.md", () => {
    const s = run.summary!;
    expect(s.unit).toBe("1.000 kr.");
    expect(s.followUp!.groups).toEqual({
      Budgetgaranti: { afvigelse: 8131 },
      Beskæftigelsestilskud: { afvigelse: -15011 },
      "Uden for puljen": { afvigelse: -6990 },
    });
    expect(s.followUp!.total).toBe(-6880);
    expect(s.followUp!.rows[0]).toEqual({
      område: "Kontanthjælp og uddannelseshjælp",
      pulje: "Budgetgaranti",
      afvigelse: 10950,
      økonomi: "GRØN",
      mængder: "–",
      refusion: "–",
    });
    expect(s.pool!.pools).toEqual(["Budgetgaranti", "Beskæftigelsestilskud"]);
    expect(s.pool!.result).toEqual({ Budgetgaranti: 39414, Beskæftigelsestilskud: -125507, "I alt": -86093 });
    expect(s.pool!.resultExcludingPrognoses["I alt"]).toBe(-56592);
    expect([s.pool!.budgetvaern, s.pool!.kassefinansiering, s.pool!.flag]).toEqual([50000, 36093, "RØD"]);
    expect(s.pool!.lines[3]).toEqual({
      post: "Reservationspulje ved Økonomisk Status",
      type: "Saldo",
      status: "Endelig",
      values: { Budgetgaranti: 108311, Beskæftigelsestilskud: -62155, "I alt": 46156 },
    });
    expect(s.budgetModel).toEqual([{ år: 2025, pulje: "I alt", reservationspulje: 118200 }]);
    expect([s.investments!.nettogevinst, s.investments!.realiseretNettogevinst]).toEqual([
      46611898, 14368000,
    ]);
    expect(s.appropriations!.map((a) => [a.beløbKr, a.år])).toEqual([
      [8132000, 2018],
      [15011000, 2018],
    ]);
    // R15: a Budgetopfølgning (chosen from the tables): point 1 approves the follow-up, the bevillinger are
    // points 2 and 3 — the ledger's "Vurdering ved 2. halvår", 8.132 and −15.011, as the committee decided.
    expect(s.sagstype).toEqual({ type: "Budgetopfølgning", valgtAf: "tabellerne" });
    expect(s.indstilling!.indledning).toBe(
      "Beskæftigelses- og Socialforvaltningen indstiller til Beskæftigelses- og Socialudvalget, at byrådet godkender:",
    );
    expect(s.indstilling!.punkter.map((p: { nr: number; art: string }) => [p.nr, p.art])).toEqual([
      [1, "godkendelse"],
      [2, "tillægsbevilling"],
      [3, "tillægsbevilling"],
    ]);
    expect(s.indstilling!.punkter[1]!.tekst).toContain("på 8.132.000 kr. i 2018, til reservationspuljen");
    expect(s.indstilling!.punkter[2]!.tekst).toContain("på 15.011.000 kr. i 2018, fra reservationspuljen");
    expect(s.appropriationTable!.map((r: { punkt: number }) => r.punkt)).toEqual([2, 2, 3, 3]);
    // One figure: the follow-up's own sum (8.131 from rounded rows) is shown beside it, with the difference.
    expect(s.indstilling!.noter[0]).toBe(
      'Bevillingen vedrørende budgetgaranterede områder og øvrige overførsler er puljens linje "Vurdering ved 2. halvår": 8.132 (1.000 kr.). Opfølgningens rækker summer til 8.131, en forskel på 1.',
    );
    expect(s.yearEnd).toBeUndefined();
    expect(s.diagnostics.filter((d: { level: string }) => d.level !== "info")).toEqual([]);
  });

  it("gives the same workbook when run again on its own output", async () => {
    const again = join(dir, "again.xlsx");
    const second = await runCli(output, again);
    expect(second.code).toBe(0);
    expect(changedCells(cellMap(await load(output)), cellMap(await load(again)))).toEqual([]);
    expect([...cellMap(await load(again)).keys()].sort()).toEqual(
      [...cellMap(await load(output)).keys()].sort(),
    );
    expect(conditionalFormats((await load(again)).getWorksheet("Opfølgning")!)).toHaveLength(3);
    expect(second.summary).toEqual(run.summary);
  });

  if (asTables) {
    it("extends the Excel tables with the output columns", async () => {
      const wb = await load(output);
      const table = wb.getWorksheet("Opfølgning")!.getTable("Opfoelgning") as unknown as {
        table: { tableRef: string; columns: { name: string }[] };
      };
      expect(table.table.tableRef).toBe("A4:I29");
      expect(table.table.columns.map((c) => c.name).slice(-4)).toEqual([
        "Mer-/mindreforbrug",
        "Økonomi",
        "Mængder",
        "Refusion",
      ]);
      const xml = (await partText(output, "xl/tables/table2.xml")) ?? "";
      expect(xml).toMatch(/ref="A4:I29"/);
      expect(xml).toMatch(/headerRowCount="1"/);
    });
  }
});
