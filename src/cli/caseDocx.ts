import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { caseCellLook, CaseDocument, caseCellText, caseFigures, CaseTable, figureLine } from "../app/report";

/** docx wants RRGGBB; the workbook's colours are ARGB. */
const rgb = (argb: string) => argb.slice(2);

/** A4 in twentieths of a point. */
const A4 = { width: 11_906, height: 16_838 }; // portrait; docx turns it for landscape
const FONT = "Calibri";
const SIZE = 18; // half-points: 9 pt, so the widest table fits the landscape page

/** The text width of the landscape page less its margins, in twips. */
const TEXT_WIDTH = A4.height - 2 * 1000;

/** About how many characters of 9 pt text the landscape page's text width holds. */
const LINE_CHARACTERS = 125;

/**
 * Column widths by what they hold, in characters: never narrower than the longest word (a bold header,
 * an amount), so nothing breaks mid-word; labels and sentences get what is left of the line.
 */
export function columnWidths(t: CaseTable): number[] {
  const least: number[] = [];
  const wanted: number[] = [];
  t.columns.forEach((c, i) => {
    const texts = [c.header, ...t.rows.map((r) => caseCellText(r.cells[i] ?? null))];
    const word = Math.max(...texts.flatMap((x) => x.split(/\s+/)).map((w) => w.length));
    const longest = Math.max(...texts.map((x) => x.length));
    const min = Math.ceil(word * 1.15) + 2;
    least.push(min);
    wanted.push(Math.max(min, c.long ? 50 : Math.min(45, longest + 2)));
  });
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  // Shrink the flexible part (wanted − least) to fit the line; the least widths are kept.
  const room = LINE_CHARACTERS - sum(least);
  const flexible = sum(wanted) - sum(least);
  const k = flexible <= 0 ? 0 : Math.max(0, Math.min(1, room / flexible));
  const chars = least.map((min, i) => min + (wanted[i]! - min) * k);
  const total = sum(chars);
  return chars.map((c) => Math.floor((TEXT_WIDTH * c) / total));
}

interface CellOptions {
  width: number;
  bold?: boolean;
  right?: boolean;
  centre?: boolean;
  colour?: string;
  fill?: string;
  header?: boolean;
}

function cell(text: string, options: CellOptions): TableCell {
  const fill = options.fill ?? (options.header ? "F2F2F2" : undefined);
  return new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    children: [
      new Paragraph({
        alignment: options.right
          ? AlignmentType.RIGHT
          : options.centre
            ? AlignmentType.CENTER
            : AlignmentType.LEFT,
        children: [
          new TextRun({
            text,
            font: FONT,
            size: SIZE,
            ...(options.bold || options.header ? { bold: true } : {}),
            ...(options.colour ? { color: options.colour } : {}),
          }),
        ],
      }),
    ],
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: "auto", fill } } : {}),
  });
}

function table(t: CaseTable): Table {
  const widths = columnWidths(t);
  const header = new TableRow({
    tableHeader: true,
    children: t.columns.map((c, i) =>
      cell(c.header, { width: widths[i]!, header: true, right: c.kind === "amount" }),
    ),
  });
  const rows = t.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: t.columns.map((column, i) => {
          const value = row.cells[i] ?? null;
          const look = caseCellLook(column, value, row.flags?.[i]);
          return cell(caseCellText(look.value), {
            width: widths[i]!,
            bold: row.bold === true,
            right: column.kind === "amount",
            centre: column.kind === "dot",
            ...(look.fill ? { fill: rgb(look.fill) } : {}),
            ...(look.font ? { colour: rgb(look.font) } : {}),
          });
        }),
      }),
  );
  return new Table({
    rows: [header, ...rows],
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
  });
}

function text(value: string, options: { bold?: boolean; size?: number } = {}): TextRun {
  return new TextRun({
    text: value,
    font: FONT,
    size: options.size ?? SIZE + 2,
    ...(options.bold ? { bold: true } : {}),
  });
}

/**
 * R14.2 The committee case as a Word document (the headless command's `--docx`): A4 landscape, the case's
 * title in the page header and the page number in the footer, each table on a page of its own with its
 * title and unit, the header row repeated if a table runs over, rows never split; the dots in their
 * colours and the flag words on their fills, as on the Sag sheet and in "Kopiér til sagen".
 */
export const APPENDIX_TITLE = "Grundlag for tallene";

export async function caseDocx(doc: CaseDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ children: [text(doc.title, { bold: true, size: 28 })] }),
    new Paragraph({ children: [text(doc.subtitle)] }),
  ];
  doc.tables.forEach((t, i) => {
    children.push(
      new Paragraph({
        pageBreakBefore: i > 0,
        spacing: { before: 200, after: 80 },
        children: [text(t.unit ? `${t.title} (${t.unit})` : t.title, { bold: true, size: 24 })],
      }),
    );
    if (t.intro) children.push(new Paragraph({ spacing: { after: 80 }, children: [text(t.intro)] }));
    if (t.columns.length > 0) children.push(table(t));
    if (t.note)
      children.push(new Paragraph({ spacing: { before: 80 }, children: [text(t.note, { size: SIZE })] }));
  });
  // Issue 30 The appendix: one line per figure of the case, with its rule and its source cells.
  const figures = caseFigures(doc);
  if (figures.length > 0) {
    children.push(
      new Paragraph({
        pageBreakBefore: true,
        spacing: { before: 200, after: 80 },
        children: [text(APPENDIX_TITLE, { bold: true, size: 24 })],
      }),
      new Paragraph({
        spacing: { after: 80 },
        children: [
          text(
            "Hvert tal i sagen med sin beregning og de celler i projektmappen, det er beregnet af (arket Spor viser det samme med links). Hvor alle kilder har en faktor, er tallet summen af faktor × kildens tal.",
            { size: SIZE },
          ),
        ],
      }),
      ...figures.map(
        (f, i) =>
          new Paragraph({
            spacing: { after: 40 },
            children: [text(`${i + 1}. ${figureLine(f)}`, { size: SIZE })],
          }),
      ),
    );
  }
  const document = new Document({
    // The document's properties name the administration that makes the case (not the library's default).
    creator: doc.administration,
    lastModifiedBy: doc.administration,
    title: doc.title,
    subject: doc.subtitle,
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
            margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({ alignment: AlignmentType.CENTER, children: [text(doc.title, { bold: true })] }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    font: FONT,
                    size: SIZE,
                    children: ["Side ", PageNumber.CURRENT, " af ", PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
