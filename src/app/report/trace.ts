import {
  followUpMovementLine,
  formatFigure,
  TOTAL_COLUMN,
  isComputedType,
  kronerPerUnit,
  isOutsidePools,
  normalizeName,
  poolName,
} from "../../domain";
import type { Location } from "../../domain";
import { a1 } from "../../workbook/address";
import type { ContractResults } from "../compute";
import type { ContractInputs } from "../readContract";
import { rowOf } from "../readContract";

/**
 * Where a figure comes from (issue 30): the rule, in words, and the input cells it came from. One source
 * of truth for every door: the case model carries a trace beside each of its numbers, the Sag sheet links
 * each number to its row on the Spor sheet, the JSON summary and the Word appendix print the same.
 */
export interface TraceSource {
  sheet: string;
  /** The cells, as an A1 range without the sheet ("E5:E16"). */
  range: string;
  /** What the cells are, in Danish: "Korrigeret budget, 12 rækker". */
  what: string;
  /** The cells' sum as the figure used it (in the tables' unit); absent for a text (a parameter word, a yes/no). */
  value?: number;
  /** What a text source says, as read ("Ja"), shown where a number would be. */
  shown?: string;
  /** For a sum: figure = Σ factor × value over the sources (+1 or −1). Absent where the rule is not a sum. */
  factor?: number;
}

export interface FigureTrace {
  /** The rule as docs/rules.md numbers it: "R1". */
  rule: string;
  /** How the figure is computed, in Danish words. */
  how: string;
  sources: TraceSource[];
}

/** Each rule by its name in Danish (the Spor sheet's Regel column): users do not read rule numbers. */
const RULE_NAMES: Record<string, string> = {
  R1: "Opfølgning",
  R3: "Budgetmodel",
  R4: "Puljeregnskab",
  R5: "Budgetværn",
  R7: "Regnskab",
  R11: "Årene",
  "R12.2": "Ført til puljen",
  R13: "Eget resultat",
  "R14.1": "Bevilling",
};

/** A rule's name for users: "Puljeregnskabet" for R4. */
export function ruleName(rule: string): string {
  return RULE_NAMES[rule] ?? RULE_NAMES[rule.replace(/\..*$/, "")] ?? "";
}

/** A trace whose figure is the plain sum Σ factor × value of its sources (checked by the tests). */
export function isSumTrace(trace: FigureTrace): boolean {
  return trace.sources.length > 0 && trace.sources.every((s) => s.factor !== undefined);
}

/** "Opfølgning!E5:E16" — a source as Excel writes a reference (the sheet quoted where it must be). */
export function sourceReference(source: { sheet: string; range: string }): string {
  return `${quoteSheet(source.sheet)}!${source.range}`;
}

export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** A source as an input only (not a term of a sum). */
export function withoutFactor(source: TraceSource): TraceSource {
  const { factor, ...rest } = source;
  void factor;
  return rest;
}

/** A figure's value over its sources: Σ factor × value (what a sum trace says the figure is). */
export function traceSum(trace: FigureTrace): number {
  return trace.sources.reduce((s, x) => s + (x.factor ?? 0) * (x.value ?? 0), 0);
}

interface CellItem {
  row: number;
  value: number;
}

/**
 * The cells of one column as few ranges as the rows allow: each run of consecutive rows is one range
 * ("E5:E9", "E12:E16"), with its sum. Rows need not come sorted.
 */
export function columnSources(
  sheet: string,
  col: number,
  items: readonly CellItem[],
  what: string,
  factor: number | undefined,
): TraceSource[] {
  const sorted = [...items].sort((x, y) => x.row - y.row);
  const out: TraceSource[] = [];
  let run: CellItem[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const first = run[0]!.row;
    const last = run.at(-1)!.row;
    const rows = run.length === 1 ? "1 række" : `${run.length} rækker`;
    out.push({
      sheet,
      range: first === last ? a1(first, col) : `${a1(first, col)}:${a1(last, col)}`,
      what: `${what}, ${rows}`,
      value: round(run.reduce((s, c) => s + c.value, 0)),
      ...(factor === undefined ? {} : { factor }),
    });
    run = [];
  };
  for (const item of sorted) {
    if (run.length > 0 && run.at(-1)!.row + 1 !== item.row) flush();
    run.push(item);
  }
  flush();
  return out;
}

