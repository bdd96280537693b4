import { computeBudgetModel, Diagnostics, openingPool, readBudgetModelRows } from "../../src/domain";

describe("R3 opening pool", () => {
  it("is KL's skøn minus forvaltningens skøn: 4.484,0 − 4.365,8 = 118,2 mio. kr.", () => {
    expect(openingPool(4484.0, 4365.8)).toBe(118.2);
  });
  it("handles one pool and several sub-pools per year", () => {
    expect(
      computeBudgetModel([
        { år: 2018, pulje: "Budgetgaranti", klSkøn: 2_900_000, forvaltningensSkøn: 2_796_102 },
        { år: 2018, pulje: "Beskæftigelsestilskud", klSkøn: 400_000, forvaltningensSkøn: 478_446 },
        { år: 2025, pulje: "I alt", klSkøn: 4484.0, forvaltningensSkøn: 4365.8 },
      ]),
    ).toEqual([
      { år: 2018, pulje: "Budgetgaranti", reservationspulje: 103898 },
      { år: 2018, pulje: "Beskæftigelsestilskud", reservationspulje: -78446 },
      { år: 2018, pulje: "I alt", reservationspulje: 25452 },
      { år: 2025, pulje: "I alt", reservationspulje: 118.2 },
    ]);
  });
  it("reads rows, defaulting the pool and reporting bad cells", () => {
    const at = (c: string) => ({ sheet: "Budgetmodel", cell: c });
    const d = new Diagnostics();
    const rows = readBudgetModelRows(
      [
        {
          at: at("A2"),
          cells: {
            år: { value: 2025, at: at("A2") },
            kl: { value: "4.484,0", at: at("C2") },
            forvaltning: { value: 4365.8, at: at("D2") },
          },
        },
        {
          at: at("A3"),
          cells: {
            år: { value: 2026, at: at("A3") },
            kl: { value: { error: "#DIV/0!" }, at: at("C3") },
            forvaltning: { value: 1, at: at("D3") },
          },
        },
      ],
      d,
    );
    expect(rows).toEqual([
      { år: 2025, pulje: "I alt", klSkøn: 4484, forvaltningensSkøn: 4365.8, at: at("A2") },
    ]);
    expect(d.items.map((i) => [i.level, i.code, i.cell])).toEqual([
      ["warning", "TEXT_NUMBER", "C2"],
      ["error", "EXCEL_ERROR", "C3"],
    ]);
  });
});
