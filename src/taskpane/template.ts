/// <reference types="office-js" />
import {
  GRANT_INPUT_DEFINITIONS,
  MOVEMENT_TYPES,
  normalizeName,
  OUTSIDE_POOLS,
  rulesSheetRows,
  SOURCE_CHOSEN_SCENARIO,
} from "../domain";
import { a1 } from "../workbook/address";
import { CONTRACT, NUMBER_FORMATS } from "../app/contract";
import type { ExcelRun, SupportsSet } from "../workbook/officeWorkbook";
import type { TemplateResult } from "./services";

/** The ledger template's pool columns: the 2018 split; users rename, add or remove them. */
export const TEMPLATE_POOLS = ["Budgetgaranti", "Beskæftigelsestilskud"];

interface TemplateTable {
  sheet: string;
  table: string;
  headers: string[];
  rows: (string | number)[][];
  /** 0-based columns formatted as amounts; all columns when absent. */
  amountColumns?: number[];
}

/** The Enhed parameter from the Parametre table, for PULJE.OEKONOMI. */
const UNIT_LOOKUP = 'INDEX(Parametre[Værdi],MATCH("Enhed",Parametre[Parameter],0))';

/** The build's custom-functions namespace (webpack defines it per stage); PULJE in tests and headless. */
declare const __FUNCTIONS_NAMESPACE__: string | undefined;
export const FUNCTIONS_NAMESPACE: string =
  typeof __FUNCTIONS_NAMESPACE__ === "string" ? __FUNCTIONS_NAMESPACE__ : "PULJE";

/**
 * The follow-up's output columns as PULJE.* formulas (calculated table columns), so results stay live
 * when the inputs change. Beregn recognises these formulas as its own and leaves them in place. The
 * namespace is the build's: a test build's template writes PULJETEST.*, so that it calls its own functions.
 */
export function followUpFormulas(namespace: string = FUNCTIONS_NAMESPACE): [string, string][] {
  return [
    ["Mer-/mindreforbrug", `=${namespace}.AFVIGELSE([@[Korrigeret budget]],[@[Forventet regnskab]])`],
    ["Økonomi", `=${namespace}.OEKONOMI([@[Korrigeret budget]],[@[Forventet regnskab]],${UNIT_LOOKUP})`],
    [
      "Mængder",
      `=${namespace}.MAENGDER([@[Budgetterede fuldtidspersoner]],[@[Forventede fuldtidspersoner]])`,
    ],
    ["Refusion", `=${namespace}.REFUSION([@[Budgetteret refusionssats]],[@[Forventet refusionssats]])`],
  ];
}

/** The production build's formulas (namespace PULJE). */
export const FOLLOW_UP_FORMULAS: [string, string][] = followUpFormulas("PULJE");

export interface TemplateOptions {
  /** Fill the follow-up's output columns with PULJE.* formulas instead of leaving them to Beregn. */
  formulas: boolean;
  /** The functions namespace of the formulas; the build's by default. */
  namespace?: string;
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
        amountColumns: [],
      };
    }
    const headers = contract.columns.map((c) => c.header);
    const base = { sheet: contract.sheetName, table: contract.tableName };
    const blanks = TEMPLATE_POOLS.map(() => "");
    if (contract.key === "ledger") {
      return {
        ...base,
        headers: [...headers, ...TEMPLATE_POOLS],
        rows: [
          ["Oprindelig reservationspulje, vedtaget budget", "Oprindelig", "Endelig", "", ...blanks],
          // Fed by the chosen prognosis on the Reguleringer sheet (Kilde "Reguleringer").
          ["Efterregulering (prognose)", "Efterregulering", "Prognose", SOURCE_CHOSEN_SCENARIO, ...blanks],
          ["Forventet resultat", "Resultat", "", "", ...blanks],
        ],
      };
    }
    if (contract.key === "prognoses") {
      return {
        ...base,
        headers: [...headers, ...TEMPLATE_POOLS],
        rows: [["KL's prognose", "Efterregulering", "KL", "", "Prognose", "Ja", ...blanks]],
        amountColumns: TEMPLATE_POOLS.map((_, i) => headers.length + i),
      };
    }
    if (contract.key === "sensitivity") {
      return {
        ...base,
        headers,
        rows: [["Efterregulering", -50000, 50000, 10000, TEMPLATE_POOLS[1]!]],
        amountColumns: [1, 2, 3],
      };
    }
    if (contract.key === "grantInputs") {
      return {
        ...base,
        headers: [...headers, "Enhed"],
        rows: GRANT_INPUT_DEFINITIONS.map((d) => [d.label, "", GRANT_UNIT_LABELS[d.unit]]),
        amountColumns: [],
      };
    }
    if (contract.key === "followUp" && options.formulas) {
      return {
        sheet: contract.sheetName,
        table: contract.tableName,
        headers: [...headers, ...followUpFormulas(options.namespace).map(([h]) => h)],
        rows: [[...headers.map(() => ""), ...followUpFormulas(options.namespace).map(([, f]) => f)]],
      };
    }
    return { ...base, headers, rows: [] };
  });
}

