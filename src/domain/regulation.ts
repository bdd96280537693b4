import { clean, difference, sum } from "./compare";
import { Amount } from "./units";

/**
 * R6.2, a model of lov om kommunal udligning og generelle tilskud § 23 a (to be checked by the user).
 * merudgiftsbehov_k = (udgifter − Σ grundtilskud) × L_k / Σ L, where L = bruttoledige dagpengemodtagere
 * (fuldtidspersoner) two years before the grant year. Undefined when Σ L is not positive.
 */
export function additionalNeed(
  udgifter: Amount,
  sumGrundtilskud: Amount,
  ledige: number,
  sumLedige: number,
): Amount | undefined {
  if (!(sumLedige > 0) || ledige < 0 || ledige > sumLedige) return undefined;
  return clean(((udgifter - sumGrundtilskud) * ledige) / sumLedige);
}

/** A municipality in the § 23 a model. */
export interface GrantMunicipality {
  name: string;
  landsdel: string;
  grundtilskud: Amount;
  /** Bruttoledige dagpengemodtagere (fuldtidspersoner) two years before the grant year. */
  ledige: number;
}

export interface GrantShare {
  name: string;
  landsdel: string;
  merudgiftsbehov: Amount;
  beskaeftigelsestilskud: Amount;
}

/** The grant of every municipality: grundtilskud + merudgiftsbehov, the need shared over the whole group. */
export function employmentGrant(
  municipalities: readonly GrantMunicipality[],
  udgifter: Amount,
): GrantShare[] {
  const sumGrundtilskud = sum(municipalities.map((m) => m.grundtilskud));
  const sumLedige = sum(municipalities.map((m) => m.ledige));
  return municipalities.map((m) => {
    const need = additionalNeed(udgifter, sumGrundtilskud, m.ledige, sumLedige) ?? 0;
    return {
      name: m.name,
      landsdel: m.landsdel,
      merudgiftsbehov: need,
      beskaeftigelsestilskud: m.grundtilskud + need,
    };
  });
}

/**
 * Midtvejsregulering_k = merudgiftsbehov_k at the updated national expenditure estimate − at the estimate
 * used at budget time. The amounts sum over the country to the change in the need.
 */
export function midYearRegulation(
  municipalities: readonly GrantMunicipality[],
  udgifterBudget: Amount,
  udgifterUpdated: Amount,
): Map<string, Amount> {
  const before = employmentGrant(municipalities, udgifterBudget);
  const after = employmentGrant(municipalities, udgifterUpdated);
  return new Map(before.map((b, i) => [b.name, difference(after[i]!.merudgiftsbehov, b.merudgiftsbehov)]));
}

/**
 * Efterregulering_k = merudgiftsbehov_k from the landsdel's actual expenditure, shared within the
 * landsdel − merudgiftsbehov_k after the midtvejsregulering (national estimate). The amounts sum over
 * each landsdel to (actual − Σ grundtilskud of the landsdel) − Σ previous needs of the landsdel.
 */
export function finalRegulation(
  municipalities: readonly GrantMunicipality[],
  udgifterAfterMidYear: Amount,
  actualPerLandsdel: ReadonlyMap<string, Amount>,
): Map<string, Amount> {
  const previous = new Map(
    employmentGrant(municipalities, udgifterAfterMidYear).map((g) => [g.name, g.merudgiftsbehov]),
  );
  const result = new Map<string, Amount>();
  for (const landsdel of new Set(municipalities.map((m) => m.landsdel))) {
    const members = municipalities.filter((m) => m.landsdel === landsdel);
    const actual = actualPerLandsdel.get(landsdel);
    if (actual === undefined) continue;
    for (const share of employmentGrant(members, actual)) {
      result.set(share.name, difference(share.merudgiftsbehov, previous.get(share.name)!));
    }
  }
  return result;
}

/**
 * The budgetgaranti part of the midtvejsregulering: the national change in guaranteed expenditure is
 * passed on krone for krone; the municipality's share is a parameter (default its population share).
 */
export function guaranteeRegulation(nationalChange: Amount, share: number): Amount {
  return nationalChange * share + 0;
}

/** Population share as the default share of the budgetgaranti regulation. */
export function populationShare(population: number, nationalPopulation: number): number | undefined {
  return nationalPopulation > 0 && population >= 0 ? population / nationalPopulation : undefined;
}
