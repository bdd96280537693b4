import { above, atMost, clean } from "./compare";
import { Flag } from "./flags";
import { Amount } from "./units";

export interface PoolOutcomeThresholds {
  budgetvaern: Amount;
  poolGreenFrom: Amount;
  poolRedShareOfBudgetvaern: number;
}

export interface PoolOutcome {
  resultat: Amount;
  /** The deficit, max(0, −resultat). */
  underskud: Amount;
  budgetvaern: Amount;
  /** The part of the budgetværn used, min(budgetværn, underskud). */
  budgetvaernBrugt: Amount;
  /** R5.1 max(0, −resultat − budgetværn). */
  kassefinansiering: Amount;
  flag: Flag;
}

/** R5.1 what the treasury must cover: max(0, −resultat − budgetværn). */
export function cashFinancing(resultat: Amount, budgetvaern: Amount): Amount {
  return clean(Math.max(0, -resultat - budgetvaern));
}

/**
 * R5.2 the pool's own flag (interpretation, as parameters): GRØN if resultat ≥ the green limit (0);
 * GUL if the deficit is covered by the budgetværn (≤ share × budgetværn); RØD otherwise.
 */
export function poolFlag(resultat: Amount, t: PoolOutcomeThresholds): Flag {
  if (atMost(t.poolGreenFrom, resultat)) return "GRØN";
  const deficit = Math.max(0, -resultat);
  return above(deficit, t.budgetvaern * t.poolRedShareOfBudgetvaern) ? "RØD" : "GUL";
}

/** R5: budgetværn use, kassefinansiering and the flag for a pool result. */
export function poolOutcome(resultat: Amount, t: PoolOutcomeThresholds): PoolOutcome {
  const underskud = Math.max(0, -resultat) + 0;
  return {
    resultat,
    underskud,
    budgetvaern: t.budgetvaern,
    budgetvaernBrugt: Math.min(t.budgetvaern, underskud),
    kassefinansiering: cashFinancing(resultat, t.budgetvaern),
    flag: poolFlag(resultat, t),
  };
}
