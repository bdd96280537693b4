import { execFileSync } from "child_process";
import { copyFileSync, readFileSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { join } from "path";
import { SYSTEM_PYTHON } from "../helpers/conformance";
import { sheetPartPath } from "../helpers/injectParts";

/**
 * The 2018 sample as different programs write it, and as valid XML can be written in ways a text-pattern
 * reader misreads. Each producer takes the ExcelJS-written sample and writes its variant to `to`.
 */
export interface Producer {
  name: string;
  make: (from: string, to: string, dir: string) => Promise<void>;
  /** openpyxl cannot read it (strict OOXML): the cells are compared through the tool's own reader. */
  noOpenpyxl?: boolean;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Rewrites every XML part (and .rels) of a package. */
async function rewrite(
  from: string,
  to: string,
  change: (path: string, xml: string) => string,
  after?: (zip: JSZip) => Promise<void>,
): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(from));
  for (const path of Object.keys(zip.files)) {
    if (!/\.(xml|rels)$/.test(path) || zip.files[path]!.dir) continue;
    const xml = await zip.file(path)!.async("string");
    const changed = change(path, xml);
    if (changed !== xml) zip.file(path, changed);
  }
  await after?.(zip);
  writeFileSync(to, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

const isSheet = (path: string) => /^xl\/worksheets\/sheet\d+\.xml$/.test(path);
const isSpreadsheetMl = (xml: string) => xml.includes(`xmlns="${MAIN}"`);

export const PRODUCERS: Producer[] = [
  { name: "ExcelJS (the sample as written)", make: async (from, to) => copyFileSync(from, to) },
  {
    name: "LibreOffice Calc (opened and saved as .xlsx)",
    make: async (from, to, dir) => {
      const out = join(dir, "lo");
      execFileSync(
        "/usr/bin/soffice",
        [
          `-env:UserInstallation=file://${dir}/lo-profile`,
          "--headless",
          "--convert-to",
          "xlsx:Calc Office Open XML",
          "--outdir",
          out,
          from,
        ],
        { stdio: "ignore", timeout: 120_000 },
      );
      copyFileSync(join(out, from.split("/").pop()!), to);
    },
  },
  {
    name: "openpyxl (pandas' engine; xmlns:r on each <sheet>, absolute targets)",
    make: async (from, to) => {
      execFileSync(SYSTEM_PYTHON, [
        "-c",
        "import sys, warnings; warnings.simplefilter('ignore'); import openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[2])",
        from,
        to,
      ]);
    },
  },
  {
    name: "single-quoted attributes",
    make: (from, to) =>
      rewrite(from, to, (path, xml) =>
        /^xl\//.test(path)
          ? xml.replace(/(<[^?!/][^>]*>)/g, (tag) => tag.replace(/="([^"']*)"/g, "='$1'"))
          : xml,
      ),
  },
  {
    name: "a comment in <sheetData> holding a row 5",
    make: async (from, to) => {
      const zip = await JSZip.loadAsync(readFileSync(from));
      const part = await sheetPartPath(zip, "Opfølgning");
      const xml = await zip.file(part)!.async("string");
      zip.file(
        part,
        xml.replace("<sheetData>", '<sheetData><!-- <row r="5"><c r="A5"><v>1</v></c></row> -->'),
      );
      writeFileSync(to, await zip.generateAsync({ type: "nodebuffer" }));
    },
  },
  {
    name: "a comment in workbook.xml naming a sheet, and one in a .rels",
    // openpyxl 3.0 reads a comment among the <sheets> as a sheet and fails.
    noOpenpyxl: true,
    make: (from, to) =>
      rewrite(from, to, (path, xml) =>
        path === "xl/workbook.xml"
          ? xml.replace("<sheets>", '<sheets><!-- <sheet name="Opfølgning" sheetId="99" r:id="rId1"/> -->')
          : path === "xl/_rels/workbook.xml.rels"
            ? xml.replace(
                /(<Relationships[^>]*>)/,
                '$1<!-- <Relationship Id="rId1" Target="worksheets/sheet9.xml"/> -->',
              )
            : xml,
      ),
  },
  {
    name: "a prefixed main namespace (<x:worksheet>)",
    make: (from, to) =>
      rewrite(from, to, (_path, xml) =>
        isSpreadsheetMl(xml)
          ? xml
              .replace(/<(\/?)([A-Za-z][\w]*)(?=[\s/>])/g, "<$1x:$2")
              .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`)
          : xml,
      ),
  },
  {
    name: "shared strings as CDATA",
    make: (from, to) =>
      rewrite(from, to, (path, xml) =>
        path === "xl/sharedStrings.xml"
          ? xml.replace(/<t(\s[^>]*)?>([^<]*)<\/t>/g, (_m, attrs: string | undefined, text: string) => {
              const raw = text
                .replace(/&lt;/g, "<")
                .replace(/&gt;/g, ">")
                .replace(/&quot;/g, '"')
                .replace(/&apos;/g, "'")
                .replace(/&amp;/g, "&");
              return `<t${attrs ?? ""}><![CDATA[${raw}]]></t>`;
            })
          : xml,
      ),
  },
  {
    name: "absolute relationship targets",
    make: (from, to) =>
      rewrite(from, to, (path, xml) => {
        if (!path.endsWith(".rels")) return xml;
        const folder = path.replace(/_rels\/[^/]*\.rels$/, "");
        return xml.replace(/Target="([^"/][^"]*)"/g, (_m, target: string) => {
          const parts: string[] = [];
          for (const piece of `${folder}${target}`.split("/"))
            if (piece === "..") parts.pop();
            else if (piece && piece !== ".") parts.push(piece);
          return `Target="/${parts.join("/")}"`;
        });
      }),
  },
  {
    name: "xmlns:r declared on each <sheet> (as openpyxl writes)",
    make: (from, to) =>
      rewrite(from, to, (path, xml) =>
        path === "xl/workbook.xml"
          ? xml
              .replace(/ xmlns:r="[^"]*"/, "")
              .replace(
                /<sheet /g,
                '<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
              )
          : xml,
      ),
  },
  {
    name: "rows and cells without addresses (where they follow the one before)",
    make: (from, to) =>
      rewrite(from, to, (path, xml) => {
        if (!isSheet(path)) return xml;
        let previousRow = 0;
        return xml.replace(
          /<row r="(\d+)"([^>/]*)>([\s\S]*?)<\/row>/g,
          (_m, r: string, attrs: string, cells: string) => {
            const row = Number(r);
            const open = row === previousRow + 1 ? `<row${attrs}>` : `<row r="${r}"${attrs}>`;
            previousRow = row;
            let previousCol = 0;
            const inner = cells.replace(/<c r="([A-Z]+)\d+"/g, (whole, letters: string) => {
              let col = 0;
              for (const ch of letters) col = col * 26 + ch.charCodeAt(0) - 64;
              const out = col === previousCol + 1 ? "<c" : whole;
              previousCol = col;
              return out;
            });
            return `${open}${inner}</row>`;
          },
        );
      }),
  },
  {
    name: "no styles part",
    make: (from, to) =>
      rewrite(
        from,
        to,
        (path, xml) =>
          path === "xl/_rels/workbook.xml.rels"
            ? xml.replace(/<Relationship [^>]*Target="styles.xml"[^>]*\/>/, "")
            : path === "[Content_Types].xml"
              ? xml.replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, "")
              : isSheet(path)
                ? xml.replace(/ s="\d+"/g, "")
                : xml,
        async (zip) => {
          zip.remove("xl/styles.xml");
        },
      ),
  },
  {
    name: "strict OOXML (ISO/IEC 29500 strict namespaces)",
    noOpenpyxl: true,
    make: (from, to) =>
      rewrite(from, to, (path, xml) => {
        let out = xml
          .split(MAIN)
          .join("http://purl.oclc.org/ooxml/spreadsheetml/main")
          .split("http://schemas.openxmlformats.org/officeDocument/2006/relationships")
          .join("http://purl.oclc.org/ooxml/officeDocument/relationships")
          .split("http://schemas.openxmlformats.org/drawingml/2006/main")
          .join("http://purl.oclc.org/ooxml/drawingml/main")
          .split("http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")
          .join("http://purl.oclc.org/ooxml/officeDocument/extendedProperties");
        if (path === "xl/workbook.xml") out = out.replace(/<workbook /, '<workbook conformance="strict" ');
        return out;
      }),
  },
];
