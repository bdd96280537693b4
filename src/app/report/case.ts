import {
  AppropriationTableRow,
  AREA_RESULT,
  AREA_RESULT_TYPES,
  Appropriation,
  BUDGETVAERN_USED,
  Decision,
  decisionNotes,
  Flag,
  isOutsidePools,
  kronerNote,
  NOT_APPLICABLE,
  Parameters,
  poolName,
  TOTAL_COLUMN,
  TransferTable,
} from "../../domain";
import type { ContractResults } from "../compute";
import { DOT_COLOURS, FLAG_FILLS, FLAG_FONTS, NOT_ASSESSED_COLOUR } from "../contract";
import type { ContractInputs } from "../readContract";
import { FigureTrace, isSumTrace, Tracer, traceSum, withoutFactor } from "./trace";

/**
 * R14.2 The committee case: the tables the committee reads, as one model drawn three ways — the `Sag`
 * sheet (one A4 landscape page per table), the pane's "Kopiér til sagen" (HTML on the clipboard) and the
 * headless command's `--docx`. Each renderer decides layout; the model says what is in each table.
 */
export interface CaseDocument {
  title: string;
  /** "Budgetår 2018 · beløb i 1.000 kr., bevillinger i kr." */
  subtitle: string;
  /** The administration that makes the case (parameter Forvaltning): the Word document's author. */
  administration: string;
  tables: CaseTable[];
}

/** How a column's cells are shown. A dot column shows ● in the flag's colour, "–" where not assessed. */
export type CaseColumnKind = "text" | "amount" | "flag" | "dot";

export interface CaseColumn {
  header: string;
  kind: CaseColumnKind;
  /** Long texts (sentences): wrapped, and on the Sag sheet given more than one grid column. */
  long?: boolean;
}

export type CaseValue = string | number | null;

export interface CaseRow {
  cells: CaseValue[];
  /** One flag per cell of a flag or dot column (undefined elsewhere). */
  flags?: (Flag | undefined)[];
  /** Subtotals, totals and group headings. */
  bold?: boolean;
  /** Where each number of the row comes from (issue 30): one trace per numeric cell, undefined elsewhere. */
  traces?: (FigureTrace | undefined)[];
}

export type CaseTableKey =
  "indicators" | "followUp" | "years" | "ledger" | "transfers" | "appropriationTable" | "indstilling";

export interface CaseTable {
  key: CaseTableKey;
  title: string;
  /** The unit of the amounts, shown after the title: "(1.000 kr.)". */
  unit?: string;
  /** A sentence above the table (the indstilling's opening). A table may be only this: no columns. */
  intro?: string;
  columns: CaseColumn[];
  rows: CaseRow[];
  /** A line under the table (the sign convention, a rounding note). */
  note?: string;
}

export const CASE_TITLE = "Reservationspuljen – sag til udvalget";

/**
 * The most rows a case table lists line by line: what one A4 landscape page holds at the Sag sheet's
 * fit-to-width scale (about 41 rows of 15 points) less the table's title, header and note. A follow-up or
 * ledger longer than that is shown by its subtotals (the rows stay on their own sheet), so each case table
 * still fits its page — and a workbook of 100.000 rows does not make a case of 100.000 rows.
 */
export const CASE_MAX_ROWS = 36;

