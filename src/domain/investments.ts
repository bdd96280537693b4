import { cellText, ColumnSpec, fieldCell, RawRecord, readNumber } from "./cells";
import { clean, difference, sum } from "./compare";
import { DiagnosticSink, Location } from "./diagnostics";
import { messages } from "./messages";
import { CarryOverShare, parseCarryOverSplit, poolIndex, splitCarryOver } from "./yearEnd";
import { Flag, NOT_APPLICABLE } from "./flags";
import { Amount, fromKroner, Kroner, Unit } from "./units";

export type InvestmentField =
  | "nr"
  | "projekt"
  | "gevinst"
  | "investeringssum"
  | "realiseretGevinst"
  | "forbrug"
  | "tidligereNettogevinst"
  | "pulje"
  | "år";

export const INVESTMENT_COLUMNS: readonly ColumnSpec<InvestmentField>[] = [
  { field: "nr", header: "Nr", required: true },
  { field: "projekt", header: "Projekt", required: true },
  { field: "gevinst", header: "Gevinst", required: true },
  { field: "investeringssum", header: "Investeringssum", required: true },
  { field: "realiseretGevinst", header: "Realiseret gevinst", required: false },
  { field: "forbrug", header: "Forbrug", required: false },
  // The expected net gain at the previous follow-up: the change is a pool movement (R8).
  { field: "tidligereNettogevinst", header: "Tidligere nettogevinst", required: false },
  { field: "pulje", header: "Pulje", required: false },
  // The year (or years, "2019: 60 %; 2020: 40 %") the change in net gain belongs to; blank = the Budgetår.
  { field: "år", header: "År", required: false },
];

export interface InvestmentProject {
  nr: string;
  projekt: string;
  gevinst: Amount;
  investeringssum: Amount;
  realiseretGevinst?: Amount;
  forbrug?: Amount;
  tidligereNettogevinst?: Kroner;
  pulje?: string;
  /** The years the change in net gain lands in (R8); empty = the Budgetår. */
  fordeling?: CarryOverShare[];
  at?: Location;
}

export interface InvestmentResult {
  project: InvestmentProject;
  nettogevinst: Amount;
  /** gevinst / investeringssum rounded to 2 decimals; undefined without a positive investeringssum. */
  afkastgrad: number | undefined;
  realiseretNettogevinst: Amount | undefined;
  /** R8: nettogevinst − tidligere nettogevinst (kr.), when the previous one is given. */
  ændring: Kroner | undefined;
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
  /** The sum of the changes in expected net gain (kr.); undefined when no project states a previous one. */
  ændring: Kroner | undefined;
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
    const nettogevinst = difference(project.gevinst, project.investeringssum);
    return {
      project,
      nettogevinst,
      ændring:
        project.tidligereNettogevinst === undefined
          ? undefined
          : difference(nettogevinst, project.tidligereNettogevinst),
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
    ændring: rows.some((r) => r.ændring !== undefined) ? sum(rows.map((r) => r.ændring ?? 0)) : undefined,
  };
}

/**
 * R8's ledger line (type Investeringsprojekter) of one year: the changes in expected net gain per sub-pool,
 * in the ledger's unit — each project's change split over its År (whole kr., the last year takes the
 * remainder), a project without År in the Budgetår. A project without a Pulje goes to the only pool, or is
 * reported when there are several (once, with the Budgetår's line).
 */
export function investmentLedgerLine(
  result: InvestmentsResult,
  pools: readonly string[],
  unit: Unit,
  diagnostics: DiagnosticSink,
  year?: number,
  budgetYear?: number,
): Amount[] {
  const kroner: Kroner[][] = pools.map(() => []);
  for (const r of result.rows) {
    if (r.ændring === undefined) continue;
    const share = changeInYear(r, year, budgetYear);
    if (share === undefined) continue;
    const pulje = r.project.pulje;
    const index = poolIndex(pulje, pools);
    if (index < 0) {
      if (year === budgetYear)
        diagnostics.error("UNKNOWN_POOL", messages.unknownPool(pulje ?? "", pools), r.project.at ?? {});
      continue;
    }
    kroner[index]!.push(share);
  }
  return kroner.map((k) => clean(fromKroner(sum(k), unit)));
}

/** The part of a project's change in net gain (kr.) that lands in a year; undefined when none does. */
function changeInYear(r: InvestmentResult, year: number | undefined, budgetYear: number | undefined) {
  const shares = r.project.fordeling ?? [];
  if (shares.length === 0) return year === budgetYear ? r.ændring : undefined;
  const part = splitCarryOver(r.ændring ?? 0, shares).find((s) => s.år === year);
  return part?.beløb;
}

/** The years the projects' changes are dated to (År), for the message when a year has no ledger. */
export function investmentYears(result: InvestmentsResult): { år: number; project: InvestmentProject }[] {
  return result.rows.flatMap((r) =>
    r.ændring === undefined ? [] : (r.project.fordeling ?? []).map((s) => ({ år: s.år, project: r.project })),
  );
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
  diagnostics: DiagnosticSink,
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
    const tidligereNettogevinst = amount("tidligereNettogevinst", "Tidligere nettogevinst", false);
    if (gevinst === undefined || investeringssum === undefined) continue;
    const pulje = cellText(record.cells.pulje);
    const yearText = cellText(record.cells.år);
    const fordeling = yearText === undefined ? [] : parseCarryOverSplit(yearText);
    if (fordeling === undefined) {
      diagnostics.error("BAD_SPLIT", messages.badSplit(yearText ?? ""), record.cells.år?.at ?? record.at);
      continue;
    }
    projects.push({
      nr,
      projekt: cellText(record.cells.projekt) ?? "",
      gevinst,
      investeringssum,
      realiseretGevinst,
      forbrug,
      ...(tidligereNettogevinst === undefined ? {} : { tidligereNettogevinst }),
      ...(pulje === undefined ? {} : { pulje }),
      ...(fordeling.length === 0 ? {} : { fordeling }),
      at: record.at,
    });
  }
  return projects;
}