const GRANT_UNIT_LABELS = {
  enhed: "som Enhed i Regler",
  personer: "personer",
  andel: "andel (0,0123 eller 1,23 %)",
};

/** Rows between two tables stacked on one sheet. */
const TABLE_GAP = 2;

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
  supports: SupportsSet = () => false,
): Promise<TemplateResult> {
  // Drop-down lists on the closed-vocabulary columns (ExcelApi 1.8): the typo never happens. A value
  // outside the list in an older workbook is still a diagnostic when read.
  const lists = supports("ExcelApi", "1.8");
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    const sheetNames = worksheets.items.map((w) => w.name);
    const tableNames = new Set(tables.items.map((t) => normalizeName(t.name)));
    const added: string[] = [];
    // Tables sharing a sheet (the Reguleringer sheet's three blocks) are stacked on one new sheet.
    const bySheet = new Map<string, TemplateTable[]>();
    for (const spec of templateTables(options)) {
      if (tableNames.has(normalizeName(spec.table))) continue;
      bySheet.set(spec.sheet, [...(bySheet.get(spec.sheet) ?? []), spec]);
    }
    for (const [sheet, specs] of bySheet) {
      const name = freeSheetName(sheet, sheetNames);
      sheetNames.push(name);
      const ws = worksheets.add(name);
      let top = 1;
      for (const spec of specs) {
        const bottom = top + Math.max(1, spec.rows.length);
        addTemplateTable(ws, spec, top, bottom, lists);
        top = bottom + 1 + TABLE_GAP;
      }
      added.push(name);
    }
    await context.sync();
    return { sheets: added };
  });
}

/** The columns whose values come from a closed list, by header (normalised), and the list. */
export function closedVocabulary(): Map<string, readonly string[]> {
  const yesNo = ["Ja", "Nej"];
  return new Map<string, readonly string[]>(
    [
      ["Type", MOVEMENT_TYPES],
      ["Regulering", ["Midtvejsregulering", "Efterregulering"]],
      ["Status", ["Endelig", "Prognose"]],
      ["Pulje", [...TEMPLATE_POOLS, OUTSIDE_POOLS]],
      ["Overførselsadgang", yesNo],
      ["Valgt", yesNo],
    ].map(([header, list]) => [normalizeName(header as string), list as readonly string[]]),
  );
}

/** Guarded: ExcelApi 1.8 (data validation only when `lists`, which is supports("ExcelApi", "1.8")). */
function addTemplateTable(
  ws: Excel.Worksheet,
  spec: TemplateTable,
  top: number,
  bottom: number,
  lists: boolean,
): void {
  const width = spec.headers.length;
  const table = ws.tables.add(`${a1(top, 1)}:${a1(bottom, width)}`, true);
  table.name = spec.table;
  table.getHeaderRowRange().values = [spec.headers];
  // Formats first, in the same batch: text arrives as text — Danish Excel would take "1.000 kr." (the
  // Enhed default) as typed, the number 1.000 in a currency format, and the parameter would be unreadable.
  const amounts = new Set(spec.amountColumns ?? spec.headers.map((_, i) => i));
  ws.getRange(`${a1(top + 1, 1)}:${a1(bottom, width)}`).numberFormat = Array.from(
    { length: bottom - top },
    (_, r) =>
      spec.headers.map((_, c) => {
        const value = spec.rows[r]?.[c];
        if (typeof value === "string" && value !== "" && !value.startsWith("=")) return "@";
        return amounts.has(c) ? NUMBER_FORMATS.amount : "General";
      }),
  );
  // Formulas go through `formulas` (en-US syntax); plain values through `values`.
  if (spec.rows.some((r) => r.some((v) => typeof v === "string" && v.startsWith("="))))
    table.getDataBodyRange().formulas = spec.rows;
  else if (spec.rows.length > 0) table.getDataBodyRange().values = spec.rows;
  if (lists) {
    const vocabulary = closedVocabulary();
    spec.headers.forEach((header, i) => {
      const list = vocabulary.get(normalizeName(header));
      if (!list) return;
      const column = ws.getRange(`${a1(top + 1, i + 1)}:${a1(bottom, i + 1)}`);
      column.dataValidation.rule = { list: { inCellDropDown: true, source: list.join(",") } };
      column.dataValidation.errorAlert = {
        showAlert: true,
        // Pool names are the user's (the ledger's columns may be renamed): warn there, refuse elsewhere.
        style: normalizeName(header) === normalizeName("Pulje") ? "Warning" : "Stop",
        title: header,
        message: `Vælg en af værdierne på listen: ${list.join(", ")}.`,
      };
    });
  }
  ws.getRange(`${a1(top, 1)}:${a1(top, width)}`).format.autofitColumns();
}