/** Sums of decimal amounts without binary noise (8131.500000000001 → 8131.5). */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6 + 0;
}

/** One cell as a source. */
function cellSource(
  at: Location | undefined,
  col: number,
  what: string,
  value: number,
  factor?: number,
): TraceSource[] {
  if (!at?.sheet || !at.cell) return [];
  return [
    { sheet: at.sheet, range: a1(rowOf(at), col), what, value, ...(factor === undefined ? {} : { factor }) },
  ];
}

/**
 * The tracer for one run: knows where each input table stands, and gives the trace of each figure the
 * case shows. Built from what was read and computed, nothing else.
 */
export class Tracer {
  constructor(
    private readonly inputs: ContractInputs,
    private readonly results: ContractResults,
  ) {}

  private followUpColumn(field: "vedtaget" | "korrigeret" | "forventet"): number | undefined {
    const columns = this.inputs.followUp?.table.columns;
    if (!columns) return undefined;
    // Without Korrigeret budget, the deviation's budget is the Vedtaget column (R1).
    if (field === "korrigeret") return columns.get("korrigeret") ?? columns.get("vedtaget");
    return columns.get(field);
  }

  private get followUpSheet(): string {
    return this.inputs.followUp!.table.sheet.name;
  }

  /** A follow-up row's own amount: the input cell. */
  followUpCell(
    row: { row: { at?: Location; vedtaget?: number; korrigeret: number; forventet: number } },
    field: "vedtaget" | "korrigeret" | "forventet",
  ): FigureTrace | undefined {
    const col = this.followUpColumn(field);
    const value = row.row[field];
    if (col === undefined || value === undefined) return undefined;
    return {
      rule: "R1",
      how: "Som tastet.",
      sources: cellSource(row.row.at, col, FIELD_WORDS[field], value, 1),
    };
  }

  /** R1: a row's mer-/mindreforbrug = korrigeret − forventet. */
  followUpDeviation(row: { row: { at?: Location; korrigeret: number; forventet: number } }): FigureTrace {
    const budget = this.followUpColumn("korrigeret")!;
    const forecast = this.followUpColumn("forventet")!;
    return {
      rule: "R1",
      how: `${this.budgetWords()} − Forventet regnskab.`,
      sources: [
        ...cellSource(row.row.at, budget, this.budgetWords(), row.row.korrigeret, 1),
        ...cellSource(row.row.at, forecast, "Forventet regnskab", row.row.forventet, -1),
      ],
    };
  }

  private budgetWords(): string {
    const columns = this.inputs.followUp?.table.columns;
    return columns?.has("korrigeret") ? "Korrigeret budget" : "Vedtaget budget";
  }

  /** R1: a pool's (or, without a pool, every pooled row's) sum of one column; the deviation as budget − forecast. */
  followUpTotal(
    pool: string | undefined,
    field: "vedtaget" | "korrigeret" | "forventet" | "afvigelse",
  ): FigureTrace | undefined {
    const followUp = this.results.followUp;
    if (!followUp || !this.inputs.followUp) return undefined;
    const rows = followUp.rows.filter((r) =>
      pool === undefined ? !isOutsidePools(r.row.pulje) : normalizeName(r.row.pulje) === normalizeName(pool),
    );
    const whose =
      pool === undefined
        ? "alle puljers rækker (rækker uden for puljerne ikke med)"
        : `puljen ${poolName(this.inputs.parameters, pool)}`;
    const sheet = this.followUpSheet;
    const items = (f: "vedtaget" | "korrigeret" | "forventet") =>
      rows.flatMap((r) => (r.row.at?.cell ? [{ row: rowOf(r.row.at), value: r.row[f] ?? 0 }] : []));
    if (field === "afvigelse") {
      const budget = this.followUpColumn("korrigeret")!;
      const forecast = this.followUpColumn("forventet")!;
      return {
        rule: "R1",
        how: `Sum for ${whose}, ${rows.length} rækker: ${this.budgetWords()} − Forventet regnskab.`,
        sources: [
          ...columnSources(sheet, budget, items("korrigeret"), this.budgetWords(), 1),
          ...columnSources(sheet, forecast, items("forventet"), "Forventet regnskab", -1),
        ],
      };
    }
    const col = this.followUpColumn(field);
    if (col === undefined) return undefined;
    return {
      rule: "R1",
      how: `Sum for ${whose}, ${rows.length} rækker.`,
      sources: columnSources(sheet, col, items(field), FIELD_WORDS[field], 1),
    };
  }

