import {
  capitalize,
  Diagnostics,
  Flag,
  FLAGS,
  isComputedType,
  normalizeName,
  openingPool,
  roundingNote,
  TOTAL_COLUMN,
  Unit,
} from "../domain";
import { FUNCTION_NAMESPACES } from "../deploy/stages";
import { a1, columnLetters } from "../workbook/address";
import {
  APPROPRIATIONS_HEADERS,
  APPROPRIATIONS_SHEET,
  FLAG_FILLS,
  FLAG_FONTS,
  NUMBER_FORMATS,
  OutputKind,
  SCENARIO_SHEET,
  SCENARIO_TITLE,
  SUMMARY_SHEET,
  SUMMARY_TITLE,
  tableLabel,
} from "./contract";
import { ContractResults } from "./compute";
import { cellValue, LocatedTable } from "./locate";
import { appMessages } from "./messages";
import { emptyPlan, SheetSnapshot, WorkbookSnapshot, WritePlan, WriteValue } from "../workbook/port";
import { ContractInputs, rowOf } from "./readContract";

/**
 * Turns results into one write plan, checking ownership first: the plan only touches the tool's own
 * output columns, the computed ledger lines and the tool's generated sheets, and every non-empty cell it
 * would overwrite must hold something the tool writes (a number in an amount column, a flag word in a
 * flag column). Anything else is an error at that cell, and the caller writes nothing at all.
 */
export function planWrites(
  snapshot: WorkbookSnapshot,
  inputs: ContractInputs,
  results: ContractResults,
  diagnostics: Diagnostics,
): WritePlan {
  const planner = new Planner(snapshot, diagnostics);
  const { followUp, ledger, yearEnd, investments, budgetModel } = inputs;
  if (followUp && results.followUp) {
    const values = new Map(
      results.followUp.rows.map((r) => [
        rowOf(r.row.at),
        { afvigelse: r.afvigelse, økonomi: r.økonomi, mængder: r.mængder, refusion: r.refusion },
      ]),
    );
    planner.outputColumns(followUp.table, values);
  }
  if (ledger && results.ledger) {
    const lines = results.ledger.lines;
    planner.outputColumns(ledger.table, new Map(lines.map((l) => [rowOf(l.at), { total: l.total }])));
    ledger.poolColumns.forEach((col, i) => {
      // Saldo and Resultat lines, and lines fed from the Reguleringer sheet, are the tool's to fill.
      const fed = new Set(results.fedLines ?? []);
      const computed = new Map(
        lines
          .filter((l, index) => isComputedType(l.type) || fed.has(index))
          .map((l) => [rowOf(l.at), l.values[i]!]),
      );
      planner.column(ledger.table.sheet, col, "amount", computed, ledger.table);
    });
  }
  if (budgetModel) {
    const values = new Map(
      budgetModel.rows.map((r) => [
        rowOf(r.at),
        { reservationspulje: openingPool(r.klSkoen, r.forvaltningensSkoen) },
      ]),
    );
    planner.outputColumns(budgetModel.table, values);
  }
  if (yearEnd && results.yearEnd) {
    const values = new Map(
      results.yearEnd.lines.map((l) => [
        rowOf(l.line.at),
        { afvigelse: l.afvigelse, kassen: l.kassen, overførsel: l.overførsel },
      ]),
    );
    planner.outputColumns(yearEnd.table, values);
  }
  if (investments && results.investments) {
    const values = new Map(
      results.investments.rows.map((r) => [
        rowOf(r.project.at),
        {
          nettogevinst: r.nettogevinst,
          afkastgrad: r.afkastgrad ?? null,
          realiseretNettogevinst: r.realiseretNettogevinst ?? null,
          flag: r.flag,
          ...(investments.table.columns.has("tidligereNettogevinst") ? { aendring: r.aendring ?? null } : {}),
        },
      ]),
    );
    planner.outputColumns(investments.table, values);
  }
  if (inputs.prognoses && results.scenarios) {
    const values = new Map(
      inputs.prognoses.rows.map((p, i) => {
        const r = results.scenarios![i]!;
        return [
          rowOf(p.at),
          {
            total: r.result.total,
            resultat: r.outcome.resultat,
            budgetvaernBrugt: r.outcome.budgetvaernBrugt,
            kassefinansiering: r.outcome.kassefinansiering,
            flag: r.outcome.flag,
          },
        ];
      }),
    );
    planner.outputColumns(inputs.prognoses.table, values);
  }
  planner.summarySheet(inputs, results);
  if (results.scenarios || results.sensitivity || results.estimate) planner.scenarioSheet(inputs, results);
  if (results.appropriations) planner.appropriationsSheet(results, inputs.parameters.unit);
  return planner.plan;
}

