import { formatKroner } from "./danishNumber";
import { capitalize } from "./normalize";
import { poolDescription } from "./parameters";
import type { Parameters } from "./parameters";
import { Amount, Kroner, toWholeKroner } from "./units";

export interface Appropriation {
  /** Its indstillingspunkt: the number in the indstilling and the bevillingstabel. */
  punkt: number;
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
  punkt = 1,
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
    punkt,
    tekst,
    beløbKr: amount,
    år,
    fra: toPool ? committee : poolName,
    til: toPool ? poolName : committee,
    pulje,
    tilPuljen: toPool,
  };
}

/** R9 for every sub-pool of a follow-up, in order, skipping zeros, numbered from `first`. */
export function appropriations(
  subtotals: ReadonlyMap<string, Amount>,
  år: number,
  parameters: Parameters,
  first = 1,
): Appropriation[] {
  const list: Appropriation[] = [];
  for (const [pulje, subtotal] of subtotals) {
    const a = appropriation(pulje, subtotal, år, parameters, first + list.length);
    if (a) list.push(a);
  }
  return list;
}
