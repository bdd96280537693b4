import { changeHeader, isComputedType, kronerNote, openingPool } from "../../domain";
import { changeKey } from "../locate";
import { RunDiagnostics } from "../codes";
import { WorkbookSnapshot, WritePlan, WriteValue } from "../../workbook/port";
import { OutputKey, OutputTable } from "../contract";
import { ContractResults } from "../compute";
import { ContractInputs, rowOf } from "../readContract";
import { appropriationsSheet } from "./appropriationsSheet";
import { appropriationTableSheet } from "./appropriationTableSheet";
import { caseSheet } from "./caseSheet";
import { traceLink, traceRows, traceSheet } from "./traceSheet";
import { overviewSheet } from "./overviewSheet";
import { caseDocument, caseFigures } from "../report";
import { PlanBuilder, RowValues } from "./ownership";
import { fitPrint } from "./printFit";
import { withinExcelLimits } from "./limits";
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
  diagnostics: RunDiagnostics,
): WritePlan {
  const planner = new PlanBuilder(snapshot, diagnostics);
  const { followUp, ledger, yearEnd, investments, budgetModel } = inputs;
  if (followUp && results.followUp) {
    const values = outputRows("followUp", results.followUp.rows, (r) => [
      rowOf(r.row.at),
      { afvigelse: r.afvigelse, økonomi: r.økonomi, mængder: r.mængder, refusion: r.refusion },
    ]);
    // R12.1: "Ændring siden <opfølgning>" per earlier forecast, beside the outputs.
    const changes = results.changes ?? [];
    const rows = followUp.years?.rows ?? [];
    for (const change of changes)
      rows.forEach((row, i) => {
        const value = change.perRow[i];
        if (value === undefined) return;
        const record = values.get(rowOf(row.at)) ?? {};
        record[changeKey(change.siden)] = value;
        values.set(rowOf(row.at), record);
      });
    planner.outputColumns(
      followUp.table,
      values,
      changes.map((c) => ({
        key: changeKey(c.siden),
        header: changeHeader(c.siden),
        kind: "amount" as const,
      })),
    );
  }
  if (ledger && results.ledgerYears) {
    // Every year's ledger (R11) lives in the one table: each line's I alt, and the lines the tool fills.
    const years = results.ledgerYears;
    const lines = years.flatMap((y) => y.ledger.lines);
    planner.outputColumns(
      ledger.table,
      outputRows("ledger", lines, (l) => [rowOf(l.at), { total: l.total }]),
    );
    ledger.poolColumns.forEach((col, i) => {
      // Saldo and Resultat lines, and lines fed from a source, are the tool's to fill.
      const computed = new Map(
        years.flatMap((y) => {
          const fed = new Set(y.fedLines);
          return y.ledger.lines
            .filter((l, index) => isComputedType(l.type) || fed.has(index))
            .map((l): [number, number] => [rowOf(l.at), l.values[i]!]);
        }),
      );
      planner.column(ledger.table.sheet, col, "amount", computed, ledger.table);
    });
  }
  if (budgetModel) {
    planner.outputColumns(
      budgetModel.table,
      outputRows("budgetModel", budgetModel.rows, (r) => [
        rowOf(r.at),
        { reservationspulje: openingPool(r.klSkøn, r.forvaltningensSkøn) },
      ]),
    );
  }
  if (yearEnd && results.yearEnd) {
    planner.outputColumns(
      yearEnd.table,
      outputRows("yearEnd", results.yearEnd.lines, (l) => [
        rowOf(l.line.at),
        { afvigelse: l.afvigelse, kassen: l.kassen, overførsel: l.overførsel },
      ]),
    );
  }
  if (investments && results.investments) {
    const withChange = investments.table.columns.has("tidligereNettogevinst");
    planner.outputColumns(
      investments.table,
      outputRows("investments", results.investments.rows, (r) => [
        rowOf(r.project.at),
        {
          nettogevinst: r.nettogevinst,
          afkastgrad: r.afkastgrad ?? null,
          realiseretNettogevinst: r.realiseretNettogevinst ?? null,
          flag: r.flag,
          ...(withChange ? { ændring: r.ændring ?? null } : {}),
        },
      ]),
    );
  }
  if (inputs.prognoses && results.scenarios) {
    const scenarios = results.scenarios;
    planner.outputColumns(
      inputs.prognoses.table,
      outputRows("prognoses", inputs.prognoses.rows, (p, i) => {
        const r = scenarios[i]!;
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
  }
  if (inputs.indicators && results.indicators) {
    const chosen = results.indicators;
    planner.outputColumns(
      inputs.indicators.table,
      outputRows("indicators", inputs.indicators.rows, (choice) => {
        const indicator = chosen.find((i) => i.indikator === choice.indikator)!;
        return [rowOf(choice.at), { forslag: indicator.forslag, farve: indicator.farve }];
      }),
    );
  }
  summarySheet(planner, inputs, results);
  if (results.scenarios || results.sensitivity || results.estimate) scenarioSheet(planner, inputs, results);
  if (results.appropriations) appropriationsSheet(planner, results, inputs.parameters.unit);
  if (results.appropriationTable && results.appropriationTable.length > 0)
    appropriationTableSheet(planner, results.appropriationTable, kronerNote(inputs.parameters.unit));
  if (results.years) overviewSheet(planner, results.years, inputs.parameters.unit);
  // Issue 30: every figure of the case links to its row on the Spor sheet, and from there to its inputs.
  const doc = caseDocument(inputs, results);
  const fingerprints = results.fingerprints ?? [];
  const figures = caseFigures(doc);
  const rows = traceRows(figures, fingerprints.length);
  const placed = caseSheet(planner, doc, (key) => {
    const row = rows.get(key);
    return row === undefined ? undefined : traceLink(row);
  });
  const relink = traceSheet(planner, figures, rows, fingerprints, results.computedAt ?? "", placed);
  fitPrint(planner.plan);
  relink?.();
  withinExcelLimits(planner.plan, diagnostics);
  return planner.plan;
}

/**
 * One table's output values by sheet row. The record's keys are the table's output keys (contract.ts
 * OUTPUTS), checked by the compiler: a misspelt key does not compile.
 */
export function outputRows<K extends OutputTable, R>(
  _table: K,
  rows: readonly R[],
  entry: (row: R, index: number) => [number, Partial<Record<OutputKey<K>, WriteValue>>],
): RowValues {
  return new Map(rows.map((row, index) => entry(row, index)));
}
