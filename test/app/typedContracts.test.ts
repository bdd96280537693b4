import { Diagnostics, DiagnosticSink } from "../../src/domain";
import type { RunCode } from "../../src/app/codes";
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

describe("the engine's diagnostic codes are its own (domain/diagnostics.ts DomainCode, app/codes.ts AppCode)", () => {
  it("a rule can report only the engine's codes; a run collects both", () => {
    const run = new Diagnostics<RunCode>();
    const sink: DiagnosticSink = run;
    sink.error("NOT_A_NUMBER", "Feltet er ikke et tal.", { sheet: "Opfølgning", cell: "D7" });
    // @ts-expect-error -- NOT_OWNED is the application's (a cell it does not own), not a rule's.
    sink.error("NOT_OWNED", "Cellen ejes ikke.");
    run.error("NOT_OWNED", "Cellen ejes ikke.", { sheet: "Opfølgning", cell: "J7" });
    expect(run.items.map((d) => d.code)).toEqual(["NOT_A_NUMBER", "NOT_OWNED", "NOT_OWNED"]);
  });
});