type RowValues = Map<number, Record<string, WriteValue>>;

/** A row of a generated sheet; flags colour the cells at flagAt (and fillAlso), or per cell. */
interface SheetRow {
  values: WriteValue[];
  bold?: boolean;
  numberFormat?: string;
  flag?: Flag;
  flagAt?: number;
  fillAlso?: number[];
  cellFlags?: (Flag | undefined)[];
}

/**
 * A formula that is one PULJE.* function call (as the template writes them), e.g. "=PULJE.OEKONOMI(…)",
 * or the same as Excel saves a JavaScript custom function in the file: "=_xldudf_PULJE_OEKONOMI(…)".
 */
export function isPuljeFormula(formula: string): boolean {
  return OWN_FORMULA.test(formula);
}

/** Any stage's namespace (PULJE, PULJETEST, PULJEDEV), as typed or as Excel saves it (_xldudf_PULJE_…). */
const OWN_FORMULA = new RegExp(
  `^=\\s*(${FUNCTION_NAMESPACES.map((n) => `${n}\\.|_xldudf_${n}_`).join("|")})[A-Z]+\\(`,
  "i",
);

export const WATERFALL_HEADER = "Vandfald: bevægelser";
/** The waterfall chart's name: how a re-run finds and replaces it. */
export const WATERFALL_CHART = "Reservationspuljen – vandfald";
export const SENSITIVITY_CHART = "Reservationspuljen – følsomhed";

class Planner {
  readonly plan: WritePlan = emptyPlan();
  private readonly protectedReported = new Set<string>();

  constructor(
    private readonly snapshot: WorkbookSnapshot,
    private readonly diagnostics: Diagnostics,
  ) {}

  /** The table's output columns: existing ones are reused, missing ones appended to the right. */
  outputColumns(table: LocatedTable, values: RowValues): void {
    let next = table.right;
    const added: string[] = [];
    for (const output of table.contract.outputs) {
      // An output no row has a value for (e.g. a change without a previous figure) gets no column.
      if (![...values.values()].some((record) => output.key in record)) continue;
      let col = table.outputs.get(output.key);
      if (col === undefined) {
        col = ++next;
        if (!this.newColumnIsFree(table, col, output.header)) continue;
        added.push(output.header);
        this.plan.blocks.push({
          sheet: table.sheet.name,
          row: table.headerRow,
          col,
          values: [[output.header]],
          bold: true,
        });
        this.plan.columnWidths.push({
          sheet: table.sheet.name,
          col,
          width: Math.max(12, output.header.length + 4),
        });
      }
      const column = new Map<number, WriteValue>();
      for (const [row, record] of values) if (output.key in record) column.set(row, record[output.key]!);
      this.column(table.sheet, col, output.kind, column, table);
    }
    if (added.length > 0 && table.listObject) {
      this.plan.tableResizes.push({
        table: table.listObject.name,
        sheet: table.sheet.name,
        addColumns: added,
      });
    }
  }

  private newColumnIsFree(table: LocatedTable, col: number, header: string): boolean {
    const bottom = table.listObject ? table.listObject.bottom : table.lastDataRow;
    for (let row = table.headerRow; row <= bottom; row++) {
      const value = cellValue(table.sheet, row, col);
      if (value !== null && value !== undefined && value !== "") {
        this.diagnostics.error(
          "NOT_OWNED",
          appMessages.columnBlocked(tableLabel(table.contract), header, a1(row, col)),
          {
            sheet: table.sheet.name,
            cell: a1(row, col),
          },
        );
        return false;
      }
    }
    return true;
  }

