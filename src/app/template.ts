import {
  COLOURS,
  GRANT_INPUT_DEFINITIONS,
  INDICATORS,
  MOVEMENT_TYPES,
  normalizeName,
  OUTSIDE_POOLS,
  PARAMETER_DEFINITIONS,
  parameterChoices,
  rulesSheetRows,
  SOURCE_CHOSEN_SCENARIO,
} from "../domain";
import {
  ColumnList,
  emptyPlan,
  TableCreate,
  WorkbookNames,
  WorkbookPort,
  WritePlan,
  WriteValue,
} from "../workbook/port";
import { CONTRACT, NUMBER_FORMATS, REGULATIONS_SHEET, TableContract } from "./contract";
import { appMessages } from "./messages";
import { fitPrint, outputsPoints } from "./plan/printFit";

/** The ledger template's pool columns: the 2018 split; users rename, add or remove them. */
export const TEMPLATE_POOLS = ["Budgetgaranti", "Beskæftigelsestilskud"];

/** The Enhed parameter from the Parametre table, for PULJE.OEKONOMI. */
const UNIT_LOOKUP = 'INDEX(Parametre[Værdi],MATCH("Enhed",Parametre[Parameter],0))';

/**
 * The follow-up's output columns as PULJE.* formulas (calculated table columns), so results stay live
 * when the inputs change. Beregn recognises these formulas as its own and leaves them in place. The
 * namespace is the build's: a test build's template writes PULJETEST.*, so that it calls its own functions.
 */