  /** R11: a year column's Samlet, or the pool figure of the year (with the overview's own grounds). */
  yearFigure(index: number, what: "samlet" | "reservationspulje"): FigureTrace | undefined {
    const years = this.inputs.followUp?.years;
    const column = this.results.years?.[index];
    const yc = years?.columns[index];
    if (!years || !column || !yc) return undefined;
    if (what === "samlet") {
      const rows = years.rows.filter((r) => !isOutsidePools(r.pulje) && r.at?.cell);
      return {
        rule: "R11",
        how: `Sum af kolonnen ${column.kolonne} over puljernes rækker (${rows.length}; tomme celler tæller 0, rækker uden for puljerne ikke med).`,
        sources: columnSources(
          this.followUpSheet,
          yc.col,
          rows.map((r) => ({ row: rowOf(r.at), value: r.amounts[index] ?? 0 })),
          column.kolonne,
          1,
        ),
      };
    }
    // The overview's grounds say which: the year's Oprindelig line, its result, or the budget model.
    const year = this.results.ledgerYears?.find((y) => y.år === column.år)?.ledger;
    const opening = year?.lines.find((l) => l.type === "Oprindelig");
    const result = year?.lines.find((l) => l.type === "Resultat");
    const candidates: TraceSource[][] = [
      this.ledgerTotalSources(opening, undefined),
      this.ledgerTotalSources(result, undefined),
      this.budgetModelSources(column.år),
    ].filter((c) => c.length > 0);
    const value = column.reservationspulje;
    const exact = candidates.find(
      (c) => value !== null && Math.abs(traceSum({ rule: "", how: "", sources: c }) - value) < 1e-6,
    );
    return {
      rule: "R11",
      how: `Reservationspuljen for ${column.kolonne}: ${column.grundlag}`,
      sources: exact ?? candidates.flat().map(withoutFactor),
    };
  }

  /** R3: a year's opening pool in the budget model = KL's skøn − Forvaltningens skøn (the I alt row where there is one). */
  private budgetModelSources(år: number): TraceSource[] {
    const input = this.inputs.budgetModel;
    if (!input) return [];
    const kl = input.table.columns.get("kl");
    const own = input.table.columns.get("forvaltning");
    const rows = input.rows.filter((r) => r.år === år && r.at?.cell);
    const total = rows.find((r) => normalizeName(r.pulje) === normalizeName(TOTAL_COLUMN) && rows.length > 1);
    const used = total ? [total] : rows;
    if (kl === undefined || own === undefined || used.length === 0) return [];
    const sheet = input.table.sheet.name;
    return [
      ...columnSources(
        sheet,
        kl,
        used.map((r) => ({ row: rowOf(r.at), value: r.klSkøn })),
        "KL's skøn",
        1,
      ),
      ...columnSources(
        sheet,
        own,
        used.map((r) => ({ row: rowOf(r.at), value: r.forvaltningensSkøn })),
        "Forvaltningens skøn",
        -1,
      ),
    ];
  }

  /**
   * R4: a ledger cell — a movement as typed (or as the tool fed it, with where from), a Saldo or Resultat
   * as the sum of the movements above it; pool undefined = the line's I alt (the sum over the pools).
   */
  ledgerFigure(lineIndex: number, pool: number | undefined): FigureTrace | undefined {
    const ledger = this.results.ledger;
    const input = this.inputs.ledger;
    if (!ledger || !input) return undefined;
    const line = ledger.lines[lineIndex];
    if (!line?.at?.cell) return undefined;
    const pools = pool === undefined ? ledger.pools.map((_, i) => i) : [pool];
    const poolWords = (i: number) => poolName(this.inputs.parameters, ledger.pools[i]!);
    const where = pool === undefined ? "alle puljer (I alt)" : `puljen ${poolWords(pool)}`;
    if (isComputedType(line.type)) {
      const above = movementsAbove(ledger.lines, lineIndex);
      return {
        rule: "R4",
        how: `${line.type}: sum af bevægelserne over linjen i ${where} (${above.length} linjer${
          above.length < lineIndex ? "; bevægelser under den første linje Resultat tæller ikke" : ""
        }).`,
        sources: pools.flatMap((i) =>
          columnSources(
            input.table.sheet.name,
            input.poolColumns[i]!,
            above.map((l) => ({ row: rowOf(l.at), value: l.values[i] ?? 0 })),
            `Bevægelser, ${poolWords(i)}`,
            1,
          ),
        ),
      };
    }
    const fed = this.results.fedLines?.indexOf(lineIndex) ?? -1;
    const from = fed >= 0 ? this.results.fedSources?.[fed] : undefined;
    return {
      rule: fed >= 0 ? "R12.2" : "R4",
      how:
        (fed >= 0
          ? `${line.type}, ført af værktøjet${from ? `: ${from}` : ""}.`
          : `${line.type}, som tastet i reservationspuljen.`) +
        (pool === undefined ? " I alt = sum over puljerne." : ""),
      sources: this.ledgerTotalSources(line, pool),
    };
  }

