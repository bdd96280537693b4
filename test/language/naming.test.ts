import { join } from "path";
import { runCli, sampleFile, tempDir } from "../helpers/workbooks";

/** The keys docs/naming.md rule 3 keeps in their ASCII spelling (published before the rule). */
const PROMISED_ASCII = new Set(["budgetvaern", "budgetvaernBrugt", "budgetvaernOpbrugt"]);
/** Maps whose keys are the workbook's own words (pool names, flag words, I alt): data, not names. */
const DATA_MAPS = new Set([
  "groups",
  "result",
  "resultExcludingPrognoses",
  "values",
  "amounts",
  "flagCounts",
  "perStyringsområde",
  "ledgerLine",
]);

function keysOf(value: unknown, out: Set<string>, parent = ""): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, out, parent);
  else if (value && typeof value === "object")
    for (const [key, child] of Object.entries(value)) {
      if (!DATA_MAPS.has(parent)) out.add(key);
      keysOf(child, out, DATA_MAPS.has(parent) ? "" : key);
    }
  return out;
}

describe("names in the JSON summary (docs/naming.md)", () => {
  it("no key spells a Danish letter in ASCII, except the promised ones", async () => {
    const dir = tempDir();
    const run = await runCli(await sampleFile(dir, true), join(dir, "out.xlsx"));
    expect(run.code).toBe(0);
    const keys = [...keysOf(run.summary, new Set())];
    expect(keys).toEqual(expect.arrayContaining(["økonomi", "beløb", "år", "budgetvaern"]));
    // ae/oe/aa standing for æ/ø/å: none outside the promised keys.
    expect(keys.filter((k) => /ae|oe|aa/i.test(k) && !PROMISED_ASCII.has(k))).toEqual([]);
  }, 60_000);
});
