/** The one convention for technical text (Excel's or JavaScript's own words) shown to users. */
/**
 * Where a message carries Excel's or JavaScript's own words, they follow this marker on a line of their own
 * (the pane shows that part in small type; the report prints it as it is).
 */
export const TECHNICAL_DETAIL = "\nTeknisk fejl: ";

/** The technical text of a caught exception, for the TECHNICAL_DETAIL line (never a message by itself). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
