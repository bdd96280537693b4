/// <reference types="office-js" />
import ExcelJS from "exceljs";
import { fakeExcelFrom } from "../helpers/fakeExcelFrom";

/** The simulated Excel is strict where Excel is: these are the behaviours the adapter's tests rely on. */
describe("the simulated Excel behaves like Excel where the add-in meets it", () => {
  function fake() {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Ark1").getCell("A1").value = 5;
    return fakeExcelFrom(wb);
  }

  it("reading a property that was not loaded throws PropertyNotLoaded", async () => {
    const excel = fake();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Ark1").getRange("A1");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load("values");
      expect(() => range.values).toThrow(/PropertyNotLoaded/); // loaded, not yet synced
      await context.sync();
      expect(range.values).toEqual([[5]]);
    });
  });

  it("a load is resolved at sync, after the writes queued before it", async () => {
    const excel = fake();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Ark1").getRange("A1");
      range.load("values");
      range.values = [[7]];
      await context.sync();
      expect(range.values).toEqual([[7]]);
    });
  });

  it("text written through values is taken as typed; with the text format first it stays text", async () => {
    const excel = fake();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Ark1");
      ws.getRange("A2:C2").values = [["=1+1", "1.12", "1.234"]];
      const text = ws.getRange("A3:C3");
      text.numberFormat = [["@", "@", "@"]];
      text.values = [["=1+1", "1.12", "1.234"]];
      await context.sync();
    });
    expect(excel.cell("Ark1", "A2")?.formula).toBe("=1+1");
    expect(excel.cell("Ark1", "B2")?.value).toBeInstanceOf(Date);
    expect(excel.cell("Ark1", "C2")?.value).toBe(1234);
    expect(["A3", "B3", "C3"].map((a) => excel.cell("Ark1", a)?.value)).toEqual(["=1+1", "1.12", "1.234"]);
  });

  it("an array of the wrong shape is refused (InvalidArgument); null leaves a cell unchanged", async () => {
    const excel = fake();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Ark1").getRange("A1:B1").values = [[1]];
        await context.sync();
      }),
    ).rejects.toThrow(/InvalidArgument/);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Ark1").getRange("A1:B1").values = [[null, 2]];
      await context.sync();
    });
    expect(excel.cell("Ark1", "A1")?.value).toBe(5);
    expect(excel.cell("Ark1", "B1")?.value).toBe(2);
  });
});
