import { computeFollowUp, defaultParameters, FollowUpRow } from "../../src/domain";
import type { ContractResults } from "../../src/app/compute";
import type { ContractInputs } from "../../src/app/readContract";
import { CASE_MAX_ROWS, caseDocument, casePlainText } from "../../src/app/report";

const p = { ...defaultParameters(), budgetYear: 2024 };
const row = (i: number, pulje: string): FollowUpRow => ({
  område: `Område ${i}`,
  pulje,
  korrigeret: 1_000 + i,
  forventet: 1_000,
});

function caseOf(n: number) {
  const rows = Array.from({ length: n }, (_, i) =>
    row(i, i % 2 === 0 ? "Budgetgaranti" : "Beskæftigelsestilskud"),
  );
  const results: ContractResults = { followUp: computeFollowUp(rows, p) };
  const inputs = { parameters: p, tables: new Map() } as unknown as ContractInputs;
  return caseDocument(inputs, results).tables.find((t) => t.key === "followUp")!;
}

describe("R14.2 the case's follow-up table", () => {
  it("lists every row under its pool's name, with a Samlet per pool and the total, as the minutes word them", () => {
    const table = caseOf(4);
    expect(table.rows.map((r) => r.cells[0])).toEqual([
      "Budgetgaranti",
      "Område 0",
      "Område 2",
      "Samlet",
      "Beskæftigelsestilskud",
      "Område 1",
      "Område 3",
      "Samlet",
      "Samlet total",
    ]);
    expect(table.columns.map((c) => c.header)).toContain("Korrigeret budget");
  });

  it("a follow-up longer than a page is shown by its pools' totals, and the note says where the rows are", () => {
    const table = caseOf(CASE_MAX_ROWS - 4); // with 2 headings, 2 Samlet and the total: one row too many
    expect(table.rows.map((r) => r.cells[0])).toEqual([
      "Budgetgaranti",
      "Beskæftigelsestilskud",
      "Samlet total",
    ]);
    expect(table.note).toContain(`Opfølgningen har ${CASE_MAX_ROWS - 4} rækker`);
    expect(caseOf(CASE_MAX_ROWS - 5).rows).toHaveLength(CASE_MAX_ROWS);
    // Subtotals: korrigeret − forventet summed, 1.000 kr. rows of +i.
    const total = Array.from({ length: CASE_MAX_ROWS - 4 }, (_, i) => i).reduce((s, i) => s + i, 0);
    expect(table.rows.at(-1)!.cells.at(-1)).toBe(total);
    expect(casePlainText({ title: "t", subtitle: "s", administration: "f", tables: [table] })).toContain(
      `Samlet total\t`,
    );
  });
});
