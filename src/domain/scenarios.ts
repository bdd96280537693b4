import { clean } from "./compare";
import { computeLedger, Ledger, LedgerLine, MovementType, PoolAmounts, Status } from "./poolLedger";
import { poolOutcome, PoolOutcome, PoolOutcomeThresholds } from "./poolOutcome";
import { normalizeName } from "./normalize";
import { Amount } from "./units";

/** One prognosis of a regulation: its amount per sub-pool (pools not named are 0). */
export interface RegulationScenario {
  name: string;
  type: MovementType;
  amounts: Record<string, Amount>;
  status?: Status;
  kilde?: string;
}

export interface ScenarioResult {
  name: string;
  result: PoolAmounts;
  outcome: PoolOutcome;
}

/**
 * R6.1: the ledger with every movement of the scenario's type replaced by one movement holding the
 * scenario's amounts, placed where the first such movement was, or just above the Resultat line (or at
 * the end) when the ledger has none. The input ledger is not changed.
 */
export function applyScenario(ledger: Ledger, scenario: RegulationScenario): Ledger {
  const values = ledger.pools.map((pool) => {
    const key = Object.keys(scenario.amounts).find((k) => normalizeName(k) === normalizeName(pool));
    return key === undefined ? 0 : scenario.amounts[key]!;
  });
  const movement: LedgerLine = {
    post: scenario.name,
    type: scenario.type,
    status: scenario.status ?? "Prognose",
    values,
    ...(scenario.kilde === undefined ? {} : { kilde: scenario.kilde }),
  };
  const firstOfType = ledger.lines.findIndex((l) => l.type === scenario.type);
  const kept = ledger.lines.filter((l) => l.type !== scenario.type);
  let at: number;
  if (firstOfType >= 0) at = firstOfType;
  else {
    const resultIndex = kept.findIndex((l) => l.type === "Resultat");
    at = resultIndex >= 0 ? resultIndex : kept.length;
  }
  return { pools: [...ledger.pools], lines: [...kept.slice(0, at), movement, ...kept.slice(at)] };
}

/** The pool result, budgetværn use and kassefinansiering under each scenario, side by side. */
export function evaluateScenarios(
  ledger: Ledger,
  scenarios: readonly RegulationScenario[],
  thresholds: PoolOutcomeThresholds,
): ScenarioResult[] {
  return scenarios.map((scenario) => {
    const result = computeLedger(applyScenario(ledger, scenario)).result;
    return { name: scenario.name, result, outcome: poolOutcome(result.total, thresholds) };
  });
}

/**
 * A sensitivity row: the outcome for each amount of one regulation on one sub-pool, the other
 * movements of the ledger as they are.
 */
export function sensitivity(
  ledger: Ledger,
  type: MovementType,
  pool: string,
  amounts: readonly Amount[],
  thresholds: PoolOutcomeThresholds,
): ScenarioResult[] {
  return evaluateScenarios(
    ledger,
    amounts.map((amount) => ({
      name: String(amount),
      type,
      amounts: onePoolVaried(ledger, type, pool, amount),
    })),
    thresholds,
  );
}

/**
 * A regulation's amounts per pool with one pool's part set to the amount and the other pools' parts as
 * the ledger has them (the sum of its movements of that type): varying the budgetgaranti part of the
 * midtvejsregulering keeps the beskæftigelsestilskud part.
 */
export function onePoolVaried(
  ledger: Ledger,
  type: MovementType,
  pool: string,
  amount: Amount,
): Record<string, Amount> {
  const ofType = ledger.lines.filter((l) => l.type === type);
  const amounts: Record<string, Amount> = {};
  ledger.pools.forEach((name, i) => {
    amounts[name] = clean(ofType.reduce((total, l) => total + (l.values[i] ?? 0), 0));
  });
  const key = ledger.pools.find((p) => normalizeName(p) === normalizeName(pool)) ?? pool;
  amounts[key] = amount;
  return amounts;
}

/**
 * The amount of a regulation on one pool at which the budgetværn is exactly used up (deficit =
 * budgetværn): the ledger's result is linear in the amount, so this is solved directly.
 */
export function amountUsingUpBudgetvaern(
  ledger: Ledger,
  type: MovementType,
  pool: string,
  budgetvaern: Amount,
): Amount {
  const withoutIt = computeLedger(
    applyScenario(ledger, { name: "", type, amounts: onePoolVaried(ledger, type, pool, 0) }),
  ).result.total;
  return clean(-budgetvaern - withoutIt);
}
