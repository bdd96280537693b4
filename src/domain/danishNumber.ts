/** How a number written as text was understood. */
export type NumberTextStyle = "danish" | "english";

export interface ParsedNumberText {
  value: number;
  style: NumberTextStyle;
  percent: boolean;
}

const SPACES = /[\u00a0\u2007\u2009\u202f]/g;
const MINUS_SIGNS = /^[-\u2212\u2013]/;

const DANISH_GROUPED = /^\d{1,3}(\.\d{3})+(,\d+)?$/;
const SPACE_GROUPED = /^\d{1,3}( \d{3})+(,\d+)?$/;
const DANISH_PLAIN = /^\d+(,\d+)?$/;
const ENGLISH_GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const ENGLISH_DECIMAL = /^\d+\.\d+$/;

/**
 * Reads a number written as text the Danish way (docs/rules.md R0.3): "8.132", "-6.879", "−6.879"
 * (unicode minus), "1.234,5", "1 234,5", "21 %". Danish reading wins where both are possible
 * ("1.234" is 1234, "1,5" is 1,5); text that only reads as English ("1,234.5", "0.21") is read as
 * English and says so in `style`. Percent text gives the fraction (21 % = 0,21). Undefined when the
 * text is not a number.
 */
export function parseNumberText(text: string): ParsedNumberText | undefined {
  let s = text.replace(SPACES, " ").trim();
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  let sign = 1;
  if (MINUS_SIGNS.test(s)) {
    sign = -1;
    s = s.slice(1).trim();
  } else if (s.startsWith("+")) {
    s = s.slice(1).trim();
  }
  let digits: string;
  let style: NumberTextStyle = "danish";
  if (DANISH_GROUPED.test(s) || DANISH_PLAIN.test(s)) {
    digits = s.replace(/\./g, "").replace(",", ".");
  } else if (SPACE_GROUPED.test(s)) {
    digits = s.replace(/ /g, "").replace(",", ".");
  } else if (ENGLISH_GROUPED.test(s) || ENGLISH_DECIMAL.test(s)) {
    digits = s.replace(/,/g, "");
    style = "english";
  } else {
    return undefined;
  }
  const magnitude = Number(digits);
  if (!Number.isFinite(magnitude)) return undefined;
  const value = sign * (percent ? magnitude / 100 : magnitude) + 0;
  return { value, style, percent };
}

/**
 * Formats a number the Danish way: "." between thousands, "," before decimals, "-" for negatives.
 * formatDanishNumber(8132) = "8.132"; formatDanishNumber(-1234.5, 1) = "-1.234,5".
 */
export function formatDanishNumber(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = "0", fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const isZero = Number(fixed) === 0;
  const sign = value < 0 && !isZero ? "-" : "";
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped},${fraction}`;
}

/** "8.132.000 kr." */
/** An amount in a sentence: whole when it is, else with one decimal ("8.132", "938,9"). */
export function formatFigure(value: number): string {
  return formatDanishNumber(value, Number.isInteger(value) ? 0 : 1);
}

export function formatKroner(kroner: number): string {
  return `${formatDanishNumber(kroner)} kr.`;
}

/** "0,25 %" for 0.0025; decimals as needed up to 4. */
export function formatPercent(fraction: number): string {
  const percent = Number((fraction * 100).toFixed(4));
  const decimals = Number.isInteger(percent) ? 0 : String(percent).split(".")[1]!.length;
  return `${formatDanishNumber(percent, decimals)} %`;
}
