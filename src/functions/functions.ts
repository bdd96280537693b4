/// <reference types="custom-functions-runtime" />
import {
  additionalNeed,
  cashFinancing,
  defaultParameters,
  deviation,
  difference,
  economyFlag,
  openingPool,
  parseUnit,
  quantityFlag,
  refundFlag,
  returnRatio,
  sum,
} from "../domain";
import {
  cellNumber,
  isError,
  matrix,
  missingError,
  numberError,
  option,
  overCells,
  Result,
  valueError,
} from "./cells";

/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata only accepts the literal
   types any[][] / number / string in signatures; values are checked cell by cell inside. */
/*
 * The PULJE.* worksheet functions: thin wrappers over src/domain. The IDs in the
 * @customfunction tags are part of the contract and never change.
 */

const defaults = defaultParameters();

function amounts(
  cells: (string | number | boolean | null | undefined)[],
  fields: string[],
): number[] | Result {
  const out: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const n = cellNumber(cells[i], fields[i]!);
    if (n === undefined) return missingError(`${fields[i]} mangler.`);
    if (isError(n)) return n;
    out.push(n);
  }
  return out;
}

/**
 * Mer-/mindreforbrug: korrigeret budget minus forventet regnskab (+ = mindreforbrug).
 * @customfunction AFVIGELSE AFVIGELSE
 * @param {any[][]} korrigeret Korrigeret budget (celle eller område).
 * @param {any[][]} forventet Forventet regnskab (celle eller område af samme størrelse).
 * @returns {any[][]} Afvigelsen pr. celle.
 */
export function afvigelse(korrigeret: any[][], forventet: any[][]): any[][] {
  return matrix(
    overCells([korrigeret, forventet], (cells) => {
      const n = amounts(cells, ["Korrigeret budget", "Forventet regnskab"]);
      return Array.isArray(n) ? deviation(n[0]!, n[1]!) : n;
    }),
  );
}

/**
 * Lyskryds for økonomi: GRØN, GUL, RØD eller – når tal mangler.
 * @customfunction OEKONOMI OEKONOMI
 * @param {any[][]} korrigeret Korrigeret budget.
 * @param {any[][]} forventet Forventet regnskab.
 * @param {string} [enhed] Tabellens enhed: "kr.", "1.000 kr." (standard) eller "mio. kr.".
 * @param {number} [beloebsgraense] Merforbrug til og med dette beløb i kr. er GRØN (standard 250.000).
 * @param {number} [gul_andel] Merforbrug under denne andel af budgettet er GRØN (standard 0,25 %).
 * @param {number} [roed_andel] Merforbrug over denne andel af budgettet er RØD (standard 1,5 %).
 * @returns {any[][]} Flaget pr. celle.
 */
export function oekonomi(
  korrigeret: any[][],
  forventet: any[][],
  enhed?: string,
  beloebsgraense?: number,
  gul_andel?: number,
  roed_andel?: number,
): any[][] {
  const unit =
    enhed === undefined || enhed === null || enhed === "" ? defaults.unit : parseUnit(String(enhed));
  if (unit === undefined)
    throw valueError(`Ukendt enhed "${String(enhed)}". Brug kr., 1.000 kr. eller mio. kr.`);
  const amount = option(beloebsgraense, "beløbsgrænse", defaults.economyAmountKr);
  const yellow = option(gul_andel, "gul andel", defaults.economyYellowShare);
  const red = option(roed_andel, "rød andel", defaults.economyRedShare);
  for (const o of [amount, yellow, red]) if (isError(o)) throw o;
  if ((amount as number) < 0 || (yellow as number) < 0 || (red as number) < (yellow as number)) {
    throw numberError(/* Grænserne skal være positive, og rød andel må ikke være mindre end gul andel. */);
  }
  const t = {
    unit,
    economyAmountKr: amount as number,
    economyYellowShare: yellow as number,
    economyRedShare: red as number,
  };
  return matrix(
    overCells([korrigeret, forventet], (cells) =>
      flag(cells, ["Korrigeret budget", "Forventet regnskab"], (a, b) => economyFlag(a, b, t)),
    ),
  );
}

