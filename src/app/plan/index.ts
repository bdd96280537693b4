import { Diagnostics, isComputedType, openingPool } from "../../domain";
import { WorkbookSnapshot, WritePlan } from "../../workbook/port";
import { ContractResults } from "../compute";
import { ContractInputs, rowOf } from "../readContract";
import { appropriationsSheet } from "./appropriationsSheet";
import { PlanBuilder } from "./ownership";
import { scenarioSheet } from "./scenarioSheet";
import { summarySheet } from "./summarySheet";

export { isPuljeFormula } from "./ownership";
export { SENSITIVITY_CHART, WATERFALL_CHART, WATERFALL_HEADER } from "./summarySheet";

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
  const planner = new PlanBuilder(snapshot, diagnostics);
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
  summarySheet(planner, inputs, results);
  if (results.scenarios || results.sensitivity || results.estimate) scenarioSheet(planner, inputs, results);
  if (results.appropriations) appropriationsSheet(planner, results, inputs.parameters.unit);
  return planner.plan;
}
