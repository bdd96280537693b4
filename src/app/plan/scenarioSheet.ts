import { a1 } from "../../workbook/address";
import { NUMBER_FORMATS, SCENARIO_SHEET, SCENARIO_TITLE } from "../contract";
import { ContractResults } from "../compute";
import { cellValue } from "../locate";
import { ContractInputs } from "../readContract";
import { SENSITIVITY_CHART } from "./summarySheet";
import { PlanBuilder, SheetRow } from "./ownership";

/** The Scenarier sheet: scenarios side by side, the § 23 a estimate, sensitivity tables and grid. */
export function scenarioSheet(b: PlanBuilder, inputs: ContractInputs, results: ContractResults): void {
  if (!b.generatedSheet(SCENARIO_SHEET, (s) => cellValue(s, 1, 1) === SCENARIO_TITLE)) return;
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
          `Beløb = ${spec.type.toLowerCase()}ens del på puljen ${spec.pool}; de andre puljers dele er som i reservationspuljen (arket Reservationspulje).`,
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
      b.plan.charts.push({
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
  b.writeRows(SCENARIO_SHEET, rows);
  (b.plan.layouts ??= []).push({ sheet: SCENARIO_SHEET, headerRows: 2 });
  b.plan.columnWidths.push({ sheet: SCENARIO_SHEET, col: 1, width: 44 });
  // Wide enough for the bold headers "Budgetværn brugt" and "Kassefinansiering".
  for (let col = 2; col <= 12 + pools.length; col++)
    b.plan.columnWidths.push({ sheet: SCENARIO_SHEET, col, width: 19 });
}
