import { Diagnostics, errorText } from "../domain";
import { RunCode } from "./codes";
import { READ_REQUEST } from "./contract";
import { computeContract, ContractResults } from "./compute";
import { appMessages } from "./messages";
import { planWrites } from "./plan";
import { emptyPlan, WorkbookPort, WritePlan } from "../workbook/port";
import { ContractInputs, readContract } from "./readContract";
import { buildSummary, Summary } from "./summary";
import { danishDateTime } from "./fingerprint";

/**
 * The time of a run: now, or SOURCE_DATE_EPOCH (seconds) where the environment sets it — the
 * reproducible-builds convention, used by the tests so that two runs write the same file.
 */
export function clock(): Date {
  const epoch = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[
    "SOURCE_DATE_EPOCH"
  ];
  return epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

export interface RunOutcome {
  ok: boolean;
  inputs: ContractInputs;
  results: ContractResults;
  plan: WritePlan;
  summary: Summary;
}

/**
 * One run of the contract on any workbook: read everything, compute, plan every write and check it,
 * and only then write, all at once. Any error (an unreadable cell, a cell the tool does not own, a
 * protected sheet) stops the run before the first write: all or nothing.
 */
export async function runContract(
  port: WorkbookPort,
  diagnostics = new Diagnostics<RunCode>(),
  options: { write: boolean; now?: Date } = { write: true },
): Promise<RunOutcome> {
  const snapshot = await port.snapshot(READ_REQUEST);
  const inputs = readContract(snapshot, diagnostics);
  const found = [...inputs.tables].filter(([key]) => key !== "parameters").map(([, table]) => table);
  if (found.length === 0) diagnostics.error("NOTHING_FOUND", appMessages.nothingFound(), {});
  else if (found.every((t) => t.lastDataRow < t.firstDataRow))
    diagnostics.error("NOTHING_FOUND", appMessages.nothingToCompute(), {});
  let results: ContractResults = {};
  let plan = emptyPlan();
  if (!diagnostics.hasErrors) {
    results = computeContract(inputs, diagnostics);
    results.computedAt = danishDateTime(options.now ?? clock());
    if (!diagnostics.hasErrors) plan = planWrites(snapshot, inputs, results, diagnostics);
  }
  let ok = !diagnostics.hasErrors;
  if (ok && options.write) {
    try {
      const report = await port.apply(plan);
      for (const note of report.notes)
        diagnostics.warning(note.code, note.message, note.sheet ? { sheet: note.sheet } : {});
    } catch (error) {
      // Excel failed in the middle of writing: the implementation has put back what it wrote, or says not.
      const restored = (error as { restored?: boolean }).restored;
      diagnostics.error("WRITE_FAILED", appMessages.writeFailed(errorText(error), restored), {});
      ok = false;
    }
  }
  if (!ok) {
    results = {};
    plan = emptyPlan();
  }
  return { ok, inputs, results, plan, summary: buildSummary(inputs, results, diagnostics.items) };
}
