import {
  Appropriation,
  appropriations,
  BudgetModelResult,
  computeBudgetModel,
  computeFollowUp,
  computeInvestments,
  computeLedger,
  computeYearEnd,
  countFlags,
  Diagnostics,
  Flag,
  FollowUpResult,
  InvestmentsResult,
  isOutsidePools,
  LedgerResult,
  PoolOutcome,
  poolOutcome,
  YearEndResult,
  yearEndMovement,
} from "../domain";
import { workbookMessages } from "./messages";
import { ContractInputs, matchesPool } from "./readContract";

/** Every result the contract writes back and summarises. */
export interface ContractResults {
  followUp?: FollowUpResult;
  ledger?: LedgerResult;
  outcome?: PoolOutcome;
  outcomeExcludingPrognoses?: PoolOutcome;
  budgetModel?: BudgetModelResult[];
  yearEnd?: YearEndResult;
  /** R7's ledger line: the kassen part per sub-pool, keyed by pool name. */
  yearEndLedgerLine?: Record<string, number>;
  investments?: InvestmentsResult;
  appropriations?: Appropriation[];
  flagCounts?: Record<"økonomi" | "mængder" | "refusion", Record<Flag, number>>;
}

/** Applies the rules to what was read. Pure: no reading, no writing. */
export function computeContract(inputs: ContractInputs, diagnostics: Diagnostics): ContractResults {
  const p = inputs.parameters;
  const results: ContractResults = {};
  if (inputs.followUp) {
    const followUp = computeFollowUp(inputs.followUp.rows, p);
    results.followUp = followUp;
    results.flagCounts = {
      økonomi: countFlags(followUp.rows.map((r) => r.økonomi)),
      mængder: countFlags(followUp.rows.map((r) => r.mængder)),
      refusion: countFlags(followUp.rows.map((r) => r.refusion)),
    };
    const pooled = new Map(
      [...followUp.groups].filter(([pool]) => !isOutsidePools(pool)).map(([pool, t]) => [pool, t.afvigelse]),
    );
    if (p.budgetYear === undefined) {
      if (pooled.size > 0) diagnostics.warning("MISSING_YEAR", workbookMessages.missingYear(), {});
    } else {
      results.appropriations = appropriations(pooled, p.budgetYear, p);
    }
    if (inputs.ledger) {
      for (const pool of pooled.keys()) {
        if (!matchesPool(pool, inputs.ledger.ledger.pools)) {
          const row = inputs.followUp.rows.find((r) => r.pulje === pool);
          diagnostics.warning("UNKNOWN_POOL", workbookMessages.unknownPoolInFollowUp(pool), row?.at ?? {});
        }
      }
    }
  }
  if (inputs.ledger) {
    const ledger = computeLedger(inputs.ledger.ledger);
    results.ledger = ledger;
    results.outcome = poolOutcome(ledger.result.total, p);
    results.outcomeExcludingPrognoses = poolOutcome(ledger.resultExcludingPrognoses.total, p);
  }
  if (inputs.budgetModel) results.budgetModel = computeBudgetModel(inputs.budgetModel.rows);
  if (inputs.yearEnd) {
    results.yearEnd = computeYearEnd(inputs.yearEnd.rows);
    const pools = inputs.ledger?.ledger.pools ?? [
      ...new Set(inputs.yearEnd.rows.flatMap((l) => (l.pulje ? [l.pulje] : []))),
    ];
    if (pools.length > 0) {
      const values = yearEndMovement(results.yearEnd, pools, p.steeringArea, diagnostics);
      results.yearEndLedgerLine = Object.fromEntries(pools.map((pool, i) => [pool, values[i] ?? 0]));
    }
  }
  if (inputs.investments)
    results.investments = computeInvestments(inputs.investments.rows, p.investmentMinReturn);
  return results;
}