  /** A ledger line's pool cells (all, or one), each a source with factor 1. */
  private ledgerTotalSources(
    line: { at?: Location; values: number[]; type: string } | undefined,
    pool: number | undefined,
  ): TraceSource[] {
    // The table's pools (every year's ledger has the same): another year's lines without a Budgetår ledger too.
    const input = this.inputs.ledger;
    if (!input || !line?.at?.cell) return [];
    const names = input.ledger.pools;
    const pools = pool === undefined ? names.map((_, i) => i) : [pool];
    return pools.flatMap((i) =>
      cellSource(
        line.at,
        input.poolColumns[i]!,
        `${line.type}, ${poolName(this.inputs.parameters, names[i]!)}`,
        line.values[i] ?? 0,
        1,
      ),
    );
  }

  /** R5: budgetværn brugt and kassefinansiering, from the pool's result and the Budgetværn parameter. */
  outcomeFigure(what: "budgetvaernBrugt" | "kassefinansiering"): FigureTrace | undefined {
    const outcome = this.results.outcome;
    const ledger = this.results.ledger;
    if (!outcome || !ledger) return undefined;
    const resultIndex = ledger.lines.findIndex((l) => l.type === "Resultat");
    const result = resultIndex >= 0 ? this.ledgerTotalSources(ledger.lines[resultIndex], undefined) : [];
    const parameter = this.parameterSource("Budgetværn", outcome.budgetvaern);
    return {
      rule: "R5",
      how:
        what === "budgetvaernBrugt"
          ? "Budgetværn brugt = det mindste af budgetværnet og puljens underskud (0 ved overskud); puljens resultat og budgetværnet står under Kildens tal."
          : "Kassefinansiering = den del af puljens underskud, budgetværnet ikke dækker (0 ved overskud); puljens resultat og budgetværnet står under Kildens tal.",
      sources: [...result.map(withoutFactor), ...parameter],
    };
  }

  /** R3: the ledger's Vurdering, Investeringsprojekter and Regnskab movements (I alt). */
  areaResultFigure(types: readonly string[]): FigureTrace | undefined {
    const ledger = this.results.ledger;
    if (!ledger) return undefined;
    const lines = ledger.lines.filter((l) => types.includes(l.type));
    return {
      rule: "R13",
      how: `Områdets eget resultat = sum af puljens linjer af typen ${types.join(", ")} (${lines.length} linjer, alle puljer).`,
      sources: lines.flatMap((l) => this.ledgerTotalSources(l, undefined)),
    };
  }

  /** A parameter's value cell on the Regler sheet, when the table has the parameter. */
  parameterSource(name: string, value: number): TraceSource[] {
    const table = this.inputs.tables.get("parameters");
    if (!table) return [];
    const nameCol = table.columns.get("name");
    const valueCol = table.columns.get("value");
    if (nameCol === undefined || valueCol === undefined) return [];
    for (let row = table.firstDataRow; row <= table.lastDataRow; row++) {
      const text = table.sheet.values[row - 1]?.[nameCol - 1];
      if (typeof text === "string" && normalizeName(text) === normalizeName(name))
        return [{ sheet: table.sheet.name, range: a1(row, valueCol), what: `Parameteren ${name}`, value }];
    }
    return [];
  }

