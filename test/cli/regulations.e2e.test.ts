import ExcelJS from "exceljs";
import { join } from "path";
import { GRANT_INPUT_DEFINITIONS } from "../../src/domain";
import { FLAG_FILLS, SCENARIO_SHEET, SCENARIO_TITLE } from "../../src/app/contract";
import { GRANT_EXAMPLE_A } from "../helpers/grantExample";
import { cellMap, changedCells, load, runCli, sampleFile, tempDir } from "../helpers/workbooks";

// The sample's Reguleringer sheet: Prognoser header in row 3 (data 4–6), Foelsomhed in row 10 (11–12),
// Tilskudsberegning in row 16 (17–29). The ledger's header is row 4: Midtvejsregulering row 12,
// Efterregulering row 13; columns D Kilde, E Budgetgaranti, F Beskæftigelsestilskud, G I alt.
const PROGNOSES_HEADER = 3;
const GRANT_FIRST = 17;

function fill(fill: ExcelJS.Fill | undefined): string | undefined {
  return (fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
}

describe.each([
  { layout: "Excel tables", asTables: true },
  { layout: "plain header blocks", asTables: false },
])("the Reguleringer sheet through the headless command ($layout)", ({ asTables }) => {
  let dir: string;
  beforeAll(() => (dir = tempDir()));

  it("puts the prognoses side by side: −86.093 with KL's −29.501, −56.592 without; kassen 36.093", async () => {
    const input = await sampleFile(dir, asTables);
    const output = join(dir, "out.xlsx");
    const run = await runCli(input, output);
    expect(run.code).toBe(0);
    const scenarios = run.summary!.regulations!.scenarios;
    expect(
      scenarios.map((s) => [s.scenarie, s.valgt, s.result["I alt"], s.kassefinansiering, s.flag]),
    ).toEqual([
      ["KL's prognose", true, -86093, 36093, "RØD"],
      ["Ingen efterregulering", false, -56592, 6592, "RØD"],
      ["Midtvejsregulering, økonomiaftalen", false, -86093, 36093, "RØD"],
    ]);
    expect(run.out).toMatch(/\n\s*6\.592\s+-50\.000\s+0\s+GUL\s+Budgetværnet er netop opbrugt\n/);

    // The Prognoser table gets its output columns, filled like the pool flag; inputs are untouched.
    const before = cellMap(await load(input));
    const wb = await load(output);
    const ws = wb.getWorksheet("Reguleringer")!;
    const headers = (ws.getRow(PROGNOSES_HEADER).values as unknown[]).slice(1);
    expect(headers).toEqual([
      "Scenarie",
      "Regulering",
      "Kilde",
      "Dato",
      "Status",
      "Valgt",
      "Budgetgaranti",
      "Beskæftigelsestilskud",
      "I alt",
      "Resultat",
      "Budgetværn brugt",
      "Kassefinansiering",
      "Puljeflag",
    ]);
    expect([4, 5, 6].map((r) => [10, 12, 13].map((c) => ws.getCell(r, c).value))).toEqual([
      [-86093, 36093, "RØD"],
      [-56592, 6592, "RØD"],
      [-86093, 36093, "RØD"],
    ]);
    expect(fill(ws.getCell(4, 13).fill)).toBe(FLAG_FILLS.RØD);
    const changed = changedCells(before, cellMap(wb)).filter((k) => !k.startsWith("Reservationspulje!G"));
    expect(changed).toEqual([]);

    // The Scenarier sheet: scenarios, the sensitivity tables with the break-even row in yellow, the grid.
    const sheet = wb.getWorksheet(SCENARIO_SHEET)!;
    expect(sheet.getCell("A1").value).toBe(SCENARIO_TITLE);
    let breakEven: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(6).value === "Budgetværnet er netop opbrugt" && row.getCell(1).value === 6592)
        breakEven = row;
    });
    expect(breakEven).toBeDefined();
    expect([2, 3, 4, 5].map((c) => breakEven!.getCell(c).value)).toEqual([-50000, 50000, 0, "GUL"]);
    expect(fill(breakEven!.getCell(5).fill)).toBe(FLAG_FILLS.GUL);
    expect(fill(breakEven!.getCell(2).fill)).toBe(FLAG_FILLS.GUL);
    const grid = run.summary!.regulations!.grid!;
    expect(grid.rækker.beløb).toHaveLength(9);
    expect(grid.kolonner.beløb).toEqual([-120000, -110000, -100000, -90000, -80000]);
    // Without both regulations the 2018 pool is −86.093 + 29.501 + 96.128 = 39.536. The grid varies the
    // midtvejsregulering's Budgetgaranti part; its Beskæftigelsestilskud part (−18.840) stays in.
    expect(grid.resultat[0]![0]).toBe(39536 - 60000 - 120000 - 18840);
  });

  it("feeds the chosen prognosis into the ledger line marked Kilde = Reguleringer, and runs twice the same", async () => {
    const input = await sampleFile(
      dir,
      asTables,
      (wb) => {
        wb.getWorksheet("Reservationspulje")!.getCell("D13").value = "Reguleringer";
        const ws = wb.getWorksheet("Reguleringer")!;
        ws.getCell("F4").value = "Nej";
        ws.getCell("F5").value = "Ja";
      },
      "fed.xlsx",
    );
    const output = join(dir, "fed-out.xlsx");
    const run = await runCli(input, output);
    expect(run.code).toBe(0);
    expect(run.summary!.pool!.fedLines).toEqual(["Efterregulering (sommer 2019)"]);
    expect(run.summary!.pool!.result["I alt"]).toBe(-56592);
    expect(run.summary!.pool!.kassefinansiering).toBe(6592);
    const ledger = (await load(output)).getWorksheet("Reservationspulje")!;
    expect([ledger.getCell("F13").value, ledger.getCell("G13").value, ledger.getCell("G14").value]).toEqual([
      0, 0, -56592,
    ]);
    // The fed cell is the tool's: a second run over its own output changes nothing.
    const again = join(dir, "fed-again.xlsx");
    expect((await runCli(output, again)).code).toBe(0);
    expect(changedCells(cellMap(await load(output)), cellMap(await load(again)))).toEqual([]);
  });

  it("posts the § 23 a estimate to the ledger line whose Kilde is 'egen beregning'", async () => {
    const values: Record<string, number> = GRANT_EXAMPLE_A;
    const input = await sampleFile(
      dir,
      asTables,
      (wb) => {
        const ws = wb.getWorksheet("Reguleringer")!;
        GRANT_INPUT_DEFINITIONS.forEach((d, i) => {
          expect(ws.getCell(GRANT_FIRST + i, 1).value).toBe(d.label);
          if (values[d.key] !== undefined) ws.getCell(GRANT_FIRST + i, 2).value = values[d.key]!;
        });
        wb.getWorksheet("Reservationspulje")!.getCell("D12").value = "egen beregning";
        wb.getWorksheet("Reservationspulje")!.getCell("C12").value = "Prognose";
      },
      "estimate.xlsx",
    );
    const output = join(dir, "estimate-out.xlsx");
    const run = await runCli(input, output);
    expect(run.code).toBe(0);
    const regulations = run.summary!.regulations!;
    expect(run.summary!.pool!.fedLines).toEqual(["Midtvejsregulering (juni 2018)"]);
    const estimate = Object.fromEntries(regulations.estimate!.map((l) => [l.key, l.value]));
    expect(estimate).toMatchObject({ midtvejsBeskaeftigelse: 10, midtvejsGaranti: -80, efterregulering: 15 });
    expect(
      regulations.scenarios.filter((s) => s.egenBeregning).map((s) => [s.regulering, s.amounts]),
    ).toEqual([
      ["Midtvejsregulering", { Budgetgaranti: -80, Beskæftigelsestilskud: 10 }],
      ["Efterregulering", { Budgetgaranti: 0, Beskæftigelsestilskud: 15 }],
    ]);
    const ledger = (await load(output)).getWorksheet("Reservationspulje")!;
    expect([ledger.getCell("E12").value, ledger.getCell("F12").value]).toEqual([-80, 10]);
    expect(run.summary!.pool!.result["I alt"]).toBe(-86093 + 96128 - 70);
  });
});
