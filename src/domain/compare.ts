/**
 * Comparisons at the flag boundaries. Amounts and rates come from decimal cells, so a boundary such as
 * "exactly 1,5 %" may arrive as 0.015000000000000001; a relative tolerance far below any meaningful
 * difference keeps the documented boundaries exact without changing any other outcome.
 */
const RELATIVE_TOLERANCE = 1e-9;

function tolerance(a: number, b: number): number {
  return RELATIVE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** a ≤ b, with decimal noise forgiven. */
export function atMost(a: number, b: number): boolean {
  return a <= b + tolerance(a, b);
}

/** a < b, with decimal noise forgiven (a value equal to b up to noise is not below it). */
export function below(a: number, b: number): boolean {
  return a < b - tolerance(a, b);
}

/** a > b, with decimal noise forgiven. */
export function above(a: number, b: number): boolean {
  return !atMost(a, b);
}

/** Sum that keeps integer inputs exact and avoids accumulating binary noise on decimals. */
export function sum(values: Iterable<number>): number {
  let total = 0;
  let compensation = 0;
  for (const value of values) {
    // Kahan–Babuška summation.
    const t = total + value;
    if (Math.abs(total) >= Math.abs(value)) compensation += total - t + value;
    else compensation += value - t + total;
    total = t;
  }
  return clean(total + compensation);
}

/**
 * Removes binary noise from the result of adding decimal amounts (4.484,0 − 4.365,8 gives
 * 118,19999999999982 in binary; the amount is 118,2). Keeps 15 significant digits, which is all a
 * double holds reliably; integers below 2^53 are unchanged.
 */
export function clean(value: number): number {
  if (Number.isInteger(value)) return value + 0;
  return Number(value.toPrecision(15)) + 0;
}

/** a − b for decimal amounts, without binary noise. */
export function difference(a: number, b: number): number {
  return clean(a - b);
}
