import { defaultParameters, economyFlag, quantityFlag, refundFlag, Unit } from "../../src/domain";

const p = defaultParameters();

describe("R2.1 Økonomi, boundaries", () => {
  // Budget 100.000.000 kr.: 0,25 % = 250.000 kr. (the same as the amount limit), so use 1 mia. kr. to
  // separate the bands: 0,25 % = 2.500.000 kr., 1,5 % = 15.000.000 kr.
  const cases: { unit: Unit; scale: number }[] = [
    { unit: "kr.", scale: 1 },
    { unit: "1.000 kr.", scale: 1_000 },
    { unit: "mio. kr.", scale: 1_000_000 },
  ];
  describe.each(cases)("in $unit", ({ unit, scale }) => {
    const t = { ...p, unit };
    const budget = 1_000_000_000 / scale;
    const flag = (merforbrugKr: number) => economyFlag(budget, budget + merforbrugKr / scale, t);

    it("mindreforbrug and zero deviation are GRØN", () => {
      expect(flag(-5_000_000)).toBe("GRØN");
      expect(flag(0)).toBe("GRØN");
    });
    it("merforbrug up to and including 250.000 kr. is GRØN; just above is judged by share", () => {
      expect(flag(250_000)).toBe("GRØN");
      // 250.001 kr. of 1 mia. is 0,025 %: still GRØN by share.
      expect(flag(250_001)).toBe("GRØN");
    });
    it("just below 0,25 % is GRØN; exactly 0,25 % is GUL", () => {
      expect(flag(2_499_000)).toBe("GRØN");
      expect(flag(2_500_000)).toBe("GUL");
      expect(flag(2_501_000)).toBe("GUL");
    });
    it("exactly 1,5 % is GUL; just above is RØD", () => {
      expect(flag(14_999_000)).toBe("GUL");
      expect(flag(15_000_000)).toBe("GUL");
      expect(flag(15_001_000)).toBe("RØD");
    });
  });

  it("a small budget: above 250.000 kr. and above 1,5 % is RØD; at or below 250.000 kr. GRØN", () => {
    const t = { ...p, unit: "1.000 kr." as Unit };
    expect(economyFlag(10_000, 10_250, t)).toBe("GRØN"); // 250.000 kr. exactly, 2,5 %
    expect(economyFlag(10_000, 10_251, t)).toBe("RØD"); // 251.000 kr., 2,51 %
    const tKr = { ...p, unit: "kr." as Unit };
    expect(economyFlag(10_000_000, 10_250_000, tKr)).toBe("GRØN");
    expect(economyFlag(10_000_000, 10_250_001, tKr)).toBe("RØD");
  });

  it("a zero or negative budget with merforbrug above the amount limit is RØD", () => {
    const t = { ...p, unit: "1.000 kr." as Unit };
    expect(economyFlag(0, 251, t)).toBe("RØD");
    expect(economyFlag(-23_474, -23_000, t)).toBe("RØD");
    expect(economyFlag(-23_474, -23_224, t)).toBe("GRØN"); // 250 = 250.000 kr.
    expect(economyFlag(-57, -70, t)).toBe("GRØN"); // mindreforbrug
  });

  it("is not applicable without a budget or an expectation", () => {
    expect(economyFlag(undefined, 5, p)).toBe("–");
    expect(economyFlag(5, undefined, p)).toBe("–");
  });

  it("uses the thresholds it is given", () => {
    const t = {
      ...p,
      unit: "kr." as Unit,
      economyAmountKr: 0,
      economyYellowShare: 0.1,
      economyRedShare: 0.2,
    };
    expect(economyFlag(100, 109, t)).toBe("GRØN");
    expect(economyFlag(100, 110, t)).toBe("GUL");
    expect(economyFlag(100, 120, t)).toBe("GUL");
    expect(economyFlag(100, 121, t)).toBe("RØD");
  });

  it("holds the boundary on decimal budgets (1,5 % of 12.345,6)", () => {
    const t = { ...p, unit: "kr." as Unit, economyAmountKr: 0 };
    const budget = 12345.6;
    expect(economyFlag(budget, budget + budget * 0.015, t)).toBe("GUL");
    expect(economyFlag(budget, budget + budget * 0.0025, t)).toBe("GUL");
  });
});

