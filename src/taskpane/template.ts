/// <reference types="office-js" />
import { normalizeName, rulesSheetRows } from "../domain";
import { a1 } from "../workbook/address";
import { CONTRACT, NUMBER_FORMATS } from "../workbook/contract";
import type { ExcelRun } from "../workbook/officeWorkbook";
import type { TemplateResult } from "./services";

/** The ledger template's pool columns: the 2018 split; users rename, add or remove them. */
export const TEMPLATE_POOLS = ["Budgetgaranti", "Beskæftigelsestilskud"];

interface TemplateTable {
  sheet: string;
  table: string;
  headers: string[];
  rows: (string | number)[][];
}

/** The Enhed parameter from the Parametre table, for PULJE.OEKONOMI. */
const UNIT_LOOKUP = 'INDEX(Parametre[Værdi],MATCH("Enhed",Parametre[Parameter],0))';

/**
 * The follow-up's output columns as PULJE.* formulas (calculated table columns), so results stay live
 * when the inputs change. Beregn recognises these formulas as its own and leaves them in place.
 */
export const FOLLOW_UP_FORMULAS: [string, string][] = [
  ["Mer-/mindreforbrug", "=PULJE.AFVIGELSE([@[Korrigeret budget]],[@[Forventet regnskab]])"],
  ["Økonomi", `=PULJE.OEKONOMI([@[Korrigeret budget]],[@[Forventet regnskab]],${UNIT_LOOKUP})`],
  ["Mængder", "=PULJE.MAENGDER([@[Budgetterede helårspersoner]],[@[Forventede helårspersoner]])"],
  ["Refusion", "=PULJE.REFUSION([@[Budgetteret refusionssats]],[@[Forventet refusionssats]])"],
];

export interface TemplateOptions {
  /** Fill the follow-up's output columns with PULJE.* formulas instead of leaving them to Beregn. */
  formulas: boolean;
}

/** The contract's tables with their Danish headers; the Regler sheet holds every parameter's default. */
export function templateTables(options: TemplateOptions = { formulas: false }): TemplateTable[] {
  return CONTRACT.map((contract) => {
    if (contract.key === "parameters") {
      return {
        sheet: contract.sheetName,
        table: contract.tableName,
        headers: ["Parameter", "Værdi", "Enhed", "Beskrivelse"],
        rows: rulesSheetRows().map((r) => [r.name, r.value ?? "", r.unitLabel, r.label]),
      };
    }
    const headers = contract.columns.map((c) => c.header);
    if (contract.key === "ledger") {
      return {
        sheet: contract.sheetName,
        table: contract.tableName,
        headers: [...headers, ...TEMPLATE_POOLS],
        rows: [
          ["Oprindelig reservationspulje, vedtaget budget", "Oprindelig", "Endelig", "", "", ""],
          ["Forventet resultat", "Resultat", "", "", "", ""],
        ],
      };
    }
    if (contract.key === "followUp" && options.formulas) {
      return {
        sheet: contract.sheetName,
        table: contract.tableName,
        headers: [...headers, ...FOLLOW_UP_FORMULAS.map(([h]) => h)],
        rows: [[...headers.map(() => ""), ...FOLLOW_UP_FORMULAS.map(([, f]) => f)]],
      };
    }
    return { sheet: contract.sheetName, table: contract.tableName, headers, rows: [] };
  });
}

/**
 * "Opfølgning", or "Opfølgning 2" … when a sheet of that name exists: existing sheets are never touched.
 * Not "Opfølgning (2)": name matching ignores a trailing parenthesis, so that would match the old sheet.
 */
export function freeSheetName(wanted: string, existing: readonly string[]): string {
  const taken = new Set(existing.map(normalizeName));
  if (!taken.has(normalizeName(wanted))) return wanted;
  let n = 2;
  while (taken.has(normalizeName(`${wanted} ${n}`))) n++;
  return `${wanted} ${n}`;
}

/**
 * Adds each contract table the workbook lacks as an Excel table on a new sheet, in two syncs. A table
 * of the same name that already exists is left alone; a sheet of the same name gets a new name.
 */
export async function insertTemplate(
  run: ExcelRun,
  options: TemplateOptions = { formulas: false },
): Promise<TemplateResult> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    const sheetNames = worksheets.items.map((w) => w.name);
    const tableNames = new Set(tables.items.map((t) => normalizeName(t.name)));
    const added: string[] = [];
    for (const spec of templateTables(options)) {
      if (tableNames.has(normalizeName(spec.table))) continue;
      const name = freeSheetName(spec.sheet, sheetNames);
      sheetNames.push(name);
      const ws = worksheets.add(name);
      const bottom = Math.max(1, spec.rows.length) + 1;
      const table = ws.tables.add(`A1:${a1(bottom, spec.headers.length)}`, true);
      table.name = spec.table;
      table.getHeaderRowRange().values = [spec.headers];
      // Formulas go through `formulas` (en-US syntax); plain values through `values`.
      if (spec.rows.some((r) => r.some((v) => typeof v === "string" && v.startsWith("="))))
        table.getDataBodyRange().formulas = spec.rows;
      else if (spec.rows.length > 0) table.getDataBodyRange().values = spec.rows;
      if (spec.table === "Parametre") {
        ws.getRange(`B2:B${bottom}`).numberFormat = spec.rows.map(() => ["General"]);
      } else {
        ws.getRange(`A2:${a1(bottom, spec.headers.length)}`).numberFormat = Array.from(
          { length: bottom - 1 },
          () => spec.headers.map(() => NUMBER_FORMATS.amount),
        );
      }
      ws.getRange(`A1:${a1(1, spec.headers.length)}`).format.autofitColumns();
      added.push(name);
    }
    await context.sync();
    return { sheets: added };
  });
}
