import { attrOf, plainXml, XmlDoc, XmlError } from "../../src/workbook/xmlScan";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

describe("the XML scanner", () => {
  it("reads elements by namespace, not by how they are written", () => {
    const doc = new XmlDoc(
      `<?xml version="1.0"?><!-- <sheetData/> --><x:worksheet xmlns:x="${MAIN}"><x:sheetData><!-- <x:row r="5"/> --><x:row r='7' spans="1:2"><x:c r='A7'><x:v>1</x:v></x:c></x:row><![CDATA[<x:row r="9"/>]]></x:sheetData></x:worksheet>`,
    );
    const sheetData = doc.child(doc.root, MAIN, "sheetData")!;
    const rows = doc.childrenNamed(sheetData, MAIN, "row");
    expect(rows.map((r) => attrOf(r, "r"))).toEqual(["7"]);
    expect(doc.source(rows[0]!)).toBe(`<x:row r='7' spans="1:2"><x:c r='A7'><x:v>1</x:v></x:c></x:row>`);
    expect(doc.textOf(sheetData)).toBe('1<x:row r="9"/>');
  });

  it.each([
    ["a document type declaration", '<!DOCTYPE x [<!ENTITY a "b">]><x/>'],
    ["a mismatched end tag", "<a><b></a></b>"],
    ["an unclosed root", "<a><b/>"],
    ["an undeclared prefix", "<a><y:b/></a>"],
    ["an attribute twice", '<a><b c="1" c="2"/></a>'],
    ["an unquoted attribute", "<a><b c=1/></a>"],
  ])("refuses %s", (_name, text) => {
    expect(() => {
      const doc = new XmlDoc(text);
      doc.children(doc.root);
    }).toThrow(XmlError);
  });

  it("writes a plain copy: CDATA as text, the main namespace unprefixed, comments gone", () => {
    expect(
      plainXml(
        `<x:sst xmlns:x="${MAIN}"><!-- c --><x:si><x:t><![CDATA[A & <B>]]></x:t></x:si></x:sst>`,
        MAIN,
        new Map(),
      ),
    ).toBe(`<sst xmlns="${MAIN}"><si><t>A &amp; &lt;B&gt;</t></si></sst>`);
  });
});
