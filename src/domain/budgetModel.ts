import { cellText, ColumnSpec, fieldCell, RawRecord, readNumber } from "./cells";
import { difference, sum } from "./compare";
import { DiagnosticSink, Location } from "./diagnostics";
import { Amount } from "./units";
import { TOTAL_COLUMN } from "./poolLedger";

export type BudgetModelField = "år" | "pulje" | "kl" | "forvaltning";

export const BUDGET_MODEL_COLUMNS: readonly ColumnSpec<BudgetModelField>[] = [
  { field: "år", header: "År", required: true },
  { field: "pulje", header: "Pulje", required: false },
  { field: "kl", header: "KL's skøn", required: true },
  { field: "forvaltning", header: "Forvaltningens skøn", required: true },
];

export interface BudgetModelRow {
  år: number;
  pulje: string;
  klSkøn: Amount;
  forvaltningensSkøn: Amount;
  at?: Location;
}

export interface BudgetModelResult {
  år: number;
  pulje: string;
  reservationspulje: Amount;
}

/** R3: opening reservationspulje = KL's skøn − forvaltningens skøn. */
export function openingPool(klSkøn: Amount, forvaltningensSkøn: Amount): Amount {
  return difference(klSkøn, forvaltningensSkøn);
}

/**
 * R3 over the Budgetmodel table: one opening pool per row; for a year with more than one sub-pool an
 * extra "I alt" line per year sums them. A single-pool year is named "I alt" when no Pulje is given.
 */
export function computeBudgetModel(rows: readonly BudgetModelRow[]): BudgetModelResult[] {
  const results: BudgetModelResult[] = [];
  const years = [...new Set(rows.map((r) => r.år))];
  for (const år of years) {
    const ofYear = rows.filter((r) => r.år === år);
    const pools = ofYear.map((r) => ({
      år,
      pulje: r.pulje,
      reservationspulje: openingPool(r.klSkøn, r.forvaltningensSkøn),
    }));
    results.push(...pools);
    if (pools.length > 1)
      results.push({
        år,
        pulje: TOTAL_COLUMN,
        reservationspulje: sum(pools.map((p) => p.reservationspulje)),
      });
  }
  return results;
}

export function readBudgetModelRows(
  records: readonly RawRecord<BudgetModelField>[],
  diagnostics: DiagnosticSink,
): BudgetModelRow[] {
  const rows: BudgetModelRow[] = [];
  for (const record of records) {
    const first = cellText(record.cells.år);
    if (first === undefined || first.startsWith("#")) continue;
    const år = readNumber(fieldCell(record, "år"), { field: "År", required: true }, diagnostics);
    const kl = readNumber(fieldCell(record, "kl"), { field: "KL's skøn", required: true }, diagnostics);
    const forvaltning = readNumber(
      fieldCell(record, "forvaltning"),
      { field: "Forvaltningens skøn", required: true },
      diagnostics,
    );
    if (år === undefined || kl === undefined || forvaltning === undefined) continue;
    rows.push({
      år,
      pulje: cellText(record.cells.pulje) ?? TOTAL_COLUMN,
      klSkøn: kl,
      forvaltningensSkøn: forvaltning,
      at: record.at,
    });
  }
  return rows;
}
