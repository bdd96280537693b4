/**
 * The page footer of a printed sheet (SheetLayout), in Excel's header/footer codes, for every writer: the
 * file's footer (ExcelJS and the package patcher) and Office.js's pageLayout. The page header stays empty
 * where the title is the sheet's first row (a print title, so it prints once at the top of every page).
 */

/**
 * Excel's "Smalle" margins (inches): 0,25" left and right leave a sheet 9 % more width on A4 than the
 * normal 0,7", so it prints larger.
 */
export const PAGE_MARGINS = {
  left: 0.25,
  right: 0.25,
  top: 0.75,
  bottom: 0.75,
  header: 0.3,
  footer: 0.3,
} as const;

/** "Side n af m". */
export const PAGE_NUMBER = "Side &P af &N";
/** Today's date. */
export const PRINT_DATE = "&D";

/** The sheet's name, so that a loose page tells where it belongs. */
export const SHEET_NAME = "Ark: &A";

/** The footer in the cells' font and size (Calibri 11): scaled with the page, it prints as the cells do. */
const FOOTER_FONT = `&"Calibri,Regular"&11`;

/** Text in a header or footer: "&" doubled, since a single one starts a code. */
function literal(text: string): string {
  return text.replace(/&/g, "&&");
}

/** A page header's title (only on a sheet whose first row is not its title): bold, centred. */
export function fileHeader(title: string): string {
  return `&C&"Calibri,Bold"&11${literal(title)}`;
}

/** A file's oddFooter: the date on the left, the sheet in the middle, the page number on the right. */
export const FILE_FOOTER = `&L${FOOTER_FONT}${PRINT_DATE}&C${FOOTER_FONT}${SHEET_NAME}&R${FOOTER_FONT}${PAGE_NUMBER}`;
