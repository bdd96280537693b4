/**
 * The page header and footer of a printed sheet (SheetLayout), in Excel's header/footer codes, for every
 * writer: the file's header/footer (ExcelJS and the package patcher) and Office.js's pageLayout.
 */

/** Text in a header or footer: "&" doubled, since a single one starts a code. */
function literal(text: string): string {
  return text.replace(/&/g, "&&");
}

/** "Side n af m". */
export const PAGE_NUMBER = "Side &P af &N";
/** Today's date. */
export const PRINT_DATE = "&D";

/** The title, bold, for Office.js's centerHeader. */
export function boldTitle(title: string): string {
  return `&B${literal(title)}`;
}

/** A file's oddHeader: the title, bold, centred. */
export function fileHeader(title: string): string {
  return `&C&"-,Bold"${literal(title)}`;
}

/** A file's oddFooter: the date on the left, the page number on the right. */
export const FILE_FOOTER = `&L${PRINT_DATE}&R${PAGE_NUMBER}`;