  /** Writes one column's values in contiguous runs, with the kind's format, fills and rule. */
  column(
    sheet: SheetSnapshot,
    col: number,
    kind: OutputKind,
    values: Map<number, WriteValue>,
    table?: LocatedTable,
  ): void {
    if (values.size === 0 || !this.writable(sheet)) return;
    // A live PULJE.* formula in an output cell computes the same rule in Excel: keep it, write nothing.
    const rows = [...values.keys()]
      .sort((a, b) => a - b)
      .filter((row) => this.checkOwned(sheet, row, col, kind));
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1]! + 1) continue;
      const run = rows.slice(start, i);
      const cells = run.map((row) => values.get(row)!);
      this.plan.blocks.push({
        sheet: sheet.name,
        row: run[0]!,
        col,
        values: cells.map((v) => [v]),
        ...(kind === "flag"
          ? flagColours(cells)
          : { numberFormat: kind === "ratio" ? NUMBER_FORMATS.ratio : NUMBER_FORMATS.amount }),
      });
      start = i;
    }
    if (kind === "flag" && table) {
      const range = `${columnLetters(col)}${table.firstDataRow}:${columnLetters(col)}${Math.max(table.firstDataRow, table.lastDataRow)}`;
      this.plan.conditionalFills.push({ sheet: sheet.name, range, rules: flagRules() });
    }
  }

  private writable(sheet: SheetSnapshot): boolean {
    if (!sheet.protected) return true;
    if (!this.protectedReported.has(sheet.name)) {
      this.protectedReported.add(sheet.name);
      this.diagnostics.error("PROTECTED_SHEET", appMessages.protectedSheet(sheet.name), {
        sheet: sheet.name,
      });
    }
    return false;
  }

  /** True when the tool may write the cell; false for a live PULJE formula (kept) or a refused cell. */
  private checkOwned(sheet: SheetSnapshot, row: number, col: number, kind: OutputKind): boolean {
    const address = a1(row, col);
    const value = cellValue(sheet, row, col);
    const formula = sheet.formulaCells.get(address);
    let what: string;
    if (formula !== undefined) {
      if (isPuljeFormula(formula)) return false;
      what = "en formel";
    } else if (value === null || value === undefined || value === "") return true;
    else if (
      kind === "flag"
        ? typeof value === "string" && (FLAGS as readonly string[]).includes(value)
        : typeof value === "number"
    )
      return true;
    else what = typeof value === "string" ? `teksten "${value}"` : "en værdi";
    this.diagnostics.error("NOT_OWNED", appMessages.notOwned(address, what), {
      sheet: sheet.name,
      cell: address,
    });
    return false;
  }

  /** Decides whether a generated sheet may be (re)written: absent, or recognisably ours. */
  private generatedSheet(name: string, isOurs: (sheet: SheetSnapshot) => boolean): boolean {
    // The tool's own sheet by its exact name (Excel compares sheet names case-insensitively), never by
    // similarity: "Resultat (2)", Excel's name for a copy of the sheet, is the user's.
    const existing = this.snapshot.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (existing && !isOurs(existing)) {
      this.diagnostics.error("SHEET_NOT_OWNED", appMessages.sheetNotOwned(existing.name), {
        sheet: existing.name,
        cell: "A1",
      });
      return false;
    }
    if (existing && !this.writable(existing)) return false;
    this.plan.sheets.push({ name: existing?.name ?? name, replace: existing !== undefined });
    return true;
  }

  summarySheet(inputs: ContractInputs, results: ContractResults): void {
    if (!this.generatedSheet(SUMMARY_SHEET, (s) => cellValue(s, 1, 1) === SUMMARY_TITLE)) return;
    const rows: SheetRow[] = [];
    rows.push({ values: [SUMMARY_TITLE], bold: true });
    rows.push({ values: ["Enhed", inputs.parameters.unit] });
    const { followUp, ledger, outcome, flagCounts } = results;
    if (followUp) {
      rows.push(
        { values: [] },
        { values: ["Opfølgning: mer-/mindreforbrug pr. pulje (-/+ = merforbrug/mindreforbrug)"], bold: true },
      );
      for (const [pool, totals] of followUp.groups) rows.push({ values: [pool, totals.afvigelse] });
      rows.push({ values: ["I alt (uden for puljen ikke medregnet)", followUp.total.afvigelse], bold: true });
    }
    if (flagCounts) {
      rows.push({ values: [] }, { values: ["Lyskryds", "GRØN", "GUL", "RØD", "–"], bold: true });
      for (const [name, counts] of Object.entries(flagCounts)) {
        rows.push({ values: [capitalize(name), counts.GRØN, counts.GUL, counts.RØD, counts["–"]] });
      }
    }
    if (ledger && outcome) {
      rows.push(
        { values: [] },
        { values: ["Reservationspulje: forventet resultat", ...ledger.pools, TOTAL_COLUMN], bold: true },
      );
      rows.push({ values: ["Resultat", ...ledger.result.perPool, ledger.result.total] });
      rows.push({
        values: [
          "Resultat uden prognoser",
          ...ledger.resultExcludingPrognoses.perPool,
          ledger.resultExcludingPrognoses.total,
        ],
      });
      rows.push({ values: ["Budgetværn", outcome.budgetvaern] });
      rows.push({ values: ["Heraf dækket af budgetværnet", outcome.budgetvaernBrugt] });
      rows.push({ values: ["Kassefinansiering", outcome.kassefinansiering], bold: true });
      rows.push({
        values: ["Kassefinansiering uden prognoser", results.outcomeExcludingPrognoses!.kassefinansiering],
      });
      rows.push({ values: ["Puljens lyskryds", outcome.flag], flag: outcome.flag, flagAt: 1 });
    }
    if (results.yearEnd) {
      rows.push({ values: [] }, { values: ["Regnskab", "Afvigelse", "Kassen", "Overførsel"], bold: true });
      for (const [area, t] of results.yearEnd.perStyringsområde)
        rows.push({ values: [area, t.afvigelse, t.kassen, t.overførsel] });
      const t = results.yearEnd.total;
      rows.push({ values: [TOTAL_COLUMN, t.afvigelse, t.kassen, t.overførsel], bold: true });
    }
    if (results.investments) {
      const i = results.investments;
      rows.push(
        { values: [] },
        {
          values: [
            "Investeringsprojekter (kr.)",
            "Gevinst",
            "Investeringssum",
            "Nettogevinst",
            "Realiseret nettogevinst",
          ],
          bold: true,
        },
      );
      rows.push({
        values: [TOTAL_COLUMN, i.gevinst, i.investeringssum, i.nettogevinst, i.realiseretNettogevinst],
      });
    }
    if (ledger && inputs.ledger) {
      // The waterfall's data: every movement's I alt; its running sum ends at the result.
      rows.push({ values: [] }, { values: [WATERFALL_HEADER, "I alt"], bold: true });
      const first = rows.length + 1;
      for (const line of ledger.lines.filter((l) => l.type !== "Saldo" && l.type !== "Resultat")) {
        rows.push({
          values: [line.status === "Prognose" ? `${line.post} (prognose)` : line.post, line.total],
        });
      }
      const table = inputs.ledger.table;
      const col = table.right + table.contract.outputs.filter((o) => !table.outputs.has(o.key)).length + 2;
      this.plan.charts.push({
        sheet: table.sheet.name,
        name: WATERFALL_CHART,
        kind: "waterfall",
        title: `Reservationspuljen: bevægelser og resultat (${inputs.parameters.unit})`,
        source: { sheet: SUMMARY_SHEET, range: `A${first - 1}:B${rows.length}` },
        from: a1(table.headerRow, col),
        to: a1(table.headerRow + 20, col + 9),
      });
    }
    this.writeRows(SUMMARY_SHEET, rows);
    this.plan.columnWidths.push({ sheet: SUMMARY_SHEET, col: 1, width: 44 });
    for (let col = 2; col <= 6; col++) this.plan.columnWidths.push({ sheet: SUMMARY_SHEET, col, width: 16 });
  }

  /** The Scenarier sheet: scenarios side by side, the § 23 a estimate, sensitivity tables and grid. */
  scenarioSheet(inputs: ContractInputs, results: ContractResults): void {
    if (!this.generatedSheet(SCENARIO_SHEET, (s) => cellValue(s, 1, 1) === SCENARIO_TITLE)) return;
    const unit = inputs.parameters.unit;
    const rows: SheetRow[] = [{ values: [SCENARIO_TITLE], bold: true }, { values: ["Enhed", unit] }];
    const pools = results.ledger?.pools ?? [];
    if (results.scenarios && results.scenarios.length > 0) {
      rows.push(
        { values: [] },
        {
          values: [
            "Scenarie",
            "Regulering",
            "Kilde",
            "Dato",
            "Status",
            "Valgt",
            ...pools,
            "Resultat",
            "Budgetværn brugt",
            "Kassefinansiering",
            "Lyskryds",
          ],
          bold: true,
        },
      );
      for (const r of results.scenarios) {
        const s = r.scenario;
        rows.push({
          values: [
            s.name,
            s.type,
            s.kilde ?? "",
            r.dato ?? "",
            s.status ?? "Prognose",
            r.chosen ? "Ja" : "",
            ...pools.map((pool) => s.amounts[pool] ?? 0),
            r.outcome.resultat,
            r.outcome.budgetvaernBrugt,
            r.outcome.kassefinansiering,
            r.outcome.flag,
          ],
          flagAt: 6 + pools.length + 3,
          flag: r.outcome.flag,
        });
      }
    }
    if (results.estimate) {
      rows.push({ values: [] }, { values: ["Egen beregning (§ 23 a)", unit, "Mangler"], bold: true });
      for (const line of results.estimate.lines) {
        rows.push({
          values: [line.label, line.value ?? null, line.missing.join("; ")],
          ...(line.key === "garantiAndel" ? { numberFormat: NUMBER_FORMATS.rate } : {}),
        });
      }
    }
    for (const { spec, rows: sensitivity } of results.sensitivity ?? []) {
      rows.push(
        { values: [] },
        { values: [`Følsomhed: ${spec.type} på ${spec.pool}`], bold: true },
        {
          values: [
            `Beløb = ${spec.type.toLowerCase()}ens del på puljen ${spec.pool}; de andre puljers dele er som i tabellen Reservationspulje.`,
          ],
        },
        {
          values: ["Beløb", "Resultat", "Budgetværn brugt", "Kassefinansiering", "Lyskryds", "Bemærkning"],
          bold: true,
        },
      );
      const first = rows.length + 1;
      for (const r of sensitivity) {
        rows.push({
          values: [
            r.amount,
            r.outcome.resultat,
            r.outcome.budgetvaernBrugt,
            r.outcome.kassefinansiering,
            r.outcome.flag,
            r.breakEven ? "Budgetværnet er netop opbrugt" : "",
          ],
          flagAt: 4,
          flag: r.outcome.flag,
          fillAlso: [1],
        });
      }
      if (spec === results.sensitivity![0]!.spec) {
        this.plan.charts.push({
          sheet: SCENARIO_SHEET,
          name: SENSITIVITY_CHART,
          title: `Resultat ved ${spec.type.toLowerCase()} (${unit})`,
          kind: "column",
          source: { sheet: SCENARIO_SHEET, range: `A${first - 1}:B${rows.length}` },
          from: a1(3, 14),
          to: a1(22, 22),
        });
      }
    }
    const grid = results.grid;
    if (grid) {
      rows.push(
        { values: [] },
        {
          values: [`Resultat (I alt): ${grid.rows.type} (rækker) og ${grid.columns.type} (kolonner)`],
          bold: true,
        },
        { values: ["", ...grid.columns.amounts], bold: true },
      );
      grid.results.forEach((line, i) => {
        rows.push({
          values: [grid.rows.amounts[i]!, ...line.map((r) => r.outcome.resultat)],
          cellFlags: [undefined, ...line.map((r) => r.outcome.flag)],
        });
      });
    }
    this.writeRows(SCENARIO_SHEET, rows);
    this.plan.columnWidths.push({ sheet: SCENARIO_SHEET, col: 1, width: 44 });
    // Wide enough for the bold headers "Budgetværn brugt" and "Kassefinansiering".
    for (let col = 2; col <= 12 + pools.length; col++)
      this.plan.columnWidths.push({ sheet: SCENARIO_SHEET, col, width: 19 });
  }

  /** Writes a generated sheet's rows, one block per row, with flag fills where asked. */
  private writeRows(sheet: string, rows: SheetRow[]): void {
    rows.forEach((row, index) => {
      if (row.values.length === 0) return;
      let flags: (Flag | undefined)[] | undefined = row.cellFlags;
      if (!flags && row.flag && row.flagAt !== undefined) {
        flags = row.values.map((_, i) =>
          i === row.flagAt || row.fillAlso?.includes(i) ? row.flag : undefined,
        );
      }
      const coloured = flags?.some((f) => f !== undefined && f !== "–");
      this.plan.blocks.push({
        sheet,
        row: index + 1,
        col: 1,
        values: [row.values],
        numberFormat: row.numberFormat ?? NUMBER_FORMATS.amount,
        ...(row.bold ? { bold: true } : {}),
        ...(coloured
          ? {
              fills: [flags!.map((f) => (f && f !== "–" ? FLAG_FILLS[f] : undefined))],
              fontColors: [flags!.map((f) => (f && f !== "–" ? FLAG_FONTS[f] : undefined))],
            }
          : {}),
      });
    });
  }

  appropriationsSheet(results: ContractResults, unit: Unit): void {
    const ours = (s: SheetSnapshot) =>
      APPROPRIATIONS_HEADERS.every(
        (h, i) => normalizeName(String(cellValue(s, 1, i + 1) ?? "")) === normalizeName(h),
      );
    if (!this.generatedSheet(APPROPRIATIONS_SHEET, ours)) return;
    const lines = results.appropriations ?? [];
    this.plan.blocks.push({
      sheet: APPROPRIATIONS_SHEET,
      row: 1,
      col: 1,
      values: [APPROPRIATIONS_HEADERS],
      bold: true,
    });
    if (lines.length > 0) {
      // Three blocks so that only the amount column gets the thousands format (not Nr or År). The texts
      // wrap in their columns, so each sentence is read whole on screen and on paper.
      this.plan.blocks.push(
        {
          sheet: APPROPRIATIONS_SHEET,
          row: 2,
          col: 1,
          values: lines.map((l, i) => [i + 1, l.tekst]),
          wrap: true,
        },
        {
          sheet: APPROPRIATIONS_SHEET,
          row: 2,
          col: 3,
          values: lines.map((l) => [l.beløbKr]),
          numberFormat: NUMBER_FORMATS.amount,
          wrap: true,
        },
        {
          sheet: APPROPRIATIONS_SHEET,
          row: 2,
          col: 4,
          values: lines.map((l) => [l.år, l.fra, l.til]),
          wrap: true,
        },
      );
      // R0.6: in 1.000 kr. the amounts are sums of rounded rows; say so next to them.
      const note = roundingNote(unit);
      if (note)
        this.plan.blocks.push({
          sheet: APPROPRIATIONS_SHEET,
          row: lines.length + 3,
          col: 2,
          values: note.map((line) => [line]),
        });
    }
    // Wrapped rows get the height of their longest cell (about 15 points a line).
    const widths = [6, 80, 16, 8, 40, 40];
    const linesOf = (text: string, width: number) => Math.max(1, Math.ceil((text.length * 1.1) / width));
    lines.forEach((l, i) => {
      const count = Math.max(
        linesOf(l.tekst, widths[1]!),
        linesOf(l.fra, widths[4]!),
        linesOf(l.til, widths[5]!),
      );
      if (count > 1)
        (this.plan.rowHeights ??= []).push({ sheet: APPROPRIATIONS_SHEET, row: 2 + i, height: 15 * count });
    });
    widths.forEach((width, i) =>
      this.plan.columnWidths.push({ sheet: APPROPRIATIONS_SHEET, col: i + 1, width }),
    );
  }
}

function flagColours(cells: WriteValue[]) {
  const known = (v: WriteValue): v is keyof typeof FLAG_FILLS => typeof v === "string" && v in FLAG_FILLS;
  return {
    fills: cells.map((v) => [known(v) ? FLAG_FILLS[v] : undefined]),
    fontColors: cells.map((v) => [known(v) ? FLAG_FONTS[v] : undefined]),
  };
}

function flagRules() {
  return FLAGS.filter((flag): flag is keyof typeof FLAG_FILLS => flag in FLAG_FILLS).map((flag) => ({
    equals: flag,
    fill: FLAG_FILLS[flag],
    font: FLAG_FONTS[flag],
  }));
}
