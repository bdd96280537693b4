import ExcelJS from "exceljs";
import { Diagnostics, PARAMETER_DEFINITIONS } from "../../src/domain";
import { CONTRACT } from "../../src/app/contract";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { runContract } from "../../src/app/run";
import { freeSheetName } from "../../src/app/template";
import { insertTemplate } from "../../src/taskpane/template";
import type { FakeSheetModel } from "../helpers/fakeExcel";
import { fakeExcelFrom } from "../helpers/fakeExcelFrom";

/** One follow-up row typed into the template's table: Førtidspension, 932.886 → 937.141 (GUL). */
function fillOneRow(sheet: FakeSheetModel): void {
  for (const [address, value] of [
    ["A5", "Førtidspension"],
    ["B5", "Budgetgaranti"],
    ["D5", 932886],
    ["E5", 937141],
  ] as const)
    sheet.cells.set(address, { value });
}

describe("Indsæt skabelon (through the simulated Excel)", () => {
  it("adds every contract table as an Excel table with Danish headers, in two syncs", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Ark1");
    const fake = fakeExcelFrom(wb);
    const result = await insertTemplate(fake.run);
    expect(result.sheets).toEqual([
      "Regler",
      "Opfølgning",
      "Reservationspulje",
      "Budgetmodel",
      "Regnskab",
      "Investeringer",
      "Reguleringer",
      "Indikatorer",
    ]);
    expect(fake.syncs).toBe(2);
    expect(fake.tables.map((t) => [t.name, t.sheet])).toEqual(
      CONTRACT.map((c) => [c.tableName, c.sheetName]),
    );
    expect(fake.cell("Opfølgning", "D4")?.value).toBe("Korrigeret budget");
    expect(fake.cell("Regler", "A5")?.value).toBe("Enhed");
    expect(fake.cell(`Regler`, `A${PARAMETER_DEFINITIONS.length + 4}`)?.value).toBe(
      PARAMETER_DEFINITIONS.at(-1)!.name,
    );
    expect(fake.cell("Regler", "B10")?.value).toBe(250000);

    // The inserted template is read back by the contract: default parameters, and the ledger's two
    // starter lines (Oprindelig, Resultat) give a pool of 0 until the user fills in amounts.
    const outcome = await runContract(new OfficeWorkbook(fake.run, () => true), new Diagnostics());
    expect(outcome.inputs.tables.size).toBe(10);
    // The Reguleringer sheet's blocks are stacked under the title, each under its note, with two empty rows between them.
    expect(fake.tables.filter((t) => t.sheet === "Reguleringer").map((t) => t.name)).toEqual([
      "Prognoser",
      "Foelsomhed",
      "Tilskudsberegning",
    ]);
    expect(fake.cell("Reguleringer", "A8")?.value).toBe("Regulering");
    expect(fake.cell("Reguleringer", "A13")?.value).toBe("Input");
    expect(outcome.summary.pool?.fedLines).toEqual(["Efterregulering (prognose)"]);
    expect(outcome.ok).toBe(true);
    expect(outcome.inputs.parameters.economyAmountKr).toBe(250000);
    expect(outcome.summary.pool?.result).toEqual({ Budgetgaranti: 0, Beskæftigelsestilskud: 0, "I alt": 0 });
  });

  it("never touches a sheet of the same name and skips tables that exist", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Opfølgning").getCell("A1").value = "Mine egne noter";
    wb.addWorksheet("Regler").addTable({
      name: "Parametre",
      ref: "A1",
      headerRow: true,
      columns: [{ name: "Parameter" }, { name: "Værdi" }],
      rows: [["Budgetår", 2019]],
    });
    const fake = fakeExcelFrom(wb);
    const result = await insertTemplate(fake.run);
    expect(result.sheets).toEqual([
      "Opfølgning 2",
      "Reservationspulje",
      "Budgetmodel",
      "Regnskab",
      "Investeringer",
      "Reguleringer",
      "Indikatorer",
    ]);
    expect(fake.cell("Opfølgning", "A1")?.value).toBe("Mine egne noter");
    expect(fake.cell("Regler", "B2")?.value).toBe(2019);
    expect(fake.cell("Opfølgning 2", "A1")?.value).toBe("Opfølgning");
    expect(fake.cell("Opfølgning 2", "A4")?.value).toBe("Område");
  });

  it("can fill the follow-up's output columns with PULJE formulas, which Beregn then keeps", async () => {
    const fake = fakeExcelFrom(new ExcelJS.Workbook());
    await insertTemplate(fake.run, { formulas: true });
    expect(fake.cell("Opfølgning", "J4")?.value).toBe("Mer-/mindreforbrug");
    expect(fake.cell("Opfølgning", "J5")?.formula).toBe(
      "=PULJE.AFVIGELSE([@[Korrigeret budget]],[@[Forventet regnskab]])",
    );
    expect(fake.cell("Opfølgning", "K5")?.formula).toContain('MATCH("Enhed",Parametre[Parameter],0)');
    const sheet = fake.sheet("Opfølgning");
    fillOneRow(sheet);
    const outcome = await runContract(new OfficeWorkbook(fake.run, () => true), new Diagnostics());
    expect(outcome.summary.diagnostics.filter((d) => d.level === "error")).toEqual([]);
    expect(outcome.summary.followUp?.rows[0]).toMatchObject({ afvigelse: -4255, økonomi: "GUL" });
    expect(fake.cell("Opfølgning", "J5")?.formula).toMatch(/^=PULJE\.AFVIGELSE/);
    expect(fake.cell("Opfølgning", "K5")?.formula).toMatch(/^=PULJE\.OEKONOMI/);
    expect(sheet.conditionalFormats.map((f) => f.range)).toEqual(["K5:K5", "L5:L5", "M5:M5"]);
  });

  it("gives the closed-vocabulary columns drop-down lists where ExcelApi 1.8 is supported, none without", async () => {
    const fake = fakeExcelFrom(new ExcelJS.Workbook());
    await insertTemplate(fake.run, { formulas: false }, () => true);
    const ledger = fake.sheet("Reservationspulje");
    const header = (name: string) =>
      [...ledger.cells]
        .find(([address, c]) => /^[A-Z]+4$/.test(address) && c.value === name)![0]
        .replace("4", "");
    expect(fake.cell("Reservationspulje", `${header("Type")}5`)?.validation).toEqual({
      list: "Oprindelig,Vurdering,Investeringsprojekter,DUT,Midtvejsregulering,Efterregulering,Regnskab,Anden regulering,Saldo,Resultat",
      style: "Stop",
    });
    expect(fake.cell("Reservationspulje", `${header("Status")}5`)?.validation?.list).toBe("Endelig,Prognose");
    expect(fake.cell("Opfølgning", "B5")?.validation).toEqual({
      list: "Budgetgaranti,Beskæftigelsestilskud,Uden for puljen",
      style: "Warning",
    });
    expect(fake.cell("Regnskab", "C5")?.validation?.list).toBe("Ja,Nej");
    // R15.1: on the Regler sheet, a drop-down on the values with a closed list (Sagstype, Enhed, Ja/Nej).
    const rules = fake.sheet("Regler");
    const valueOf = (name: string) =>
      [...rules.cells]
        .find(([address, c]) => address.startsWith("A") && c.value === name)![0]
        .replace("A", "B");
    expect(fake.cell("Regler", valueOf("Sagstype"))?.validation).toEqual({
      list: "Budgetopfølgning,Regnskab,Orientering",
      style: "Stop",
    });
    expect(fake.cell("Regler", valueOf("Enhed"))?.validation?.list).toBe("kr.,1.000 kr.,mio. kr.");
    expect(fake.cell("Regler", valueOf("Mængder: grøn vinder"))?.validation?.list).toBe("Ja,Nej");
    expect(fake.cell("Regler", valueOf("Budgetår"))?.validation).toBeUndefined();
    const without = fakeExcelFrom(new ExcelJS.Workbook());
    await insertTemplate(without.run);
    expect(without.sheets.flatMap((s) => [...s.cells.values()]).filter((c) => c.validation)).toEqual([]);
  });

  it("a test build's template writes its own namespace (PULJETEST.*), and Beregn keeps those formulas too", async () => {
    const fake = fakeExcelFrom(new ExcelJS.Workbook());
    await insertTemplate(fake.run, { formulas: true, namespace: "PULJETEST" });
    expect(fake.cell("Opfølgning", "J5")?.formula).toMatch(/^=PULJETEST\.AFVIGELSE\(/);
    const sheet = fake.sheet("Opfølgning");
    fillOneRow(sheet);
    const outcome = await runContract(new OfficeWorkbook(fake.run, () => true), new Diagnostics());
    expect(outcome.summary.diagnostics.filter((d) => d.level === "error")).toEqual([]);
    expect(fake.cell("Opfølgning", "J5")?.formula).toMatch(/^=PULJETEST\.AFVIGELSE\(/);
  });

  it("finds a free sheet name", () => {
    expect(freeSheetName("Regler", ["Ark1"])).toBe("Regler");
    expect(freeSheetName("Regler", ["regler", "Regler 2"])).toBe("Regler 3");
  });
});
