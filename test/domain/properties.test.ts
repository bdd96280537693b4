import fc from "fast-check";
import {
  computeLedger,
  economyFlag,
  flagSeverity,
  defaultParameters,
  formatDanishNumber,
  Ledger,
  LedgerLine,
  MOVEMENT_TYPES,
  parseNumberText,
  quantityFlag,
  refundFlag,
  sum,
  Unit,
} from "../../src/domain";

const p = defaultParameters();
const amount = fc.integer({ min: -10_000_000, max: 10_000_000 });

const movementTypes = MOVEMENT_TYPES.filter((t) => t !== "Saldo" && t !== "Resultat");
const ledgerArb: fc.Arbitrary<Ledger> = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc
    .array(
      fc.record({
        type: fc.constantFrom<LedgerLine["type"]>(...movementTypes, "Saldo", "Saldo"),
        status: fc.constantFrom<LedgerLine["status"]>("Endelig", "Prognose"),
        values: fc.array(amount, { minLength: n, maxLength: n }),
      }),
      { maxLength: 30 },
    )
    .map((lines) => ({
      pools: Array.from({ length: n }, (_, i) => `Pulje ${i + 1}`),
      lines: [
        ...lines.map((l, i) => ({ ...l, post: `Linje ${i}` })),
        { post: "Resultat", type: "Resultat" as const, status: "Endelig" as const, values: [] },
      ],
    })),
);

describe("invariants (fast-check)", () => {
  it("I alt equals the sum of the sub-pools on every line", () => {
    fc.assert(
      fc.property(ledgerArb, (ledger) => {
        for (const line of computeLedger(ledger).lines) expect(line.total).toBe(sum(line.values));
      }),
    );
  });

  it("the last Saldo before Resultat plus the movements between them equals Resultat", () => {
    fc.assert(
      fc.property(ledgerArb, (ledger) => {
        const result = computeLedger(ledger);
        const resultIndex = result.lines.findIndex((l) => l.type === "Resultat");
        const lastSaldo = result.lines
          .slice(0, resultIndex)
          .map((l) => l.type)
          .lastIndexOf("Saldo");
        const base = lastSaldo < 0 ? ledger.pools.map(() => 0) : result.lines[lastSaldo]!.values;
        const between = result.lines.slice(lastSaldo + 1, resultIndex).filter((l) => l.type !== "Saldo");
        const expected = base.map((b, i) => b + sum(between.map((l) => l.values[i]!)));
        expect(result.lines[resultIndex]!.values).toEqual(expected);
        expect(result.result.perPool).toEqual(expected);
        expect(result.result.total).toBe(sum(expected));
      }),
    );
  });

  it("the result without prognoses differs by exactly the prognosis movements", () => {
    fc.assert(
      fc.property(ledgerArb, (ledger) => {
        const result = computeLedger(ledger);
        const prognoses = ledger.lines.filter(
          (l) => l.status === "Prognose" && l.type !== "Saldo" && l.type !== "Resultat",
        );
        expect(result.result.total - result.resultExcludingPrognoses.total).toBe(
          sum(prognoses.map((l) => sum(l.values))),
        );
      }),
    );
  });

  it("a larger merforbrug never gets a milder Økonomi flag (any unit, any budget)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Unit>("kr.", "1.000 kr.", "mio. kr."),
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.integer({ min: -100_000_000, max: 100_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (unit, budget, expected, extra) => {
          const t = { ...p, unit };
          const less = economyFlag(budget, expected, t);
          const more = economyFlag(budget, expected + extra, t);
          expect(flagSeverity(more)).toBeGreaterThanOrEqual(flagSeverity(less));
        },
      ),
    );
  });

  it("a larger rise in persons and a larger fall in refusion never get milder flags", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: -5_000, max: 5_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        (b, e, extra) => {
          expect(flagSeverity(quantityFlag(b, e + extra, p))).toBeGreaterThanOrEqual(
            flagSeverity(quantityFlag(b, e, p)),
          );
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (b, e, extra) => {
          const rate = (x: number) => x / 1000;
          expect(flagSeverity(refundFlag(rate(b), rate(e) - rate(extra), p))).toBeGreaterThanOrEqual(
            flagSeverity(refundFlag(rate(b), rate(e), p)),
          );
        },
      ),
    );
  });

  it("parsing a formatted number gives the number back", () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(parseNumberText(formatDanishNumber(n))?.value).toBe(n);
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000_00, max: 1_000_000_000_00 }),
        fc.integer({ min: 1, max: 4 }),
        (cents, decimals) => {
          const value = cents / 100;
          const text = formatDanishNumber(value, decimals);
          expect(parseNumberText(text)?.value).toBe(Number(value.toFixed(decimals)) + 0);
        },
      ),
    );
  });
});
