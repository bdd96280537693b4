import { Diagnostics } from "../domain";
import { WorkbookPort, WorkbookSnapshot } from "../workbook/port";
import { RunCode, RunDiagnostics } from "./codes";
import { computeContract } from "./compute";
import { READ_REQUEST, TRACE_SHEET, TRACE_TITLE } from "./contract";
import { compareFingerprints, fingerprintInputs, TableChange } from "./fingerprint";
import { cellValue } from "./locate";
import { COMPUTED_AT, GRUNDLAG_COLUMNS, TRACE_ROWS } from "./plan/traceSheet";
import { readContract } from "./readContract";

/** What a workbook says of its figures: when they were computed, and which tables changed since. */
export interface StaleReport {
  /** False when the workbook has no Spor sheet of the tool's (Beregn has not run, or it was deleted). */
  computed: boolean;
  computedAt?: string;
  changes: TableChange[];
  /** The messages to show, in Danish: one per changed table, or that nothing changed. */
  messages: string[];
}

/** The fingerprint Beregn stored on the Spor sheet: each table's label and hash. */
export function storedFingerprint(
  snapshot: WorkbookSnapshot,
): { computedAt: string; tables: { label: string; hash: string }[] } | undefined {
  // The tool's own sheet by its exact name, as the planner finds it (Excel compares names case-insensitively).
  const sheet = snapshot.sheets.find((s) => s.name.toLowerCase() === TRACE_SHEET.toLowerCase());
  if (!sheet || cellValue(sheet, 1, 1) !== TRACE_TITLE) return undefined;
  const tables: { label: string; hash: string }[] = [];
  for (let row = TRACE_ROWS.grundlagHeader + 1; ; row++) {
    const label = cellValue(sheet, row, GRUNDLAG_COLUMNS.label);
    const hash = cellValue(sheet, row, GRUNDLAG_COLUMNS.hash);
    if (typeof label !== "string" || label === "") break;
    tables.push({ label, hash: typeof hash === "string" || typeof hash === "number" ? String(hash) : "" });
  }
  const when = cellValue(sheet, TRACE_ROWS.computedAt, 1);
  const computedAt = typeof when === "string" ? when.replace(new RegExp(`^${COMPUTED_AT}\\s*`), "") : "";
  return { computedAt, tables };
}

/**
 * Issue 30 Compares the tables as they are now with the fingerprint stored when the figures were
 * computed: one snapshot (the same round trips as Beregn's read), the rules applied, nothing written.
 */
export async function checkStale(
  port: WorkbookPort,
  diagnostics: RunDiagnostics = new Diagnostics<RunCode>(),
): Promise<StaleReport> {
  const snapshot = await port.snapshot(READ_REQUEST);
  const stored = storedFingerprint(snapshot);
  if (!stored)
    return {
      computed: false,
      changes: [],
      messages: [
        `Projektmappen har intet ark ${TRACE_SHEET} fra Reservationspuljen: tallene er ikke beregnet endnu. Kør Beregn.`,
      ],
    };
  const inputs = readContract(snapshot, diagnostics);
  // With input errors the rules do not run: the tables are compared as read.
  const now = diagnostics.hasErrors
    ? fingerprintInputs(inputs, {})
    : (computeContract(inputs, diagnostics).fingerprints ?? []);
  const changes = compareFingerprints(stored.tables, now);
  const when = stored.computedAt ? ` ${stored.computedAt}` : "";
  const messages =
    changes.length === 0
      ? [`Tallene er beregnet${when}; ingen af tabellerne er ændret siden.`]
      : changes.map((c) =>
          c.change === "ændret"
            ? `${c.label} er ændret efter beregningen${when} — beregn igen.`
            : c.change === "ny"
              ? `${c.label} er kommet til efter beregningen${when} — beregn igen.`
              : `${c.label} findes ikke længere (beregnet${when}) — beregn igen.`,
        );
  return { computed: true, computedAt: stored.computedAt, changes, messages };
}
