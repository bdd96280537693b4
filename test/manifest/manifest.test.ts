/**
 * @jest-environment jsdom
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";

// Offline checks of manifest.xml (Microsoft's validation service is not reachable from CI).
const ROOT = join(__dirname, "..", "..");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");
const all = (tag: string) => [...doc.getElementsByTagName(tag)];

function pngSize(path: string): { width: number; height: number } {
  const png = readFileSync(path);
  expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

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
      ["CustomFunctionsRuntime", "1.2"],
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

  it("defines every resid it uses and uses every one it defines", () => {
    const used = new Set([...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    const resources = doc.getElementsByTagName("Resources")[0]!;
    const defined = [...resources.getElementsByTagName("*")]
      .map((e) => e.getAttribute("id"))
      .filter((id): id is string => id !== null);
    expect(new Set(defined).size).toBe(defined.length);
    expect([...used].filter((id) => !defined.includes(id!))).toEqual([]);
    expect(defined.filter((id) => !used.has(id))).toEqual([]);
  });

  it("has every icon in assets/ at its declared size, and https URLs only", () => {
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
    const icons: [string, number][] = [
      ...all("bt:Image")
        .filter((e) => e.getAttribute("DefaultValue"))
        .map(
          (e) =>
            [
              e.getAttribute("DefaultValue")!,
              Number(/icon-(\d+)\.png$/.exec(e.getAttribute("DefaultValue")!)?.[1]),
            ] as [string, number],
        ),
      [all("IconUrl")[0]!.getAttribute("DefaultValue")!, 32],
      [all("HighResolutionIconUrl")[0]!.getAttribute("DefaultValue")!, 64],
    ];
    for (const [url, size] of icons) {
      const file = join(ROOT, new URL(url).pathname);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    const declared = all("bt:Image")
      .filter((e) => e.getAttribute("size"))
      .map((e) => e.getAttribute("size"));
    for (const size of declared) expect(existsSync(join(ROOT, "assets", `icon-${size}.png`))).toBe(true);
  });
});
