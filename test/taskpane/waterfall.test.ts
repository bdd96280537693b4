import { computeLedger } from "../../src/domain";
import { waterfallBars } from "../../src/taskpane/waterfall";
import { ledger2018 } from "../helpers/fixtures2018";

function lines() {
  const computed = computeLedger(ledger2018().ledger);
  return computed.lines.map((l) => ({
    post: l.post,
    type: l.type,
    status: l.status,
    values: { "I alt": l.total },
  }));
}

describe("the pane's waterfall bars (R4, R5.3)", () => {
  it("floats each movement from the running sum and ends at the result, −86.093", () => {
    const bars = waterfallBars(lines(), true);
    for (let i = 1; i < bars.length; i++) {
      if (bars[i]!.kind !== "balance") expect(bars[i]!.from).toBe(bars[i - 1]!.to);
    }
    expect(bars.at(-1)).toMatchObject({ kind: "balance", from: 0, to: -86093 });
    expect(bars.filter((b) => b.kind === "prognosis").map((b) => b.value)).toEqual([-29501]);
  });

  it("without prognoses leaves the efterregulering out and ends at −56.592", () => {
    const bars = waterfallBars(lines(), false);
    expect(bars.some((b) => b.kind === "prognosis")).toBe(false);
    expect(bars.at(-1)).toMatchObject({ kind: "balance", to: -56592 });
  });

  it("does not draw movements below the Resultat line", () => {
    const withExtra = [...lines(), { post: "Efter", type: "DUT", status: "Endelig", values: { "I alt": 5 } }];
    expect(waterfallBars(withExtra, true).at(-1)!.to).toBe(-86093);
  });
});
