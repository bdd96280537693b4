import { cellText, ColumnSpec, fieldCell, RawRecord, readNumber } from "./cells";
import { clean, difference, sum } from "./compare";
import { Diagnostics, Location } from "./diagnostics";
import { Flag, NOT_APPLICABLE } from "./flags";
import { Amount, fromKroner, Kroner, Unit } from "./units";

export type InvestmentField =
  "nr" | "projekt" | "gevinst" | "investeringssum" | "realiseretGevinst" | "forbrug";

export const INVESTMENT_COLUMNS: readonly ColumnSpec<InvestmentField>[] = [
  { field: "nr", header: "Nr", required: true },
  { field: "projekt", header: "Projekt", required: true },
  { field: "gevinst", header: "Gevinst", required: true },
  { field: "investeringssum", header: "Investeringssum", required: true },
  { field: "realiseretGevinst", header: "Realiseret gevinst", required: false },
  { field: "forbrug", header: "Forbrug", required: false },
];

export interface InvestmentProject {
  nr: string;
  projekt: string;
  gevinst: Amount;
  investeringssum: Amount;
  realiseretGevinst?: Amount;
  forbrug?: Amount;
  at?: Location;
}

export interface InvestmentResult {
  project: InvestmentProject;
  nettogevinst: Amount;
  /** gevinst / investeringssum rounded to 2 decimals; undefined without a positive investeringssum. */
  afkastgrad: number | undefined;
  realiseretNettogevinst: Amount | undefined;
  flag: Flag;
}

export interface InvestmentsResult {
  rows: InvestmentResult[];
  gevinst: Amount;
  investeringssum: Amount;
  nettogevinst: Amount;
  realiseretGevinst: Amount;
  forbrug: Amount;
  realiseretNettogevinst: Amount;
}

/** R8 afkastgrad = gevinst / investeringssum, 2 decimals (20.158.162 / 16.965.262 = 1,19). */
export function returnRatio(gevinst: Amount, investeringssum: Amount): number | undefined {
  if (!(investeringssum > 0)) return undefined;
  return Math.round((gevinst / investeringssum) * 100) / 100;
}

/**
 * R8 flag (interpretation): RØD when the afkastgrad is below the minimum (1: the project does not pay
 * back); GUL when only the realised net gain is negative (not yet earned back); GRØN otherwise; "–"
 * without an afkastgrad.
 */
export function investmentFlag(
  afkastgrad: number | undefined,
  realiseretNettogevinst: Amount | undefined,
  minReturn: number,
): Flag {
  if (afkastgrad === undefined) return NOT_APPLICABLE;
  if (afkastgrad < minReturn) return "RØD";
  if (realiseretNettogevinst !== undefined && realiseretNettogevinst < 0) return "GUL";
  return "GRØN";
}

export function computeInvestments(
  projects: readonly InvestmentProject[],
  minReturn: number,
): InvestmentsResult {
  const rows = projects.map((project): InvestmentResult => {
    const afkastgrad = returnRatio(project.gevinst, project.investeringssum);
    const realiseretNettogevinst =
      project.realiseretGevinst === undefined || project.forbrug === undefined
        ? undefined
        : difference(project.realiseretGevinst, project.forbrug);
    return {
      project,
      nettogevinst: difference(project.gevinst, project.investeringssum),
      afkastgrad,
      realiseretNettogevinst,
      flag: investmentFlag(afkastgrad, realiseretNettogevinst, minReturn),
    };
  });
  return {
    rows,
    gevinst: sum(projects.map((p) => p.gevinst)),
    investeringssum: sum(projects.map((p) => p.investeringssum)),
    nettogevinst: sum(rows.map((r) => r.nettogevinst)),
    realiseretGevinst: sum(projects.map((p) => p.realiseretGevinst ?? 0)),
    forbrug: sum(projects.map((p) => p.forbrug ?? 0)),
    realiseretNettogevinst: sum(rows.map((r) => r.realiseretNettogevinst ?? 0)),
  };
}

/**
 * R8: a changed expected net gain is a pool movement (type Investeringsprojekter) of new − previous,
 * converted from kr. to the ledger's unit: a reduced net gain is taken back from the pool.
 */
export function investmentMovement(previousNetKr: Kroner, newNetKr: Kroner, unit: Unit): Amount {
  return clean(fromKroner(newNetKr - previousNetKr, unit));
}

export function readInvestments(
  records: readonly RawRecord<InvestmentField>[],
  diagnostics: Diagnostics,
): InvestmentProject[] {
  const projects: InvestmentProject[] = [];
  for (const record of records) {
    const nr = cellText(record.cells.nr);
    if (nr === undefined || nr.startsWith("#")) continue;
    const amount = (field: InvestmentField, header: string, required: boolean) =>
      readNumber(fieldCell(record, field), { field: header, required }, diagnostics);
    const gevinst = amount("gevinst", "Gevinst", true);
    const investeringssum = amount("investeringssum", "Investeringssum", true);
    const realiseretGevinst = amount("realiseretGevinst", "Realiseret gevinst", false);
    const forbrug = amount("forbrug", "Forbrug", false);
    if (gevinst === undefined || investeringssum === undefined) continue;
    projects.push({
      nr,
      projekt: cellText(record.cells.projekt) ?? "",
      gevinst,
      investeringssum,
      realiseretGevinst,
      forbrug,
      at: record.at,
    });
  }
  return projects;
}