/** A flag from two optional numbers: blank gives "–", unreadable text an error. */
function flag(
  cells: (string | number | boolean | null | undefined)[],
  fields: string[],
  fn: (a?: number, b?: number) => string,
  rate = false,
): Result {
  const a = cellNumber(cells[0], fields[0]!, rate);
  const b = cellNumber(cells[1], fields[1]!, rate);
  if (isError(a)) return a;
  if (isError(b)) return b;
  return fn(a, b);
}

/**
 * Lyskryds for mængder på fuldtidspersoner.
 * @customfunction MAENGDER MAENGDER
 * @param {any[][]} budgetterede Budgetterede fuldtidspersoner.
 * @param {any[][]} forventede Forventede fuldtidspersoner.
 * @param {number} [gul_personer] Stigning til og med dette antal er GRØN (standard 50).
 * @param {number} [roed_personer] Stigning over dette antal er RØD (standard 100).
 * @param {number} [gul_andel] Stigning under denne andel er GRØN (standard 3 %).
 * @param {number} [roed_andel] Stigning over denne andel er RØD (standard 10 %).
 * @returns {any[][]} Flaget pr. celle.
 */
export function maengder(
  budgetterede: any[][],
  forventede: any[][],
  gul_personer?: number,
  roed_personer?: number,
  gul_andel?: number,
  roed_andel?: number,
): any[][] {
  const o = [
    option(gul_personer, "gul personer", defaults.quantityYellowPersons),
    option(roed_personer, "rød personer", defaults.quantityRedPersons),
    option(gul_andel, "gul andel", defaults.quantityYellowShare),
    option(roed_andel, "rød andel", defaults.quantityRedShare),
  ];
  for (const x of o) if (isError(x)) throw x;
  const [yp, rp, ys, rs] = o as number[];
  const t = {
    quantityYellowPersons: yp!,
    quantityRedPersons: rp!,
    quantityYellowShare: ys!,
    quantityRedShare: rs!,
  };
  return matrix(
    overCells([budgetterede, forventede], (cells) =>
      flag(cells, ["Budgetterede fuldtidspersoner", "Forventede fuldtidspersoner"], (a, b) =>
        quantityFlag(a, b, t),
      ),
    ),
  );
}

/**
 * Lyskryds for refusion på den gennemsnitlige refusionssats (0,21 eller 21 %).
 * @customfunction REFUSION REFUSION
 * @param {any[][]} budgetteret_sats Budgetteret refusionssats.
 * @param {any[][]} forventet_sats Forventet refusionssats.
 * @param {number} [gul_fald] Fald under dette antal procentpoint er GRØN (standard 0,5).
 * @param {number} [roed_fald] Fald over dette antal procentpoint er RØD (standard 1,0).
 * @returns {any[][]} Flaget pr. celle.
 */
export function refusion(
  budgetteret_sats: any[][],
  forventet_sats: any[][],
  gul_fald?: number,
  roed_fald?: number,
): any[][] {
  const y = option(gul_fald, "gul fald", defaults.refundYellowPoints);
  const r = option(roed_fald, "rød fald", defaults.refundRedPoints);
  if (isError(y)) throw y;
  if (isError(r)) throw r;
  const t = { refundYellowPoints: y, refundRedPoints: r };
  return matrix(
    overCells([budgetteret_sats, forventet_sats], (cells) =>
      flag(
        cells,
        ["Budgetteret refusionssats", "Forventet refusionssats"],
        (a, b) => refundFlag(a, b, t),
        true,
      ),
    ),
  );
}

/**
 * Oprindelig reservationspulje: KL's skøn minus forvaltningens skøn.
 * @customfunction RESERVATION RESERVATION
 * @param {any[][]} kl_skoen KL's skøn.
 * @param {any[][]} forvaltningens_skoen Forvaltningens skøn.
 * @returns {any[][]} Reservationspuljen pr. celle.
 */
export function reservation(kl_skoen: any[][], forvaltningens_skoen: any[][]): any[][] {
  return matrix(
    overCells([kl_skoen, forvaltningens_skoen], (cells) => {
      const n = amounts(cells, ["KL's skøn", "Forvaltningens skøn"]);
      return Array.isArray(n) ? openingPool(n[0]!, n[1]!) : n;
    }),
  );
}

/**
 * Løbende saldo af en kolonne af bevægelser; tomme celler tæller som 0.
 * @customfunction SALDO SALDO
 * @param {any[][]} bevaegelser Bevægelserne, én kolonne.
 * @returns {any[][]} Saldoen efter hver bevægelse.
 */
