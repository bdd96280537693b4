import { formatKroner } from "./danishNumber";
import { messages } from "./messages";
import { capitalize } from "./normalize";
import { poolDescription } from "./parameters";
import type { Parameters } from "./parameters";
import { Amount, Kroner, toWholeKroner, Unit } from "./units";

export interface Appropriation {
  /** The R9 sentence. */
  tekst: string;
  /** The amount in whole kr., always positive; the direction is in the sentence and Fra/Til. */
  beløbKr: Kroner;
  år: number;
  fra: string;
  til: string;
  pulje: string;
  /** A mindreforbrug: the money goes from the committee to the reservation pool. */
  tilPuljen: boolean;
}

/**
 * R9: one budget-neutral tillægsbevilling for a sub-pool's follow-up subtotal (in the table's unit).
 * A mindreforbrug goes from the committee to the reservation pool; a merforbrug the other way; zero
 * (in whole kr.) gives none.
 */
export function appropriation(
  pulje: string,
  subtotal: Amount,
  år: number,
  parameters: Parameters,
): Appropriation | undefined {
  const kroner = toWholeKroner(subtotal, parameters.unit);
  if (kroner === 0) return undefined;
  const amount = Math.abs(kroner);
  const pool = `reservationspuljen under ${parameters.poolCommittee} vedrørende ${poolDescription(parameters, pulje)}`;
  const area = `på styringsområdet ${parameters.steeringArea} på ${formatKroner(amount)} i ${år}`;
  const toPool = kroner > 0;
  const tekst = toPool
    ? `Budgetneutral tillægsbevilling fra ${parameters.committee} ${area}, til ${pool}.`
    : `Budgetneutral tillægsbevilling til ${parameters.committee} ${area}, fra ${pool}.`;
  const committee = `${parameters.committee}, ${parameters.steeringArea}`;
  const poolName = capitalize(pool);
  return {
    tekst,
    beløbKr: amount,
    år,
    fra: toPool ? committee : poolName,
    til: toPool ? poolName : committee,
    pulje,
    tilPuljen: toPool,
  };
}

/** R9 for every sub-pool of a follow-up, in order, skipping zeros. */
export function appropriations(
  subtotals: ReadonlyMap<string, Amount>,
  år: number,
  parameters: Parameters,
): Appropriation[] {
  return [...subtotals].flatMap(([pulje, subtotal]) => appropriation(pulje, subtotal, år, parameters) ?? []);
}

/**
 * R0.6: why decision amounts may differ from the exact ones — undefined when the table is in kr. (exact),
 * else the note to show next to them (sheet, pane, report).
 */
export function roundingNote(unit: Unit): string[] | undefined {
  return unit === "kr." ? undefined : messages.roundedDecisionAmounts(unit);
}
