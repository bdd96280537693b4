import { outputRows } from "../../src/app/plan";

describe("output columns are typed per table (contract.ts OUTPUTS)", () => {
  it("a record with the table's keys compiles and carries its values", () => {
    const rows = outputRows("followUp", [7], (row) => [row, { afvigelse: -4255, økonomi: "GUL" }]);
    expect([...rows]).toEqual([[7, { afvigelse: -4255, økonomi: "GUL" }]]);
  });

  it("a misspelt key does not compile (checked by the type-check, tsc --noEmit, that CI runs)", () => {
    // @ts-expect-error -- "afvigelsen" is not an output key of Opfoelgning: the column would silently be missing.
    const typo = outputRows("followUp", [7], (row) => [row, { afvigelsen: -4255 }]);
    // @ts-expect-error -- "økonomi" is the follow-up's key, not the ledger's.
    const wrongTable = outputRows("ledger", [7], (row) => [row, { økonomi: "GUL" }]);
    expect([typo.size, wrongTable.size]).toEqual([1, 1]);
  });
});