export function saldo(bevaegelser: any[][]): any[][] {
  if (bevaegelser.some((row) => row.length !== 1)) throw valueError("SALDO tager én kolonne af bevægelser.");
  const running: number[] = [];
  const out: Result[][] = [];
  for (const [cell] of bevaegelser) {
    const n = cellNumber(cell, "Bevægelse");
    if (isError(n)) throw n;
    running.push(n ?? 0);
    out.push([sum(running)]);
  }
  return out;
}

/**
 * Kassefinansiering: det underskud, budgetværnet ikke dækker.
 * @customfunction KASSE KASSE
 * @param {any[][]} resultat Puljens resultat (negativt = underskud).
 * @param {any[][]} budgetvaern Budgetværnet.
 * @returns {any[][]} Kassefinansieringen pr. celle.
 */
export function kasse(resultat: any[][], budgetvaern: any[][]): any[][] {
  return matrix(
    overCells([resultat, budgetvaern], (cells) => {
      const n = amounts(cells, ["Resultat", "Budgetværn"]);
      if (!Array.isArray(n)) return n;
      return n[1]! < 0
        ? numberError(/* Budgetværnet kan ikke være negativt. */)
        : cashFinancing(n[0]!, n[1]!);
    }),
  );
}

/**
 * Afkastgrad for et investeringsprojekt: gevinst / investeringssum, 2 decimaler.
 * @customfunction AFKASTGRAD AFKASTGRAD
 * @param {any[][]} gevinst Gevinst.
 * @param {any[][]} investeringssum Investeringssum.
 * @returns {any[][]} Afkastgraden pr. celle.
 */
export function afkastgrad(gevinst: any[][], investeringssum: any[][]): any[][] {
  return matrix(
    overCells([gevinst, investeringssum], (cells) => {
      const n = amounts(cells, ["Gevinst", "Investeringssum"]);
      if (!Array.isArray(n)) return n;
      return returnRatio(n[0]!, n[1]!) ?? numberError(/* Investeringssummen skal være større end 0. */);
    }),
  );
}

/**
 * Merudgiftsbehov efter § 23 a: (udgifter − Σ grundtilskud) × ledige / Σ ledige.
 * @customfunction MERUDGIFTSBEHOV MERUDGIFTSBEHOV
 * @param {any[][]} udgifter Udgifterne for landet eller landsdelen.
 * @param {any[][]} sum_grundtilskud Summen af grundtilskud.
 * @param {any[][]} ledige Kommunens bruttoledige dagpengemodtagere to år før.
 * @param {any[][]} sum_ledige Summen af bruttoledige.
 * @returns {any[][]} Merudgiftsbehovet pr. celle.
 */
export function merudgiftsbehov(
  udgifter: any[][],
  sum_grundtilskud: any[][],
  ledige: any[][],
  sum_ledige: any[][],
): any[][] {
  return matrix(
    overCells([udgifter, sum_grundtilskud, ledige, sum_ledige], (cells) => {
      const n = amounts(cells, ["Udgifter", "Sum af grundtilskud", "Ledige", "Sum af ledige"]);
      if (!Array.isArray(n)) return n;
      return (
        additionalNeed(n[0]!, n[1]!, n[2]!, n[3]!) ??
        numberError(/* Ledige skal ligge mellem 0 og summen af ledige, og summen skal være større end 0. */)
      );
    }),
  );
}

/**
 * Ændring siden en tidligere opfølgning: tidligere forventet regnskab minus det nuværende (+ = de forventede udgifter er faldet).
 * @customfunction AENDRING AENDRING
 * @param {any[][]} tidligere Forventet regnskab ved den tidligere opfølgning (celle eller område).
 * @param {any[][]} nu Forventet regnskab nu (celle eller område af samme størrelse).
 * @returns {any[][]} Ændringen pr. celle.
 */
export function aendring(tidligere: any[][], nu: any[][]): any[][] {
  return matrix(
    overCells([tidligere, nu], (cells) => {
      const n = amounts(cells, ["Tidligere forventet regnskab", "Forventet regnskab"]);
      return Array.isArray(n) ? difference(n[0]!, n[1]!) : n;
    }),
  );
}
