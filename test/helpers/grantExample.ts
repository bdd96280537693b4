import { GrantEstimateInputs } from "../../src/domain";

/**
 * Municipality A of the hand-computed § 23 a example (test/domain/regulation.test.ts): three
 * municipalities in two landsdele, Σ grundtilskud 60 (Fyn 30), Σ ledige 1.000 (Fyn 400). Gives
 * merudgiftsbehov 100 → 110, midtvejsregulering +10, efterregulering +15, budgetgaranti −80.
 */
export const GRANT_EXAMPLE_A: Required<Omit<GrantEstimateInputs, "garantiAndel">> = {
  grundtilskud: 10,
  grundtilskudLand: 60,
  grundtilskudLandsdel: 30,
  udgifterBudget: 1060,
  udgifterMidtvejs: 1160,
  udgifterLandsdel: 530,
  ledige: 100,
  ledigeLandsdel: 400,
  ledigeLand: 1000,
  garantiAendring: -2000,
  indbyggere: 200,
  indbyggereLand: 5000,
};