describe("R2.2 Mængder, boundaries (overlapping bands: green wins, then red)", () => {
  it("falling or flat is GRØN", () => {
    expect(quantityFlag(1000, 900, p)).toBe("GRØN");
    expect(quantityFlag(1000, 1000, p)).toBe("GRØN");
  });
  it("a rise of exactly 50 persons is GRØN whatever the share; 51 is judged further", () => {
    expect(quantityFlag(100, 150, p)).toBe("GRØN"); // 50 %, but only 50 persons
    expect(quantityFlag(100, 151, p)).toBe("RØD"); // 51 persons, 51 %
  });
  it("a rise under 3 % is GRØN even above 50 persons; exactly 3 % is not", () => {
    expect(quantityFlag(10_000, 10_299, p)).toBe("GRØN"); // 2,99 %
    expect(quantityFlag(10_000, 10_300, p)).toBe("RØD"); // 3 % but 300 persons > 100
    expect(quantityFlag(2_000, 2_060, p)).toBe("GUL"); // exactly 3 %, 60 persons
  });
  it("exactly 100 persons and exactly 10 % are GUL; above either is RØD", () => {
    expect(quantityFlag(1_000, 1_100, p)).toBe("GUL"); // 100 persons, 10 %
    expect(quantityFlag(1_000, 1_101, p)).toBe("RØD"); // 101 persons
    expect(quantityFlag(600, 661, p)).toBe("RØD"); // 61 persons, 10,17 %
    expect(quantityFlag(600, 660, p)).toBe("GUL"); // 60 persons, exactly 10 %
  });
  it("without a positive budgeted number only persons count", () => {
    expect(quantityFlag(0, 50, p)).toBe("GRØN");
    expect(quantityFlag(0, 80, p)).toBe("GUL");
    expect(quantityFlag(0, 101, p)).toBe("RØD");
  });
  it("is not applicable without both numbers", () => {
    expect(quantityFlag(undefined, 10, p)).toBe("–");
    expect(quantityFlag(10, undefined, p)).toBe("–");
  });
});

describe("R2.3 Refusion, boundaries in percentage points", () => {
  it("rising or flat is GRØN", () => {
    expect(refundFlag(0.21, 0.25, p)).toBe("GRØN");
    expect(refundFlag(0.21, 0.21, p)).toBe("GRØN");
  });
  it("a fall under 0,5 pp is GRØN; exactly 0,5 pp is GUL", () => {
    expect(refundFlag(0.21, 0.2051, p)).toBe("GRØN");
    expect(refundFlag(0.21, 0.205, p)).toBe("GUL");
  });
  it("exactly 1,0 pp is GUL; above is RØD", () => {
    expect(refundFlag(0.21, 0.2, p)).toBe("GUL");
    expect(refundFlag(0.21, 0.1999, p)).toBe("RØD");
  });
  it("is not applicable without both rates", () => {
    expect(refundFlag(undefined, 0.2, p)).toBe("–");
  });
});

describe("R2.1 Økonomi on income lines (negative budget): the share is of |budget|", () => {
  const t = { ...p, unit: "1.000 kr." as Unit };
  it("a mindreindtægt of 300 on a budget of −100.000 (1.000 kr.) is 0,3 %: GUL", () => {
    expect(economyFlag(-100_000, -99_700, t)).toBe("GUL");
  });
  it("a mindreindtægt of 2.000 on −100.000 is 2 %: RØD; of 200 (0,2 %) GRØN", () => {
    expect(economyFlag(-100_000, -98_000, t)).toBe("RØD");
    expect(economyFlag(-100_000, -99_800, t)).toBe("GRØN");
  });
  it("a merindtægt is a mindreforbrug: GRØN", () => {
    expect(economyFlag(-100_000, -120_000, t)).toBe("GRØN");
  });
  it("only a budget of exactly 0 with merforbrug above 250.000 kr. keeps RØD", () => {
    expect(economyFlag(0, 300, t)).toBe("RØD");
    expect(economyFlag(0, 250, t)).toBe("GRØN");
  });
});

describe("R2.2 Mængder: the precedence parameter (Mængder: grøn vinder)", () => {
  // 1.000 budgeted, rise 60: 6 % is beyond the green share, 60 beyond the green persons: GUL either way.
  // 10.000 budgeted, rise 120: 1,2 % is green by share, 120 persons red by persons — the bands overlap.
  it("Ja (default): a green condition wins over a red one", () => {
    expect(quantityFlag(10_000, 10_120, p)).toBe("GRØN");
    expect(quantityFlag(1_000, 1_060, p)).toBe("GUL");
  });
  it("Nej: the worst band that holds wins", () => {
    const worst = { ...p, quantityGreenWins: false };
    expect(quantityFlag(10_000, 10_120, worst)).toBe("RØD");
    expect(quantityFlag(10_000, 10_040, worst)).toBe("GRØN");
    // 40 persons (green) but 8 % (yellow share): GUL.
    expect(quantityFlag(500, 540, worst)).toBe("GUL");
    expect(quantityFlag(1_000, 1_060, worst)).toBe("GUL");
    expect(quantityFlag(1_000, 900, worst)).toBe("GRØN");
  });
});
