import { difference, sum } from "./compare";
import type { Location } from "./diagnostics";
import { normalizeName } from "./normalize";
import { OUTSIDE_POOLS } from "./parameters";
import type { Amount } from "./units";

/** The kinds of amount column a follow-up can carry per year (R11). */
export const YEAR_ARTS = [
  "Regnskab",
  "Vedtaget budget",
  "Korrigeret budget",
  "Forventet regnskab",
  "Budget",
] as const;
export type YearArt = (typeof YEAR_ARTS)[number];

/** A year-labelled amount column: `<art> <år>` or `<art> <år> ved <opfølgning>`. */
export interface YearLabel {
  art: YearArt;
  år: number;
  /** The earlier follow-up a forecast was made at ("Økonomisk Status"); absent for the current one. */
  ved?: string;
}

const PATTERN = /^(.*?)\s+(\d{4})(?:\s+ved\s+(.+))?$/i;

/**
 * Reads a year-labelled header ("Forventet regnskab 2024", "Forventet regnskab 2024 ved Økonomisk
 * Status", "Budget 2025 (1.000 kr.)"); undefined for any other header. The art is matched as names are
 * (case, æ/ae …); a trailing unit is ignored.
 */
export function parseYearHeader(header: string): YearLabel | undefined {
  const text = header
    .replace(/\s*\([^()]*\)\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
  const match = PATTERN.exec(text);
  if (!match) return undefined;
  const art = YEAR_ARTS.find((a) => normalizeName(a) === normalizeName(match[1]!));
  if (!art) return undefined;
  const ved = match[3]?.trim();
  return { art, år: Number(match[2]), ...(ved ? { ved } : {}) };
}

/** The output column of an earlier forecast (R12.1). */
export function changeHeader(ved: string): string {
  return `Ændring siden ${ved}`;
}

/** Reads "Ændring siden <opfølgning>" back: the follow-up it names, or undefined. */
export function parseChangeHeader(header: string): string | undefined {
  const match = /^ændring siden\s+(.+)$/i.exec(header.replace(/\s+/g, " ").trim());
  return match?.[1]?.trim();
}

/** A year-labelled column of the follow-up, in the table's order. */
export interface YearColumn {
  label: YearLabel;
  header: string;
}

/** A follow-up row's amounts in the year columns (undefined = blank: the line does not exist that year). */
export interface YearRow {
  område: string;
  pulje: string;
  amounts: (Amount | undefined)[];
  at?: Location;
}

/** R11 Samlet: each year column's sum over the rows in the pools (blank = 0; outside the pools left out). */
export function yearTotals(columns: readonly YearColumn[], rows: readonly YearRow[]): Amount[] {
  const pooled = rows.filter((r) => !isOutside(r.pulje));
  return columns.map((_, i) => sum(pooled.map((r) => r.amounts[i] ?? 0)));
}

/** The column of an art and year (the current one: no "ved"), or -1. */
export function yearColumnIndex(columns: readonly YearColumn[], art: YearArt, år: number): number {
  return columns.findIndex((c) => c.label.art === art && c.label.år === år && c.label.ved === undefined);
}

/**
 * R12.2 A year's follow-up per pool: budget (Korrigeret, else Vedtaget) − Forventet regnskab over the rows
 * that exist that year; undefined when the table has no forecast or no budget for the year.
 */
export function yearDeviations(
  columns: readonly YearColumn[],
  rows: readonly YearRow[],
  år: number,
): Map<string, Amount> | undefined {
  const forecast = yearColumnIndex(columns, "Forventet regnskab", år);
  const korrigeret = yearColumnIndex(columns, "Korrigeret budget", år);
  const budget = korrigeret >= 0 ? korrigeret : yearColumnIndex(columns, "Vedtaget budget", år);
  if (forecast < 0 || budget < 0) return undefined;
  const out = new Map<string, Amount>();
  for (const row of rows) {
    const b = row.amounts[budget];
    const f = row.amounts[forecast];
    if (b === undefined && f === undefined) continue;
    out.set(row.pulje, sum([out.get(row.pulje) ?? 0, difference(b ?? 0, f ?? 0)]));
  }
  return out;
}

/** R12.1 the change since an earlier follow-up: per row, per pool and in total (earlier − current). */
export interface ForecastChange {
  siden: string;
  år: number;
  /** Per row of `rows`: undefined where the row has no earlier or no current forecast. */
  perRow: (Amount | undefined)[];
  groups: Map<string, Amount>;
  total: Amount;
}

/** Every earlier forecast of the year beside the current one gives a change (+ = expected expenditure fell). */
export function forecastChanges(
  columns: readonly YearColumn[],
  rows: readonly YearRow[],
  år: number,
): ForecastChange[] {
  const current = yearColumnIndex(columns, "Forventet regnskab", år);
  if (current < 0) return [];
  return columns.flatMap((c, index) => {
    if (c.label.art !== "Forventet regnskab" || c.label.år !== år || c.label.ved === undefined) return [];
    const perRow = rows.map((r) => {
      const earlier = r.amounts[index];
      const now = r.amounts[current];
      return earlier === undefined || now === undefined ? undefined : difference(earlier, now);
    });
    const groups = new Map<string, Amount>();
    rows.forEach((r, i) => {
      const change = perRow[i];
      if (change !== undefined) groups.set(r.pulje, sum([groups.get(r.pulje) ?? 0, change]));
    });
    const total = sum([...groups].filter(([pool]) => !isOutside(pool)).map(([, v]) => v));
    return [{ siden: c.label.ved, år, perRow, groups, total }];
  });
}

function isOutside(pool: string): boolean {
  return normalizeName(pool) === normalizeName(OUTSIDE_POOLS);
}

/** One column of the years overview (R11): the Samlet row and the pool figure, or why there is none. */
export interface YearOverviewColumn {
  kolonne: string;
  art: YearArt;
  år: number;
  ved?: string;
  samlet: Amount;
  reservationspulje: Amount | null;
  /** Where the pool figure comes from, or why it cannot be known (never a silent 0). */
  grundlag: string;
}

/** What the overview knows of a year's pool: its ledger's opening and result, its budget model. */
export interface YearPool {
  /** The ledger's Oprindelig line (I alt), when the year has a ledger with one. */
  opening?: Amount;
  /** The ledger's result now (I alt), when the year has a ledger. */
  result?: Amount;
  /** Whether the ledger still holds prognoses (the result is then not final). */
  hasPrognoses?: boolean;
  /** The budget model's opening pool for the year (R3), when given. */
  budgetModel?: Amount;
}

/**
 * R11 The years overview: per year column the Samlet and the Reservationspulje — Regnskab T: year T's
 * ledger result; Vedtaget budget T: its opening pool (the ledger's Oprindelig line, else the budget
 * model); Forventet regnskab T: its ledger result now; Budget T: the budget model. An earlier forecast
 * (ved …) and a Korrigeret budget have no pool figure of their own; a year without the source says so.
 */
export function yearsOverview(
  columns: readonly YearColumn[],
  totals: readonly Amount[],
  pools: ReadonlyMap<number, YearPool>,
): YearOverviewColumn[] {
  return columns.map((c, i) => {
    const { art, år, ved } = c.label;
    const pool = pools.get(år) ?? {};
    const base = { kolonne: c.header, art, år, ...(ved ? { ved } : {}), samlet: totals[i] ?? 0 };
    const none = (grundlag: string) => ({ ...base, reservationspulje: null, grundlag });
    const from = (value: Amount, grundlag: string) => ({ ...base, reservationspulje: value, grundlag });
    if (ved !== undefined) return none(`En tidligere prognose (ved ${ved}); puljen fra dengang vises ikke.`);
    switch (art) {
      case "Regnskab":
        if (pool.result === undefined)
          return none(`Intet puljeregnskab for ${år} på arket Reservationspulje.`);
        return from(
          pool.result,
          pool.hasPrognoses
            ? `Resultatet af puljeregnskabet for ${år}; det indeholder endnu prognoser og er ikke endeligt.`
            : `Resultatet af puljeregnskabet for ${år}.`,
        );
      case "Vedtaget budget":
        if (pool.opening !== undefined)
          return from(pool.opening, `Oprindelig-linjen i puljeregnskabet for ${år}.`);
        if (pool.budgetModel !== undefined)
          return from(pool.budgetModel, `Budgetmodellen for ${år} (KL's skøn − forvaltningens skøn).`);
        return none(
          `Hverken en Oprindelig-linje for ${år} i Reservationspulje eller en budgetmodel for ${år}.`,
        );
      case "Forventet regnskab":
        if (pool.result === undefined)
          return none(`Intet puljeregnskab for ${år} på arket Reservationspulje.`);
        return from(pool.result, `Det forventede resultat af puljeregnskabet for ${år}.`);
      case "Budget":
        if (pool.budgetModel === undefined) return none(`Ingen budgetmodel for ${år} på arket Budgetmodel.`);
        return from(pool.budgetModel, `Budgetmodellen for ${år} (KL's skøn − forvaltningens skøn).`);
      case "Korrigeret budget":
        return none(
          "Puljen opgøres ikke for et korrigeret budget; se Vedtaget budget og Forventet regnskab.",
        );
    }
  });
}