/** The case's tables from what was read and computed; a table without data is left out. */
export function caseDocument(inputs: ContractInputs, results: ContractResults): CaseDocument {
  const p = inputs.parameters;
  const tracer = new Tracer(inputs, results);
  const tables: CaseTable[] = [];
  if (results.indicators) tables.push(indicatorTable(results));
  if (results.followUp)
    tables.push(followUpTable(results, p, inputs.followUp?.table.columns.has("korrigeret") ?? true, tracer));
  if (results.years && results.years.length > 0)
    tables.push({
      key: "years",
      title: "Udvikling i udgifter og reservationspulje",
      unit: p.unit,
      columns: [
        { header: "", kind: "text" },
        ...results.years.map((y) => ({ header: y.kolonne, kind: "amount" as const })),
      ],
      rows: [
        {
          cells: ["Samlet", ...results.years.map((y) => y.samlet)],
          bold: true,
          traces: [undefined, ...results.years.map((_, i) => tracer.yearFigure(i, "samlet"))],
        },
        {
          cells: ["Reservationspulje", ...results.years.map((y) => y.reservationspulje ?? NOT_APPLICABLE)],
          bold: true,
          traces: [undefined, ...results.years.map((_, i) => tracer.yearFigure(i, "reservationspulje"))],
        },
      ],
      note: results.years.map((y) => `${y.kolonne}: ${y.grundlag}`).join(" "),
    });
  if (results.ledger) tables.push(ledgerTable(results, p, tracer));
  const decision = results.decision;
  const note = decision ? decisionNotes(decision, p.unit).join(" ") : "";
  if (decision?.transfers && decision.transfers.rows.length > 0)
    tables.push(transferTableCase(decision.transfers, kronerNote(p.unit), tracer));
  if (decision && decision.table.length > 0)
    tables.push(appropriationTableCase(decision.table, note, tracer, decision.appropriations));
  if (decision) tables.push(indstillingTable(decision, note));
  const year = p.budgetYear === undefined ? "" : `Budgetår ${p.budgetYear} · `;
  const kind = results.caseKind ? `${results.caseKind} · ` : "";
  for (const table of tables) for (const row of table.rows) checkTraces(row);
  return {
    title: CASE_TITLE,
    // "bevillinger i kr." only where the case proposes bevillinger (not in an orientation).
    subtitle: `${kind}${year}beløb i ${p.unit}${(decision?.points.length ?? 0) > 1 ? ", bevillinger i kr." : ""}${
      results.computedAt ? ` · beregnet ${results.computedAt}` : ""
    }`,
    administration: p.administration,
    tables,
  };
}

/**
 * The headline indicators as the committee reads them: the colour that counts as its word on its fill
 * (readable in black and white), the rule's proposal beside it only where the administration chose
 * otherwise, and the sentence — the user's, else the rule's grounds; "–" where there is no proposal (the
 * reason is in the diagnostics). An accounts case leaves out the indicators it has no inputs for.
 */
function indicatorTable(results: ContractResults): CaseTable {
  const shown = results.indicators!.filter(
    (i) => results.caseKind !== "Regnskab" || i.valgt !== undefined || i.forslag !== NOT_APPLICABLE,
  );
  const differs = shown.some((i) => i.valgt !== undefined && i.valgt !== i.forslag);
  return {
    key: "indicators",
    title: "Hovedindikatorer",
    columns: [
      { header: "Indikator", kind: "text" },
      { header: "Farve", kind: "flag" },
      ...(differs ? [{ header: "Forslag efter reglerne", kind: "flag" as const }] : []),
      { header: "Bemærkning", kind: "text", long: true },
    ],
    rows: shown.map((i) => {
      const other = i.valgt !== undefined && i.valgt !== i.forslag;
      const sentence = i.bemærkning ?? (i.forslag === NOT_APPLICABLE ? NOT_APPLICABLE : i.grundlag);
      return {
        cells: [i.indikator, i.farve, ...(differs ? [other ? i.forslag : null] : []), sentence],
        flags: [undefined, i.farve, ...(differs ? [other ? i.forslag : undefined] : []), undefined],
      };
    }),
    note: differs
      ? "Farve er forvaltningens vurdering; Forslag efter reglerne står, hvor reglernes forslag er et andet."
      : "Farve er forvaltningens vurdering, ellers forslaget efter reglerne.",
  };
}

