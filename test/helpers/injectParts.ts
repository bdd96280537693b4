import JSZip from "jszip";

/**
 * The part of a sheet by its name, through xl/workbook.xml and its relationships (packages written by
 * ExcelJS, Excel or this tool: the sheet's r:id is on its <sheet> element).
 */
export async function sheetPartPath(zip: JSZip, sheetName: string): Promise<string> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const sheetTag = [...workbook.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`name="${sheetName}"`))!;
  const rid = /r:id="([^"]+)"/.exec(sheetTag)![1]!;
  const relTag = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`Id="${rid}"`))!;
  return `xl/${/Target="([^"]+)"/.exec(relTag)![1]!.replace(/^\/?xl\//, "")}`;
}

/**
 * Adds a real chart (a bar chart over a range) and a pivot-table part to a sheet of an .xlsx package, as
 * Excel would store them, to test what a round trip keeps. ExcelJS cannot create either.
 */
export async function injectChartAndPivot(buffer: Buffer, sheetName: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const sheetPath = await sheetPartPath(zip, sheetName);
  const sheetFile = sheetPath.split("/").pop()!;
  const sheetRelsPath = `xl/worksheets/_rels/${sheetFile}.rels`;
  const chart = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'${sheetName}'!$C$5:$C$18</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;
  const drawing = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>15</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Diagram 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
  zip.file("xl/charts/chart901.xml", chart);
  zip.file("xl/drawings/drawing901.xml", drawing);
  zip.file(
    "xl/drawings/_rels/drawing901.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart901.xml"/></Relationships>`,
  );
  zip.file(
    "xl/pivotTables/pivotTable901.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="Pivot1" cacheId="1" dataCaption="Værdier"><location ref="K25:L30" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/></pivotTableDefinition>`,
  );
  const existingRels =
    (await zip.file(sheetRelsPath)?.async("string")) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  zip.file(
    sheetRelsPath,
    existingRels.replace(
      "</Relationships>",
      `<Relationship Id="rId901" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing901.xml"/><Relationship Id="rId902" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotTable" Target="../pivotTables/pivotTable901.xml"/></Relationships>`,
    ),
  );
  let sheet = await zip.file(sheetPath)!.async("string");
  const at = ["<legacyDrawing", "<tableParts", "</worksheet>"]
    .map((t) => sheet.indexOf(t))
    .find((i) => i >= 0)!;
  sheet = `${sheet.slice(0, at)}<drawing r:id="rId901"/>${sheet.slice(at)}`;
  zip.file(sheetPath, sheet);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/xl/charts/chart901.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/xl/drawings/drawing901.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/pivotTables/pivotTable901.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/></Types>`,
    ),
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

/** Removes headerRowCount="1" from every table part, as Excel itself writes tables (1 is the default). */
export async function dropDefaultHeaderRowCount(buffer: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p))) {
    const xml = await zip.file(path)!.async("string");
    zip.file(path, xml.replace(/ headerRowCount="1"/, ""));
  }
  return zip.generateAsync({ type: "nodebuffer" });
}
