/**
 * @jest-environment jsdom
 */
import { readFileSync } from "fs";
import { join } from "path";

// Offline checks of manifest.xml (Microsoft's validation service is not reachable from CI).
const ROOT = join(__dirname, "..", "..");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");
const all = (tag: string) => [...doc.getElementsByTagName(tag)];

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.tagName).toBe("OfficeApp");
  });

  it("targets Excel workbooks in Danish and asks for ReadWriteDocument and nothing more", () => {
    expect(all("DefaultLocale")[0]?.textContent).toBe("da-DK");
    expect(all("Host").map((h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type"))).toEqual([
      "Workbook",
      "Workbook",
    ]);
    expect(all("Permissions").map((p) => p.textContent)).toEqual(["ReadWriteDocument"]);
    expect(all("Version")[0]?.textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(all("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])).toEqual([
      ["ExcelApi", "1.7"],
      ["CustomFunctionsRuntime", "1.3"],
    ]);
  });

  it("puts a button that opens the task pane on the Home tab", () => {
    expect(all("OfficeTab")[0]?.getAttribute("id")).toBe("TabHome");
    const action = all("Action")[0]!;
    expect(action.getAttribute("xsi:type")).toBe("ShowTaskpane");
  });

  it("declares the PULJE custom functions with script, page and metadata URLs", () => {
    const point = all("ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "CustomFunctions")!;
    expect(point.getElementsByTagName("Namespace")[0]?.getAttribute("resid")).toBe("Functions.Namespace");
    expect(xml).toContain('<bt:String id="Functions.Namespace" DefaultValue="PULJE"/>');
    for (const [tag, file] of [
      ["Script", "functions.js"],
      ["Page", "functions.html"],
      ["Metadata", "functions.json"],
    ] as const) {
      const resid = point
        .getElementsByTagName(tag)[0]!
        .getElementsByTagName("SourceLocation")[0]!
        .getAttribute("resid");
      expect(xml).toContain(`<bt:Url id="${resid}" DefaultValue="https://localhost:3000/${file}"/>`);
    }
  });
  // Resids, URLs, icons and schema order: test/deploy/manifestCheck.test.ts (the offline check).
});