/** The follow-up with its budget columns as the table has them (without Korrigeret budget, Vedtaget is the budget). */
function followUpTable(
  results: ContractResults,
  p: Parameters,
  withKorrigeret: boolean,
  tracer: Tracer,
): CaseTable {
  const followUp = results.followUp!;
  const unit = p.unit;
  const withVedtaget = followUp.rows.some((r) => r.row.vedtaget !== undefined);
  const columns: CaseColumn[] = [
    { header: "Område", kind: "text" },
    ...(withVedtaget ? [{ header: "Vedtaget budget", kind: "amount" as const }] : []),
    ...(withKorrigeret ? [{ header: "Korrigeret budget", kind: "amount" as const }] : []),
    { header: "Forventet regnskab", kind: "amount" },
    { header: "Mer-/mindreforbrug", kind: "amount" },
    { header: "Økonomi", kind: "dot" },
    { header: "Mængder", kind: "dot" },
    { header: "Refusion", kind: "dot" },
  ];
  const amounts = (t: { vedtaget?: number; korrigeret: number; forventet: number; afvigelse: number }) => [
    ...(withVedtaget ? [t.vedtaget ?? null] : []),
    ...(withKorrigeret ? [t.korrigeret] : []),
    t.forventet,
    t.afvigelse,
  ];
  const rows: CaseRow[] = [];
  // The traces of a row's amounts, in the order `amounts` gives them.
  const amountTraces = (
    own: (field: "vedtaget" | "korrigeret" | "forventet" | "afvigelse") => FigureTrace | undefined,
  ) => [
    ...(withVedtaget ? [own("vedtaget")] : []),
    ...(withKorrigeret ? [own("korrigeret")] : []),
    own("forventet"),
    own("afvigelse"),
  ];
  const pooled = [...followUp.groups].filter(([pool]) => !isOutsidePools(pool));
  const outside = [...followUp.groups].filter(([pool]) => isOutsidePools(pool));
  // Every row under its pool's name with a Samlet per pool, and the total when there are several pools
  // (R0.7: the pools by their names, the lines worded as the minutes word them); a long follow-up shows
  // one line per pool.
  const detailed = followUp.rows.length + 2 * followUp.groups.size + 1 <= CASE_MAX_ROWS;
  for (const [pool, totals] of [...pooled, ...outside]) {
    if (detailed) rows.push({ cells: [poolName(p, pool)], bold: true });
    for (const r of detailed ? followUp.rows.filter((x) => x.row.pulje === pool) : [])
      rows.push({
        cells: [
          r.row.område,
          ...amounts({ ...r.row, afvigelse: r.afvigelse }),
          r.økonomi,
          r.mængder,
          r.refusion,
        ],
        flags: [...amounts(totals).map(() => undefined), undefined, r.økonomi, r.mængder, r.refusion],
        traces: [
          undefined,
          ...amountTraces((f) =>
            f === "afvigelse" ? tracer.followUpDeviation(r) : tracer.followUpCell(r, f),
          ),
        ],
      });
    rows.push({
      cells: [detailed ? "Samlet" : poolName(p, pool), ...amounts(totals)],
      bold: true,
      traces: [undefined, ...amountTraces((f) => tracer.followUpTotal(pool, f))],
    });
    if (pool === pooled.at(-1)?.[0] && pooled.length > 1)
      rows.push({
        cells: ["Samlet total", ...amounts(followUp.total)],
        bold: true,
        traces: [undefined, ...amountTraces((f) => tracer.followUpTotal(undefined, f))],
      });
  }
  return {
    key: "followUp",
    title: "Opfølgning pr. ydelsesområde",
    unit,
    columns,
    rows,
    note:
      "-/+ = merforbrug/mindreforbrug. Lyskryds: Økonomi, mængder (fuldtidspersoner) og refusionssats; – = ikke vurderet." +
      (detailed
        ? ""
        : ` Opfølgningen har ${followUp.rows.length} rækker; sagen viser puljernes samlede tal, rækkerne står på arket Opfølgning.`),
  };
}

