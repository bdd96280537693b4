import { computeLedger, Diagnostics, RawCell, RawLedgerRecord, readLedger } from "../../src/domain";

const at = (cell: string) => ({ sheet: "Reservationspulje", cell });
function record(
  row: number,
  post: string,
  type: string,
  values: RawCell["value"][],
  status?: string,
): RawLedgerRecord {
  return {
    at: at(`A${row}`),
    cells: {
      post: { value: post, at: at(`A${row}`) },
      type: { value: type, at: at(`B${row}`) },
      ...(status === undefined ? {} : { status: { value: status, at: at(`C${row}`) } }),
    },
    poolCells: values.map((value, i) => ({ value, at: at(`${String.fromCharCode(68 + i)}${row}`) })),
  };
}

describe("reading the ledger", () => {
  it("reads types and statuses loosely, blanks as 0, and leaves computed lines to the engine", () => {
    const d = new Diagnostics();
    const ledger = readLedger(
      ["A", "B"],
      [
        record(2, "Oprindelig", "oprindelig", [100, -50]),
        record(3, "DUT", "DUT", [5, null]),
        record(4, "Saldo", "Saldo", [999, 999]),
        record(5, "Efterregulering", "Efterregulering", [null, -20], "prognose"),
        record(6, "Resultat", "Resultat", ["x", "y"]),
      ],
      d,
    );
    expect(d.items).toEqual([]);
    const result = computeLedger(ledger);
    expect(result.lines.map((l) => l.total)).toEqual([50, 5, 55, -20, 35]);
    expect(result.result).toEqual({ perPool: [105, -70], total: 35 });
    expect(result.resultExcludingPrognoses).toEqual({ perPool: [105, -50], total: 55 });
  });

  it("reports an unknown type and an unknown status at their cells", () => {
    const d = new Diagnostics();
    readLedger(["A"], [record(2, "Noget", "Tilskud", [1]), record(3, "Andet", "DUT", [1], "Måske")], d);
    expect(d.items.map((i) => [i.code, i.cell])).toEqual([
      ["UNKNOWN_TYPE", "B2"],
      ["UNKNOWN_STATUS", "C3"],
    ]);
    expect(d.items[0]!.message).toContain("Tilskud");
  });

  it("warns about a second Resultat line and movements below the first; they do not change the result", () => {
    const d = new Diagnostics();
    const ledger = readLedger(
      ["A"],
      [
        record(2, "Start", "Oprindelig", [10]),
        record(3, "Resultat", "Resultat", []),
        record(4, "Sent", "DUT", [7]),
        record(5, "Resultat igen", "Resultat", []),
      ],
      d,
    );
    expect(d.items.map((i) => [i.level, i.code])).toEqual([
      ["warning", "MOVEMENT_AFTER_RESULT"],
      ["warning", "DUPLICATE_RESULT"],
    ]);
    expect(computeLedger(ledger).result.total).toBe(10);
  });

  it("reports unreadable amounts at their cells", () => {
    const d = new Diagnostics();
    readLedger(["A", "B"], [record(2, "Start", "Oprindelig", [{ error: "#REF!" }, "1.234"])], d);
    expect(d.items.map((i) => [i.level, i.code, i.cell])).toEqual([
      ["error", "EXCEL_ERROR", "D2"],
      ["warning", "TEXT_NUMBER", "E2"],
    ]);
  });

  it("without a Resultat line the result is the sum of all movements", () => {
    const result = computeLedger({
      pools: ["A"],
      lines: [
        { post: "x", type: "Oprindelig", status: "Endelig", values: [3] },
        { post: "y", type: "Vurdering", status: "Prognose", values: [4] },
      ],
    });
    expect(result.result.total).toBe(7);
    expect(result.resultExcludingPrognoses.total).toBe(3);
  });
});
