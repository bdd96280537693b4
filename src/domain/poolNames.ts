import { editDistance } from "./editDistance";
import { normalizeName } from "./normalize";

/** Danish definite and genitive endings a pool's name may be written with ("Budgetgarantien", "…tilskuddet"). */
const DEFINITE_ENDING = /^(?:e?n|e?t|d?et|ne|ene|s|ens|ets|dets)$/;

/**
 * R15.7 The known pool a written pool name is a slip of: one or two letters from it, or it with a definite
 * ending. Undefined when the name is a known pool, or near none. Names that differ in a digit ("Pulje 1",
 * "Pulje 2") are different pools, never slips.
 */
export function nearPool(name: string, known: readonly string[]): string | undefined {
  const n = normalizeName(name);
  if (known.some((k) => normalizeName(k) === n)) return undefined;
  let best: { pool: string; distance: number } | undefined;
  for (const pool of known) {
    const k = normalizeName(pool);
    const [short, long] = k.length <= n.length ? [k, n] : [n, k];
    const ending = long.startsWith(short) && DEFINITE_ENDING.test(long.slice(short.length));
    const digits = (t: string) => t.replace(/\D/g, "");
    const distance = editDistance(n, k);
    const near = distance <= 2 && Math.min(n.length, k.length) >= 6 && digits(n) === digits(k);
    if ((ending || near) && (!best || distance < best.distance)) best = { pool, distance };
  }
  return best?.pool;
}
