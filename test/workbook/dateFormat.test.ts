import { excelSerialToDate } from "../../src/domain";
import { isDateFormat } from "../../src/workbook/officeWorkbook";

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
