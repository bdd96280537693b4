import { CaseKind, cellText, Diagnostics, normalizeName } from "../domain";
import { a1 } from "../workbook/address";
import { emptyPlan, WorkbookPort } from "../workbook/port";
import { RunCode } from "./codes";
import { contractFor, READ_REQUEST, tableLabel } from "./contract";
import { cellValue, locateTable } from "./locate";
import { appMessages } from "./messages";

/** What changing the Sagstype did: the cell written, or why nothing was. */
export interface CaseKindWrite {
  ok: boolean;
  message: string;
  sheet?: string;
  cell?: string;
}

/**
 * R15.1 The pane's "Sagstype": the user's choice written into the Parametre table — the Værdi of its
 * Sagstype row, or a new row right below a plain block (a header block, not an Excel table) when the
 * workbook has none. The only input cell the add-in writes, and only on the user's own click; an Excel
 * table without the row is not extended (the user adds the row), and nothing else is touched.
 */
export async function setCaseKind(port: WorkbookPort, kind: CaseKind): Promise<CaseKindWrite> {
  const snapshot = await port.snapshot(READ_REQUEST);
  const table = locateTable(snapshot, contractFor("parameters"), new Diagnostics<RunCode>());
  if (!table) return { ok: false, message: appMessages.noParametersTable() };
  const nameCol = table.columns.get("name")!;
  const valueCol = table.columns.get("value")!;
  let row: number | undefined;
  for (let r = table.firstDataRow; r <= table.lastDataRow; r++) {
    const name = cellText({ value: cellValue(table.sheet, r, nameCol), at: {} });
    if (name !== undefined && normalizeName(name) === normalizeName("Sagstype")) row = r;
  }
  const sheet = table.sheet.name;
  const plan = emptyPlan();
  if (row === undefined) {
    const below = table.lastDataRow + 1;
    const free = [nameCol, valueCol].every(
      (c) => cellText({ value: cellValue(table.sheet, below, c), at: {} }) === undefined,
    );
    if (table.listObject || !free)
      return {
        ok: false,
        message: appMessages.noCaseKindRow(tableLabel(table.contract)),
        sheet,
        cell: a1(below, nameCol),
      };
    plan.blocks.push({ sheet, row: below, col: nameCol, values: [["Sagstype"]], numberFormat: "@" });
    row = below;
  }
  plan.blocks.push({ sheet, row, col: valueCol, values: [[kind]], numberFormat: "@" });
  await port.apply(plan);
  return {
    ok: true,
    message: appMessages.caseKindWritten(kind, `${sheet}!${a1(row, valueCol)}`),
    sheet,
    cell: a1(row, valueCol),
  };
}
