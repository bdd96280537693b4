import { AREA_RESULT, BUDGETVAERN_USED, FLAGS, NOT_APPLICABLE, poolName, TOTAL_COLUMN } from "../../domain";
import { a1 } from "../../workbook/address";
import { SUMMARY_SHEET, SUMMARY_TITLE } from "../contract";
import { ContractResults } from "../compute";
import { cellValue } from "../locate";
import { ContractInputs } from "../readContract";
import { flagCountRows, flagHeading, waterfallBars } from "../report";
import { PlanBuilder, SheetRow } from "./ownership";

export const WATERFALL_HEADER = "Vandfald: bevægelser";
/** The waterfall chart's name: how a re-run finds and replaces it. */
export const WATERFALL_CHART = "Reservationspuljen – vandfald";
export const SENSITIVITY_CHART = "Reservationspuljen – følsomhed";

/** The Resultat sheet: the follow-up per pool, flag counts, the pool's outcome, year-end, investments, the waterfall's data. */
export function summarySheet(b: PlanBuilder, inputs: ContractInputs, results: ContractResults): void {
  if (!b.generatedSheet(SUMMARY_SHEET, (s) => cellValue(s, 1, 1) === SUMMARY_TITLE)) return;
  const rows: SheetRow[] = [];
  rows.push({ values: [SUMMARY_TITLE], bold: true });
  rows.push({ values: ["Enhed", inputs.parameters.unit] });
  const { followUp, ledger, outcome, flagCounts } = results;
  if (followUp) {
    rows.push(
      { values: [] },
      { values: ["Opfølgning: mer-/mindreforbrug pr. pulje (-/+ = merforbrug/mindreforbrug)"], bold: true },
    );
    for (const [pool, totals] of followUp.groups)
      rows.push({ values: [poolName(inputs.parameters, pool), totals.afvigelse] });
    rows.push({ values: ["I alt (uden for puljen ikke medregnet)", followUp.total.afvigelse], bold: true });
  }
  if (flagCounts) {
    rows.push({ values: [] }, { values: ["Lyskryds (antal rækker)", ...FLAGS.map(flagHeading)], bold: true });
    for (const row of flagCountRows(flagCounts)) rows.push({ values: [row.indicator, ...row.counts] });
  }
  if (ledger && outcome) {
    rows.push(
      { values: [] },
      {
        values: [
          "Reservationspulje: forventet resultat",
          ...ledger.pools.map((pool) => poolName(inputs.parameters, pool)),
          TOTAL_COLUMN,
        ],
        bold: true,
      },
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
    rows.push({ values: [BUDGETVAERN_USED, outcome.budgetvaernBrugt] });
    rows.push({ values: ["Kassefinansiering", outcome.kassefinansiering], bold: true });
    rows.push({
      values: ["Kassefinansiering uden prognoser", results.outcomeExcludingPrognoses!.kassefinansiering],
    });
    rows.push({ values: ["Puljens lyskryds", outcome.flag], flag: outcome.flag, flagAt: 1 });
    if (results.areaResult !== undefined)
      rows.push({
        values: [AREA_RESULT, results.areaResult],
      });
  }
  if (results.indicators) {
    // R13: proposal and chosen colour side by side; the colour that counts is Farve.
    rows.push({ values: [] }, { values: ["Hovedindikatorer", "Forslag", "Valgt", "Farve"], bold: true });
    for (const i of results.indicators) {
      rows.push({
        values: [i.indikator, i.forslag, i.valgt ?? "", i.farve],
        cellFlags: [undefined, i.forslag, i.valgt, i.farve],
      });
      // Why there is no proposal, as a note under the indicator (it runs on into the empty cells).
      if (i.forslag === NOT_APPLICABLE) rows.push({ values: [`   ${i.grundlag}`] });
    }
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
    // The waterfall's data: the movements up to the Resultat line; their running sum is the result.
    rows.push({ values: [] }, { values: [WATERFALL_HEADER, "I alt", "Puljen derefter"], bold: true });
    const first = rows.length + 1;
    // The movements of the one waterfall rule (balances are Excel's running sum, not data points); the
    // third column is that running sum, so the list reads as the waterfall it draws. The chart's data is
    // the first two columns.
    for (const bar of waterfallBars(ledger.lines, true).filter((b) => b.kind !== "balance"))
      rows.push({ values: [bar.label, bar.value, bar.to] });
    const table = inputs.ledger.table;
    const col = table.right + table.contract.outputs.filter((o) => !table.outputs.has(o.key)).length + 2;
    b.plan.charts.push({
      sheet: table.sheet.name,
      name: WATERFALL_CHART,
      kind: "waterfall",
      title: `Reservationspuljen: bevægelser og resultat (${inputs.parameters.unit})`,
      source: { sheet: SUMMARY_SHEET, range: `A${first - 1}:B${rows.length}` },
      from: a1(table.headerRow, col),
      to: a1(table.headerRow + 20, col + 9),
    });
  }
  b.writeRows(SUMMARY_SHEET, rows);
  (b.plan.layouts ??= []).push({ sheet: SUMMARY_SHEET, headerRows: 2 });
  b.plan.columnWidths.push({ sheet: SUMMARY_SHEET, col: 1, width: 44 });
  // Wide enough for the longest text in the column (a pool's name, a heading), within reason.
  for (let col = 2; col <= 6; col++) {
    const longest = Math.max(0, ...rows.map((r) => String(r.values[col - 1] ?? "").length));
    b.plan.columnWidths.push({ sheet: SUMMARY_SHEET, col, width: Math.min(30, Math.max(16, longest + 3)) });
  }
}
