import {
  Diagnostics,
  formatDanishNumber,
  formatKroner,
  formatPercent,
  fromKroner,
  parseNumberText,
  parseUnit,
  readNumber,
  toWholeKroner,
} from "../../src/domain";

describe("R0 Danish number text", () => {
  it.each([
    ["8.132", 8132],
    ["-6.879", -6879],
    ["−6.879", -6879],
    ["–6.879", -6879],
    ["1.234,5", 1234.5],
    ["1 234,5", 1234.5],
    ["1\u00a0234\u00a0567", 1234567],
    ["2.786.902", 2786902],
    ["0,21", 0.21],
    ["+12", 12],
    ["1,234", 1.234],
  ])("reads %s as %d (Danish)", (text, value) => {
    expect(parseNumberText(text)).toEqual({ value, style: "danish", percent: false });
  });

  it.each([
    ["21 %", 0.21],
    ["0,25 %", 0.0025],
    ["-1,5%", -0.015],
  ])("reads %s as the fraction %d", (text, value) => {
    expect(parseNumberText(text)?.value).toBeCloseTo(value, 12);
    expect(parseNumberText(text)?.percent).toBe(true);
  });

  it.each([
    ["1,234.5", 1234.5],
    ["0.21", 0.21],
    ["1,234,567", 1234567],
    ["8.13", 8.13],
  ])("reads %s as English only where Danish is impossible", (text, value) => {
    expect(parseNumberText(text)).toEqual({ value, style: "english", percent: false });
  });

  it.each(["", "abc", "12 kr.", "1.23.4", "1,2,3", "--5", "#N/A", "12,5,"])("refuses %p", (text) => {
    expect(parseNumberText(text)).toBeUndefined();
  });

  it("formats the Danish way", () => {
    expect(formatDanishNumber(8132)).toBe("8.132");
    expect(formatDanishNumber(-6879)).toBe("-6.879");
    expect(formatDanishNumber(-1234.5, 1)).toBe("-1.234,5");
    expect(formatDanishNumber(-0.0001, 2)).toBe("0,00");
    expect(formatDanishNumber(2786902)).toBe("2.786.902");
    expect(formatKroner(8132000)).toBe("8.132.000 kr.");
    expect(formatPercent(0.0025)).toBe("0,25 %");
    expect(formatPercent(0.1)).toBe("10 %");
  });
});

describe("R0.1 units", () => {
  it("reads units as users write them", () => {
    expect(parseUnit("1.000 kr.")).toBe("1.000 kr.");
    expect(parseUnit("t.kr.")).toBe("1.000 kr.");
    expect(parseUnit("Mio. kr.")).toBe("mio. kr.");
    expect(parseUnit("kr")).toBe("kr.");
    expect(parseUnit("euro")).toBeUndefined();
  });
  it("converts a threshold in kr. to the table's unit", () => {
    expect(fromKroner(250_000, "kr.")).toBe(250_000);
    expect(fromKroner(250_000, "1.000 kr.")).toBe(250);
    expect(fromKroner(250_000, "mio. kr.")).toBe(0.25);
  });
  it("states amounts in whole kroner", () => {
    expect(toWholeKroner(8132, "1.000 kr.")).toBe(8_132_000);
    expect(toWholeKroner(1234.5, "1.000 kr.")).toBe(1_234_500);
    expect(toWholeKroner(118.2, "mio. kr.")).toBe(118_200_000);
    expect(toWholeKroner(-15011, "1.000 kr.")).toBe(-15_011_000);
  });
});

describe("reading a numeric cell", () => {
  const at = { sheet: "Opfølgning", cell: "D7" };
  const read = (value: unknown, rate = false) => {
    const d = new Diagnostics();
    const result = readNumber(
      { value: value as never, at },
      { field: "Korrigeret budget", required: true, rate },
      d,
    );
    return { result, items: d.items };
  };

  it("passes numbers without a diagnostic", () => {
    expect(read(659160)).toEqual({ result: 659160, items: [] });
  });
  it("reads Danish number text and warns at the cell", () => {
    const { result, items } = read("−6.879");
    expect(result).toBe(-6879);
    expect(items).toEqual([
      expect.objectContaining({ level: "warning", code: "TEXT_NUMBER", sheet: "Opfølgning", cell: "D7" }),
    ]);
    expect(items[0]!.message).toContain("-6.879");
  });
  it("refuses text that is not a number, with a Danish message at the cell", () => {
    const { result, items } = read("ca. 500");
    expect(result).toBeUndefined();
    expect(items).toEqual([
      {
        level: "error",
        code: "NOT_A_NUMBER",
        sheet: "Opfølgning",
        cell: "D7",
        message:
          'Feltet "Korrigeret budget" skal være et tal, men indeholder "ca. 500". Skriv beløbet som tal, fx 46000.',
      },
    ]);
  });
  it("refuses Excel errors and blanks in required cells, never giving zero", () => {
    expect(read({ error: "#N/A" })).toEqual({
      result: undefined,
      items: [
        expect.objectContaining({
          code: "EXCEL_ERROR",
          cell: "D7",
          message: expect.stringContaining("#I/T"),
        }),
      ],
    });
    expect(read(null).items[0]!.code).toBe("MISSING_VALUE");
    expect(read(true).items[0]!.code).toBe("NOT_A_NUMBER");
  });
  it("refuses a percentage in an amount column and numbers beyond 2^53", () => {
    expect(read("21 %").items[0]!.code).toBe("PERCENT_NUMBER");
    expect(read(2 ** 60).items[0]!.code).toBe("UNSAFE_NUMBER");
  });
  it("reads rates as fractions, percent text, or plain percent numbers (with a warning)", () => {
    expect(read(0.21, true)).toEqual({ result: 0.21, items: [] });
    expect(read("21 %", true).result).toBeCloseTo(0.21, 12);
    const asPercent = read(21, true);
    expect(asPercent.result).toBeCloseTo(0.21, 12);
    expect(asPercent.items[0]!.code).toBe("PERCENT_NUMBER");
  });
});