function ledgerTable(results: ContractResults, p: Parameters, tracer: Tracer): CaseTable {
  const ledger = results.ledger!;
  const unit = p.unit;
  // A ledger longer than a page: its opening, balances and result (the movements stay on the sheet).
  const detailed = ledger.lines.length + 3 <= CASE_MAX_ROWS;
  const shown = detailed
    ? ledger.lines
    : ledger.lines.filter((l) => l.type === "Oprindelig" || l.type === "Saldo" || l.type === "Resultat");
  const rows: CaseRow[] = shown.map((l) => {
    const index = ledger.lines.indexOf(l);
    return {
      cells: [l.post, ...l.values, l.total],
      ...(l.type === "Saldo" || l.type === "Resultat" ? { bold: true } : {}),
      traces: [
        undefined,
        ...l.values.map((_, i) => tracer.ledgerFigure(index, i)),
        tracer.ledgerFigure(index, undefined),
      ],
    };
  });
  const outcome = results.outcome;
  if (outcome) {
    const none = ledger.pools.map(() => undefined);
    rows.push(
      {
        cells: [BUDGETVAERN_USED, ...ledger.pools.map(() => null), outcome.budgetvaernBrugt],
        traces: [undefined, ...none, tracer.outcomeFigure("budgetvaernBrugt")],
      },
      {
        cells: ["Kassefinansiering", ...ledger.pools.map(() => null), outcome.kassefinansiering],
        bold: true,
        traces: [undefined, ...none, tracer.outcomeFigure("kassefinansiering")],
      },
    );
  }
  if (results.areaResult !== undefined)
    rows.push({
      cells: [AREA_RESULT, ...ledger.pools.map(() => null), results.areaResult],
      traces: [undefined, ...ledger.pools.map(() => undefined), tracer.areaResultFigure(AREA_RESULT_TYPES)],
    });
  return {
    key: "ledger",
    title: "Reservationspuljen",
    unit,
    columns: [
      { header: "Post", kind: "text" },
      ...ledger.pools.map((pool) => ({ header: poolName(p, pool), kind: "amount" as const })),
      { header: TOTAL_COLUMN, kind: "amount" },
    ],
    rows,
    note: [
      outcome ? `Puljens lyskryds: ${outcome.flag}.` : "",
      detailed
        ? ""
        : `Puljen har ${ledger.lines.length} linjer; sagen viser den oprindelige pulje, saldi og resultatet, bevægelserne står på arket Reservationspulje.`,
    ]
      .filter((t) => t !== "")
      .join(" "),
  };
}

function appropriationTableCase(
  table: readonly AppropriationTableRow[],
  note: string,
  tracer: Tracer,
  appropriations: readonly Appropriation[],
): CaseTable {
  const poolOf = (punkt: number) => appropriations.find((a) => a.punkt === punkt)?.pulje;
  const trace = (r: { punkt: number }, total: boolean) =>
    tracer.appropriationFigure(
      poolOf(r.punkt),
      total
        ? `Indstillingspunkt ${r.punkt} i alt: rækkerne summer til 0 (budgetneutralt).`
        : `Indstillingspunkt ${r.punkt}: ${
            poolOf(r.punkt) === undefined ? "regnskabets" : "puljens"
          } bevægelse i hele kr. (+ = tilført, − = afgivet).`,
    );
  const years = [...new Set(table.map((r) => r.år))].sort((x, y) => x - y);
  const rows: CaseRow[] = [];
  for (const punkt of [...new Set(table.map((r) => r.punkt))]) {
    const own = table.filter((r) => r.punkt === punkt);
    // One row per styringsområde and udvalg, its amounts per year.
    const keys = [...new Set(own.map((r) => `${r.styringsområde}\u0000${r.udvalg}`))];
    keys.forEach((key, i) => {
      const [styringsområde, udvalg] = key.split("\u0000") as [string, string];
      const mine = own.filter((r) => r.styringsområde === styringsområde && r.udvalg === udvalg);
      rows.push({
        cells: [
          i === 0 ? punkt : null,
          i === 0 ? own[0]!.beskrivelse : null,
          styringsområde,
          udvalg,
          ...years.map((y) => {
            const cell = mine.filter((r) => r.år === y);
            return cell.length === 0 ? null : cell.reduce((s, r) => s + r.beløbKr, 0);
          }),
        ],
        traces: [
          undefined,
          undefined,
          undefined,
          undefined,
          ...years.map((y) => (mine.some((r) => r.år === y) ? trace(own[0]!, false) : undefined)),
        ],
      });
    });
    rows.push({
      cells: [
        null,
        null,
        TOTAL_COLUMN,
        null,
        ...years.map((y) => own.filter((r) => r.år === y).reduce((s, r) => s + r.beløbKr, 0)),
      ],
      bold: true,
      traces: [undefined, undefined, undefined, undefined, ...years.map(() => trace(own[0]!, true))],
    });
  }
  return {
    key: "appropriationTable",
    title: "Bevillingstabel",
    unit: "kr.",
    columns: [
      { header: "Indstillingspunkt", kind: "text" },
      { header: "Beskrivelse", kind: "text", long: true },
      { header: "Styringsområde", kind: "text", long: true },
      { header: "Udvalg", kind: "text", long: true },
      ...years.map((y) => ({ header: String(y), kind: "amount" as const })),
    ],
    rows,
    note: ["+ = tilført, − = afgivet. Hvert indstillingspunkt summer til 0.", note]
      .filter((t) => t !== "")
      .join(" "),
  };
}

