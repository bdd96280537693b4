import { Diagnostics, excelSerialToDate } from "../../src/domain";
import { runContract } from "../../src/app/run";
import { buildSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { isDateFormat, OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { fakeExcelFrom } from "../helpers/fakeExcelFrom";

describe("telling dates from amounts in Office.js (a date is a number with a date format)", () => {
  it.each([
    ["General", false],
    ["#,##0", false],
    ["0.0%", false],
    ['#,##0 "mio. kr."', false],
    ["#,##0;[Red]-#,##0", false],
    ['_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-', false],
    ["yyyy-mm-dd", true],
    ["d. mmm yyyy", true],
    ["[$-406]d. mmmm yyyy;@", true],
    ["hh:mm", true],
  ])("%s → %s", (format, date) => expect(isDateFormat(format)).toBe(date));

  it("reads Excel serials as UTC dates (1.12.2025 = 45.992)", () => {
    expect(excelSerialToDate(45992).toISOString().slice(0, 10)).toBe("2025-12-01");
    expect(excelSerialToDate(1).toISOString().slice(0, 10)).toBe("1900-01-01");
  });
});

describe("a date cell typed Integer (Excel.RangeValueType) is a date too", () => {
  it.each([false, true])(
    "whole serials typed Integer: %s → a date in an amount cell is an error at the cell, not the amount 43.374",
    async (integer) => {
      const wb = buildSampleWorkbook({ asTables: true });
      const ws = wb.getWorksheet("Opfølgning")!;
      // The first data row's Korrigeret budget: Excel turned "1.10" into 1 October.
      ws.getCell("C5").value = new Date(Date.UTC(2018, 9, 1));
      ws.getCell("C5").numFmt = "dd-mm-yyyy";
      const fake = fakeExcelFrom(wb);
      fake.integerTypes = integer;
      const outcome = await runContract(new OfficeWorkbook(fake.run, () => true), new Diagnostics(), {
        write: false,
      });
      // Before the Integer type was read, the date came in as the amount 43.374, silently.
      expect(
        outcome.summary.diagnostics.filter((d) => d.cell === "C5").map((d) => [d.sheet, d.code, d.level]),
      ).toEqual([["Opfølgning", "NOT_A_NUMBER", "error"]]);
    },
  );
});
