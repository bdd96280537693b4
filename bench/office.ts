import { Diagnostics } from "../src/domain";
import { OfficeWorkbook } from "../src/workbook/officeWorkbook";
import { runContract } from "../src/app/run";
import { READ_REQUEST } from "../src/app/contract";
import { fakeExcelFrom } from "../test/helpers/fakeExcelFrom";
import { FakeExcel } from "../test/helpers/fakeExcel";
import { followUpWorkbook, heavyFollowUpModel } from "../test/helpers/generated";
import { Row } from "./stats";

/**
 * The Office.js adapter through the simulated Excel (office-addin-mock): context.sync() calls, API calls
 * (property sets, format operations, range lookups) and the cells in the values payload, per row count.
 */
export async function officeBench(sizes: number[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of sizes) {
    const fake = fakeExcelFrom(followUpWorkbook(n));
    const port = new OfficeWorkbook(fake.run, () => true);
    await port.snapshot(READ_REQUEST);
    const read = fake.syncs;
    const before = fake.calls;
    const outcome = await runContract(port, new Diagnostics());
    if (!outcome.ok) throw new Error("office bench: the run failed");
    const cells = outcome.plan.blocks.reduce((s, b) => s + b.values.length * (b.values[0]?.length ?? 0), 0);
    rows.push(
      { group: "office.js", measure: "context.sync() to read", size: n, value: read, unit: "syncs" },
      {
        group: "office.js",
        measure: "context.sync() to write",
        size: n,
        value: fake.syncs - 2 * read,
        unit: "syncs",
      },
      {
        group: "office.js",
        measure: "API calls (one Beregn)",
        size: n,
        value: fake.calls - before,
        unit: "calls",
      },
      { group: "office.js", measure: "cells written (values payload)", size: n, value: cells, unit: "cells" },
      {
        group: "office.js",
        measure: "largest payload per sync (request)",
        size: n,
        value: fake.largestRequest,
        unit: "bytes",
      },
      {
        group: "office.js",
        measure: "largest payload per sync (response)",
        size: n,
        value: fake.largestResponse,
        unit: "bytes",
      },
    );
    // The heaviest read: the template's 13 columns with PULJE formulas and an accounting format.
    const heavy = FakeExcel.fromModel(heavyFollowUpModel(n));
    const heavyOutcome = await runContract(new OfficeWorkbook(heavy.run, () => true), new Diagnostics());
    if (!heavyOutcome.ok) throw new Error("office bench: the heavy run failed");
    rows.push(
      {
        group: "office.js",
        measure: "context.sync() of one Beregn (template's formulas, 13 columns)",
        size: n,
        value: heavy.syncs,
        unit: "syncs",
      },
      {
        group: "office.js",
        measure: "largest payload per sync (template's formulas, response)",
        size: n,
        value: heavy.largestResponse,
        unit: "bytes",
      },
    );
  }
  // Flat in the row count except the payload: show each figure against the smallest size.
  const smallest = new Map<string, number>();
  return rows.map((r) => {
    if (!smallest.has(r.measure)) smallest.set(r.measure, r.value);
    const ratio = r.value / smallest.get(r.measure)!;
    return r.size === sizes[0]
      ? r
      : {
          ...r,
          note: `×${ratio.toLocaleString("da-DK", { maximumFractionDigits: 2 })} mod ${sizes[0]} rækker`,
        };
  });
}