/** R15.2 The indstilling: the opening sentence, then the numbered points (none in an Orientering). */
function indstillingTable(decision: Decision, note: string): CaseTable {
  const points = decision.points;
  return {
    key: "indstilling",
    title: "Indstilling",
    intro: decision.indledning,
    columns:
      points.length === 0
        ? []
        : [
            { header: "Nr", kind: "text" },
            { header: "Indstillingspunkt", kind: "text", long: true },
          ],
    rows: points.map((pt) => ({ cells: [`${pt.nr}.`, pt.tekst] })),
    ...(points.length > 1 && note !== "" ? { note } : {}),
  };
}

/**
 * R15.4 The overførsel table of an accounts case, per Regnskab line: Afvigelse N · Kassen · Overførsel to
 * each year, with I alt, in whole kr.
 */
function transferTableCase(t: TransferTable, note: string | undefined, tracer: Tracer): CaseTable {
  const row = (r: TransferTable["total"], bold: boolean, index: number | undefined): CaseRow => ({
    cells: [r.beskrivelse, r.styringsområde, r.afvigelse, r.kassen, ...r.overførsel],
    ...(bold ? { bold } : {}),
    traces: [
      undefined,
      undefined,
      tracer.yearEndFigure(index, "afvigelse"),
      tracer.yearEndFigure(index, "kassen"),
      ...r.overførsel.map(() => tracer.yearEndFigure(index, "overførsel")),
    ],
  });
  return {
    key: "transfers",
    title: `Overførsel af mer- og mindreforbrug fra ${t.accountsYear}`,
    unit: "kr.",
    columns: [
      { header: "Beskrivelse", kind: "text" },
      { header: "Styringsområde", kind: "text", long: true },
      { header: `Afvigelse ${t.accountsYear}`, kind: "amount" },
      { header: "Kassen", kind: "amount" },
      ...t.years.map((y) => ({ header: `Overførsel ${y}`, kind: "amount" as const })),
    ],
    rows: [...t.rows.map((r, i) => row(r, false, i)), row(t.total, true, undefined)],
    note: [
      "+ = mindreforbrug, − = merforbrug. Linjer uden overførselsadgang går i kassen og afregnes derefter med reservationspuljen; linjer med overførselsadgang overføres.",
      note ?? "",
    ]
      .filter((x) => x !== "")
      .join(" "),
  };
}

export const DOT = "●";

/** How a case cell looks in every view: its shown value, and its fill and text colour (ARGB) if any. */
export interface CaseCellLook {
  value: CaseValue;
  fill?: string;
  font?: string;
}

/**
 * One rule for the Sag sheet, the clipboard and Word: a dot column shows its flag as ● in the pure colour
 * (a grey "–" where not assessed; empty on a heading or subtotal row, which has no flag); a flag column
 * shows the colour word on its fill; every other cell its value.
 */
export function caseCellLook(column: CaseColumn, value: CaseValue, flag: Flag | undefined): CaseCellLook {
  const coloured = flag !== undefined && flag !== NOT_APPLICABLE;
  if (column.kind === "dot") {
    if (value === null) return { value: null };
    return coloured
      ? { value: DOT, font: DOT_COLOURS[flag as Colour] }
      : { value: NOT_APPLICABLE, font: NOT_ASSESSED_COLOUR };
  }
  if (column.kind === "flag" && coloured)
    return { value, fill: FLAG_FILLS[flag as Colour], font: FLAG_FONTS[flag as Colour] };
  return { value };
}

type Colour = keyof typeof DOT_COLOURS;

/**
 * A sum trace is only claimed where its sources reproduce the figure: where a figure was rounded (whole
 * kr. from 1.000 kr.) or otherwise not a plain sum, the sources stay as its inputs, without factors.
 */
function checkTraces(row: CaseRow): void {
  row.traces?.forEach((trace, i) => {
    const value = row.cells[i];
    if (!trace || typeof value !== "number" || !isSumTrace(trace)) return;
    if (Math.abs(traceSum(trace) - value) > 1e-6)
      row.traces![i] = { ...trace, sources: trace.sources.map(withoutFactor) };
  });
}
