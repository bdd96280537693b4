import ExcelJS from "exceljs";
import { buildSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { Diagnostics } from "../../src/domain";
import { runContract } from "../../src/app/run";
import { setCaseKind } from "../../src/app/setCaseKind";
import { FileWorkbook } from "../../src/workbook/fileWorkbook";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { fakeCells } from "../helpers/fakeExcel";
import { fakeExcelFrom } from "../helpers/fakeExcelFrom";

/** R15.1: the pane's Sagstype, written to the Parametre table — the only input cell the add-in writes, on a click. */
describe("setCaseKind: the user's Sagstype written to the Regler sheet", () => {
  it("Excel (simulated): the Sagstype row's Værdi, and nothing else; the next Beregn reads it", async () => {
    const fake = fakeExcelFrom(buildSampleWorkbook({ asTables: true }));
    const before = fakeCells(fake);
    const port = new OfficeWorkbook(fake.run, () => true);
    const written = await setCaseKind(port, "Regnskab");
    expect(written.ok).toBe(true);
    const after = fakeCells(fake);
    const changed = [...after].filter(([key, v]) => JSON.stringify(before.get(key)) !== JSON.stringify(v));
    expect(changed.map(([key]) => key)).toEqual([`Regler!${written.cell!}`]);
    expect(fake.cell("Regler", written.cell!)?.value).toBe("Regnskab");
    expect(written.message).toBe(`Sagstypen er nu Regnskab (Regler!${written.cell!}). Beregner igen …`);
    const outcome = await runContract(port, new Diagnostics(), { write: false });
    expect(outcome.summary.sagstype).toEqual({ type: "Regnskab", valgtAf: "parameter" });
  });

  it("a plain Regler block without the row gets it right below; an Excel table without it is refused, unchanged", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Regler").addRows([
      ["Parameter", "Værdi"],
      ["Budgetår", 2024],
    ]);
    wb.addWorksheet("Opfølgning").addRows([
      ["Område", "Pulje", "Korrigeret budget", "Forventet regnskab"],
      ["A", "Budgetgaranti", 10, 8],
    ]);
    const file = await FileWorkbook.fromBuffer(await wb.xlsx.writeBuffer());
    expect(await setCaseKind(file, "Orientering")).toMatchObject({ ok: true, sheet: "Regler", cell: "B3" });
    const outcome = await runContract(file, new Diagnostics(), { write: false });
    expect(outcome.summary.sagstype).toEqual({ type: "Orientering", valgtAf: "parameter" });

    const tables = new ExcelJS.Workbook();
    tables.addWorksheet("Regler").addTable({
      name: "Parametre",
      ref: "A1",
      columns: [{ name: "Parameter" }, { name: "Værdi" }],
      rows: [["Budgetår", 2024]],
    });
    const fake = fakeExcelFrom(tables);
    const before = fakeCells(fake);
    const refused = await setCaseKind(new OfficeWorkbook(fake.run, () => true), "Regnskab");
    expect(refused.ok).toBe(false);
    expect(refused.message).toBe(
      "Parametrene på arket Regler har ingen række Sagstype, og rækken kan ikke tilføjes automatisk. Tilføj en række med Parameter = Sagstype nederst i tabellen, og vælg sagstypen igen.",
    );
    expect(fakeCells(fake)).toEqual(before);
  });

  it("without a Parametre table it says so", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Ark1").getCell("A1").value = "Noget andet";
    const file = await FileWorkbook.fromBuffer(await wb.xlsx.writeBuffer());
    expect(await setCaseKind(file, "Regnskab")).toEqual({
      ok: false,
      message:
        "Projektmappen har ingen parametre (arket Regler); sagstypen kan ikke skrives. Klik på Indsæt skabelon i opgaveruden, så kommer arket Regler med parametrene.",
    });
  });
});