export function followUpFormulas(namespace = "PULJE"): [string, string][] {
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

/** Rows and words for one table instead of the template's starter rows (the demo's sample tables). */
export interface TableData {
  headers: string[];
  rows: WriteValue[][];
  /** The sheet's title (row 1); on a sheet of several tables, the first table's. */
  title?: string;
  /** One line under the title (or above a stacked table) saying what the table holds and where from. */
  note?: string;
  /** 0-based columns shown as amounts; every numeric column when absent. */
  amountColumns?: number[];
}

export interface TemplateOptions {
  /** Fill the follow-up's output columns with PULJE.* formulas instead of leaving them to Beregn. */
  formulas: boolean;
  /** The functions namespace of the formulas (the build's; PULJE by default). */
  namespace?: string;
  /** Excel tables (the default) or plain header blocks (a workbook as users often make them). */
  asTables?: boolean;
  /** Rows per table instead of the starter rows: the template plus the sample rows is the demo's workbook. */
  data?: Partial<Record<TableContract["key"], TableData>>;
  /** The tables to add (all of the contract's by default). */
  only?: readonly TableContract["key"][];
}

/** One table of the template, before it is placed on a sheet. */
export interface TemplateTable extends TableData {
  key: TableContract["key"];
  sheet: string;
  table: string;
}

const GRANT_UNIT_LABELS = {
  enhed: "som Enhed i Regler",
  personer: "personer",
  andel: "andel (0,0123 eller 1,23 %)",
};

/** The sheets' titles and notes: what each sheet is, in the words users read. */
const TITLES: Record<string, { title: string; note: string }> = {
  Regler: {
    title: "Regler og parametre",
    note: "Parametrene bag beregningerne; ret Værdi, så gælder den ved næste Beregn (reglerne står på hjælpesiden).",
  },
  Opfølgning: {
    title: "Opfølgning",
    note: "Én række pr. ydelsesområde; Beregn udfylder mer-/mindreforbrug og lyskryds i kolonnerne til højre.",
  },
  Reservationspulje: {
    title: "Reservationspulje",
    note: "Puljens bevægelser; Saldo- og Resultat-linjer udfyldes af Reservationspuljen.",
  },
  Budgetmodel: { title: "Budgetmodel", note: "KL's og forvaltningens skøn pr. år og pulje." },
  Regnskab: { title: "Regnskab", note: "Årets afvigelser pr. område og deres overførsel." },
  Investeringer: {
    title: "Investeringsprojekter",
    note: "Projekternes gevinst, investeringssum og forbrug (kr.).",
  },
  [REGULATIONS_SHEET]: { title: "Reguleringer", note: "" },
  Indikatorer: {
    title: "Hovedindikatorer",
    note: "Beregn foreslår en farve pr. indikator; skriv din egen i Valgt (den gælder) og en bemærkning til sagen.",
  },
};

const STACKED_NOTES: Partial<Record<TableContract["key"], string>> = {
  prognoses:
    "Prognoser for reguleringerne; Valgt = Ja føder linjen med Kilde Reguleringer i Reservationspulje.",
  sensitivity: "Følsomhed: puljens resultat for en række beløb af en regulering.",
  grantInputs: "Egen beregning efter § 23 a: udfyld forudsætningerne; resultatet vises på arket Scenarier.",
};

/** The contract's tables with their Danish headers and starter rows; the Regler sheet holds every parameter's default. */
export function templateTables(options: TemplateOptions = { formulas: false }): TemplateTable[] {
  return CONTRACT.filter((c) => !options.only || options.only.includes(c.key)).map((contract) => {
    const base = { key: contract.key, sheet: contract.sheetName, table: contract.tableName };
    const given = options.data?.[contract.key];
    if (given) return { ...base, ...given };
    return { ...base, ...starterTable(contract, options) };
  });
}

/** Optional columns the starter tables leave out: a one-year ledger needs no År (R11: added by hand). */
const NOT_IN_TEMPLATE: Partial<Record<TableContract["key"], string[]>> = { ledger: ["år"] };

function starterTable(contract: TableContract, options: TemplateOptions): TableData {
  const headers = contract.columns
    .filter((c) => !(NOT_IN_TEMPLATE[contract.key] ?? []).includes(c.field))
    .map((c) => c.header);
  const blanks = TEMPLATE_POOLS.map(() => "");
  switch (contract.key) {
    case "parameters":
      return {
        headers: ["Parameter", "Værdi", "Enhed", "Beskrivelse"],
        rows: rulesSheetRows().map((r) => [r.name, r.value ?? "", r.unitLabel, r.label]),
        amountColumns: [1],
      };
    case "ledger":
      return {
        headers: [...headers, ...TEMPLATE_POOLS],
        rows: [
          ["Oprindelig reservationspulje, vedtaget budget", "Oprindelig", "Endelig", "", ...blanks],
          // Fed by the chosen prognosis on the Reguleringer sheet (Kilde "Reguleringer").
          ["Efterregulering (prognose)", "Efterregulering", "Prognose", SOURCE_CHOSEN_SCENARIO, ...blanks],
          ["Forventet resultat", "Resultat", "", "", ...blanks],
        ],
      };
    case "prognoses":
      return {
        headers: [...headers, ...TEMPLATE_POOLS],
        rows: [["KL's prognose", "Efterregulering", "KL", "", "Prognose", "Ja", ...blanks]],
        amountColumns: TEMPLATE_POOLS.map((_, i) => headers.length + i),
      };
    case "sensitivity":
      return {
        headers,
        rows: [["Efterregulering", -50000, 50000, 10000, TEMPLATE_POOLS[1]!]],
        amountColumns: [1, 2, 3],
      };
    case "grantInputs":
      return {
        headers: [...headers, "Enhed"],
        rows: GRANT_INPUT_DEFINITIONS.map((d) => [d.label, "", GRANT_UNIT_LABELS[d.unit]]),
        amountColumns: [1],
      };
    case "indicators":
      return { headers, rows: INDICATORS.map((name) => [name, "", ""]) };
    case "followUp":
      if (options.formulas) {
        const formulas = followUpFormulas(options.namespace);
        return {
          headers: [...headers, ...formulas.map(([h]) => h)],
          rows: [[...headers.map(() => ""), ...formulas.map(([, f]) => f)]],
        };
      }
      return { headers, rows: [] };
    default:
      return { headers, rows: [] };
  }
}

/**
 * The columns whose values come from a closed list, by header (normalised), and the list; a table's own
 * lists first (the Indikatorer table's Valgt is a colour, the Prognoser table's a Ja/Nej).
 */
export function closedVocabulary(table?: TableContract["key"]): Map<string, readonly string[]> {
  const yesNo = ["Ja", "Nej"];
  const own: [string, readonly string[]][] =
    table === "indicators"
      ? [
          ["Indikator", INDICATORS],
          ["Valgt", COLOURS],
        ]
      : [];
  return new Map<string, readonly string[]>(
    [
      ...own,
      ["Type", MOVEMENT_TYPES],
      ["Regulering", ["Midtvejsregulering", "Efterregulering"]],
      ["Status", ["Endelig", "Prognose"]],
      ["Pulje", [...TEMPLATE_POOLS, OUTSIDE_POOLS]],
      ["Overførselsadgang", yesNo],
      ["Valgt", yesNo],
    ]
      .reverse()
      .map(([header, list]) => [normalizeName(header as string), list as readonly string[]]),
  );
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

/** Rows above the header of a table alone on its sheet: title, note, one empty row. */
const TITLE_ROWS = 3;
/** Empty rows between two tables stacked on one sheet. */
const TABLE_GAP = 2;
const NOTE_COLOUR = "FF595959";

export interface TemplatePlan {
  plan: WritePlan;
  /** The sheets the plan adds, in order. */
  sheets: string[];
}

/**
 * "Indsæt skabelon" as a write plan: each contract table the workbook lacks, on a new sheet (a sheet of
 * the same name gets a new name; existing sheets and tables are never touched), under a title and a
 * note. Applied through the port, all or nothing like Beregn; the same plan with the sample rows builds
 * the demo's workbook headless.
 */
export function planTemplate(
  names: WorkbookNames,
  options: TemplateOptions = { formulas: false },
): TemplatePlan {
  const plan = emptyPlan();
  plan.tables = [];
  const asTables = options.asTables ?? true;
  const sheetNames = [...names.sheetNames];
  const tableNames = new Set(names.tableNames.map(normalizeName));
  const bySheet = new Map<string, TemplateTable[]>();
  for (const spec of templateTables(options)) {
    if (tableNames.has(normalizeName(spec.table))) continue;
    bySheet.set(spec.sheet, [...(bySheet.get(spec.sheet) ?? []), spec]);
  }
  const added: string[] = [];
  for (const [wanted, specs] of bySheet) {
    const sheet = freeSheetName(wanted, sheetNames);
    sheetNames.push(sheet);
    added.push(sheet);
    plan.sheets.push({ name: sheet, replace: false });
    const words = TITLES[wanted];
    const title = specs[0]!.title ?? words?.title;
    if (title) plan.blocks.push({ sheet, row: 1, col: 1, values: [[title]], bold: true, numberFormat: "@" });
    const stacked = specs.length > 1;
    let top = stacked ? 2 : TITLE_ROWS + 1;
    for (const spec of specs) {
      const note = spec.note ?? (stacked ? STACKED_NOTES[spec.key] : words?.note);
      if (note) {
        const row = stacked ? top : 2;
        plan.blocks.push({
          sheet,
          row,
          col: 1,
          values: [[note]],
          fontColors: [[NOTE_COLOUR]],
          numberFormat: "@",
        });
      }
      const headerRow = stacked ? top + 1 : top;
      placeTable(plan, sheet, spec, headerRow, asTables);
      top = headerRow + 1 + Math.max(1, spec.rows.length) + TABLE_GAP;
    }
    columnWidths(plan, sheet, specs);
    // Printed like the generated sheets: A4 landscape, one page wide, the title in the page header; the
    // rows above a lone table's data stay in view (a stacked sheet keeps only its title row).
    (plan.layouts ??= []).push({
      sheet,
      headerRows: stacked ? 1 : TITLE_ROWS + 1,
    });
  }
  // Room on each sheet's page for the output columns Beregn adds beside its tables.
  const reserved = new Map(
    [...bySheet].map(([wanted, specs]) => [
      added[[...bySheet.keys()].indexOf(wanted)]!,
      Math.max(
        ...specs.map((s) =>
          outputsPoints(CONTRACT.find((c) => c.key === s.key)!.outputs.map((o) => o.header)),
        ),
      ),
    ]),
  );
  fitPrint(plan, reserved);
  return { plan, sheets: added };
}

function placeTable(
  plan: WritePlan,
  sheet: string,
  spec: TemplateTable,
  headerRow: number,
  asTable: boolean,
): void {
  const width = spec.headers.length;
  const rows = spec.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  const formats = (rows.length > 0 ? rows : [spec.headers.map(() => null)]).map((r, i) =>
    r.map((value, c) => cellFormat(spec, i, c, value)),
  );
  if (asTable) {
    const vocabulary = closedVocabulary(spec.key);
    plan.tables!.push({
      sheet,
      name: spec.table,
      top: headerRow,
      left: 1,
      headers: spec.headers,
      rows,
      numberFormats: formats,
      lists: spec.headers.map((header): ColumnList | undefined => {
        const values = vocabulary.get(normalizeName(header));
        // Pool names are the user's (the ledger's columns may be renamed): warn there, refuse elsewhere.
        return values ? { values, strict: normalizeName(header) !== normalizeName("Pulje") } : undefined;
      }),
      ...(spec.key === "parameters" ? { cellLists: parameterLists(rows) } : {}),
    });
    return;
  }
  plan.blocks.push({ sheet, row: headerRow, col: 1, values: [spec.headers], bold: true, numberFormat: "@" });
  rows.forEach((r, i) =>
    r.forEach((value, c) => {
      if (value === null || value === "") return;
      plan.blocks.push({
        sheet,
        row: headerRow + 1 + i,
        col: 1 + c,
        values: [[value]],
        numberFormat: formats[i]![c]!,
      });
    }),
  );
}

/**
 * A data cell's format, set before its value: text as text ("1.000 kr." would otherwise be typed into a
 * number), amounts with thousands separators, the Regler sheet's values by the parameter's kind.
 */
function cellFormat(spec: TemplateTable, row: number, col: number, value: WriteValue): string {
  if (typeof value === "string" && value !== "" && !value.startsWith("=")) return NUMBER_FORMATS.text;
  if (spec.key === "parameters" && col === 1) {
    const name = normalizeName(String(spec.rows[row]?.[0] ?? ""));
    const kind = PARAMETER_DEFINITIONS.find((d) => normalizeName(d.name) === name)?.kind;
    if (kind === "fraction") return "0.00%";
    if (kind === "amount" || kind === "kroner") return NUMBER_FORMATS.amount;
    return "General";
  }
  const amounts = spec.amountColumns;
  if (amounts ? amounts.includes(col) : typeof value === "number") return NUMBER_FORMATS.amount;
  return "General";
}

/** R15.1: the Regler rows whose value comes from a closed list (Sagstype, Enhed, Ja/Nej) get a drop-down. */
function parameterLists(rows: readonly WriteValue[][]): NonNullable<TableCreate["cellLists"]> {
  return rows.flatMap((r, row) => {
    const definition = PARAMETER_DEFINITIONS.find(
      (d) => normalizeName(d.name) === normalizeName(String(r[0] ?? "")),
    );
    const values = definition && parameterChoices(definition);
    return values ? [{ row, col: 1, list: { values, strict: true } }] : [];
  });
}

/** Widths that show headers and texts whole: the first column wide for names, the Regler descriptions wider. */
function columnWidths(plan: WritePlan, sheet: string, specs: TemplateTable[]): void {
  const widths = new Map<number, number>();
  for (const spec of specs)
    spec.headers.forEach((h, i) => {
      // The header and the longest text below it (not formulas; numbers fit in 12).
      const longest = Math.max(
        h.length + 2,
        ...spec.rows.map((r) => {
          const v = r[i];
          return typeof v === "string" && !v.startsWith("=") ? v.length : 0;
        }),
      );
      widths.set(i + 1, Math.max(widths.get(i + 1) ?? 0, Math.min(60, Math.max(12, longest + 2))));
    });
  // The Regler sheet: names 42 wide, the descriptions 90; elsewhere every column fits its texts (a table
  // whose first column is a short number, as Investeringer's Nr, no longer gets a name's width).
  if (specs[0]!.key === "parameters") {
    widths.set(1, 42);
    widths.set(4, 90);
  }
  for (const [col, width] of widths) plan.columnWidths.push({ sheet, col, width });
}

/** The template's sheets cannot be added: the workbook's structure is protected. */
export class StructureProtectedError extends Error {
  readonly code = "STRUCTURE_PROTECTED";
  constructor(sheet: string) {
    super(appMessages.structureProtected(sheet));
  }
}

/**
 * Adds the template to a workbook through the port: the names (one round trip), the plan, one write.
 * A failed write is undone by the port (the added sheets deleted) and thrown.
 */
export async function insertTemplate(
  port: WorkbookPort,
  options: TemplateOptions,
): Promise<{ sheets: string[] }> {
  const names = await port.names();
  const { plan, sheets } = planTemplate(names, options);
  // Excel adds no sheet to a workbook whose structure is protected: said up front, nothing written.
  if (sheets.length > 0 && names.structureProtected) throw new StructureProtectedError(sheets[0]!);
  if (sheets.length > 0) await port.apply(plan);
  return { sheets };
}