  /**
   * R7: a line of the Regnskab table (all lines: lineIndex undefined) in the overførsel table, in whole
   * kr.: the afvigelse = (Korrigeret budget − Regnskab) × kr. per unit; kassen and overførsel follow from
   * the line's overførselsadgang.
   */
  yearEndFigure(
    lineIndex: number | undefined,
    what: "afvigelse" | "kassen" | "overførsel",
  ): FigureTrace | undefined {
    const input = this.inputs.yearEnd;
    const yearEnd = this.results.yearEnd;
    if (!input || !yearEnd) return undefined;
    const lines = lineIndex === undefined ? yearEnd.lines : [yearEnd.lines[lineIndex]!];
    const k = kronerPerUnit(this.inputs.parameters.unit);
    const sheet = input.table.sheet.name;
    const rows = lines.flatMap((l) => (l.line.at?.cell ? [{ row: rowOf(l.line.at), line: l.line }] : []));
    const budget = input.table.columns.get("korrigeret");
    const actual = input.table.columns.get("regnskab");
    const access = input.table.columns.get("overførselsadgang");
    const sum = what === "afvigelse";
    const sources: TraceSource[] = [
      ...(budget === undefined
        ? []
        : columnSources(
            sheet,
            budget,
            rows.map((r) => ({ row: r.row, value: r.line.korrigeret })),
            "Korrigeret budget",
            sum ? k : undefined,
          )),
      ...(actual === undefined
        ? []
        : columnSources(
            sheet,
            actual,
            rows.map((r) => ({ row: r.row, value: r.line.regnskab })),
            "Regnskab",
            sum ? -k : undefined,
          )),
    ];
    const whose = lineIndex === undefined ? `alle ${lines.length} linjer` : `linjen ${lines[0]!.line.område}`;
    if (sum)
      return {
        rule: "R7",
        how: `Afvigelse for ${whose} = (Korrigeret budget − Regnskab)${k === 1 ? "" : ` × ${formatFigure(k)}`} i hele kr. (+ = mindreforbrug).`,
        sources,
      };
    if (access !== undefined)
      for (const r of rows)
        sources.push({
          sheet,
          range: a1(r.row, access),
          what: `Overførselsadgang, ${r.line.område}`,
          shown: r.line.overførselsadgang ? "Ja" : "Nej",
        });
    return {
      rule: "R7",
      how:
        what === "kassen"
          ? `Kassen for ${whose}: afvigelsen på linjer uden overførselsadgang går i kassen (i hele kr.).`
          : `Overførsel for ${whose}: afvigelsen på linjer med overførselsadgang overføres til de angivne år (i hele kr.).`,
      sources,
    };
  }

  /** R14.1/R15: a bevilling in whole kr., from the movement it carries. */
  appropriationFigure(pool: string | undefined, how: string): FigureTrace {
    const sources: TraceSource[] = [];
    const ledger = this.results.ledger;
    if (pool !== undefined && ledger) {
      const i = ledger.pools.findIndex((p) => normalizeName(p) === normalizeName(pool));
      // The line the decision takes the movement from (R15.5).
      const line = followUpMovementLine(ledger.lines);
      if (i >= 0 && line) sources.push(...this.ledgerTotalSources(line, i).map(withoutFactor));
    }
    if (pool !== undefined && this.results.followUp) {
      const total = this.followUpTotal(pool, "afvigelse");
      if (total) sources.push(...total.sources.map(withoutFactor));
    }
    if (sources.length === 0) {
      // An accounts case: the pool's Regnskab line in the ledger, and the Regnskab table's lines.
      const line = ledger?.lines.filter((l) => l.type === "Regnskab").at(-1);
      if (line) sources.push(...this.ledgerTotalSources(line, undefined).map(withoutFactor));
      const all = this.yearEndFigure(undefined, "kassen");
      if (all) sources.push(...all.sources);
    }
    return { rule: "R14.1", how, sources };
  }
}

/** The movements a Saldo or Resultat line at `index` sums: every movement above it, up to the first Resultat. */
function movementsAbove<L extends { type: string; at?: Location }>(lines: readonly L[], index: number): L[] {
  const firstResult = lines.findIndex((l) => l.type === "Resultat");
  const end = firstResult >= 0 && firstResult < index ? firstResult : index;
  return lines.slice(0, end).filter((l) => !isComputedType(l.type) && l.at?.cell !== undefined);
}

const FIELD_WORDS = {
  vedtaget: "Vedtaget budget",
  korrigeret: "Korrigeret budget",
  forventet: "Forventet regnskab",
} as const;
