import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { checkManifest, ManifestCheckOptions, pngSize } from "../../src/deploy/manifestCheck";
import { manifestVersion } from "../../src/deploy/version";

const ROOT = join(__dirname, "..", "..");
const XML = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const VERSION = manifestVersion(
  (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version,
);

const fromRepo = (rel: string) => {
  const file = join(ROOT, ...rel.split("/"));
  return existsSync(file) ? readFileSync(file) : undefined;
};
const options: ManifestCheckOptions = {
  baseUrl: "https://localhost:3000/",
  readAsset: fromRepo,
  version: VERSION,
};
const codes = (xml: string, o: Partial<ManifestCheckOptions> = {}) =>
  checkManifest(xml, { ...options, ...o }).map((p) => p.code);

describe("the offline manifest check", () => {
  it("passes manifest.xml as committed, whose version is package.json's", () => {
    expect(checkManifest(XML, options)).toEqual([]);
    expect(/<Version>([^<]+)<\/Version>/.exec(XML)?.[1]).toBe(VERSION);
  });

  it("reads PNG sizes from the file header", () => {
    expect(pngSize(readFileSync(join(ROOT, "assets", "icon-80.png")))).toEqual({ width: 80, height: 80 });
    expect(pngSize(Buffer.from("GIF89a…"))).toBeUndefined();
  });

  describe("fails deliberately broken manifests", () => {
    const broken: [string, (xml: string) => string, string, Partial<ManifestCheckOptions>?][] = [
      ["not XML", (x) => x.replace("</OfficeApp>", ""), "NOT_XML"],
      ["a dangling resid", (x) => x.replace('resid="Group.Label"', 'resid="Group.Lable"'), "DANGLING_RESID"],
      [
        "an unused resid",
        (x) => x.replace("</bt:ShortStrings>", '<bt:String id="Ubrugt" DefaultValue="x"/></bt:ShortStrings>'),
        "UNUSED_RESID",
      ],
      [
        "an http URL",
        (x) => x.replace("https://localhost:3000/help.html", "http://localhost:3000/help.html"),
        "NOT_HTTPS",
      ],
      [
        "a URL on another host",
        (x) => x.replace("https://localhost:3000/help.html", "https://example.com/help.html"),
        "FOREIGN_HOST",
      ],
      ["a missing icon", (x) => x.replace(/icon-80\.png/g, "icon-81.png"), "MISSING_FILE"],
      [
        "an icon of the wrong size",
        (x) => x,
        "ICON_SIZE",
        { readAsset: (rel) => fromRepo(rel === "assets/icon-32.png" ? "assets/icon-16.png" : rel) },
      ],
      [
        "elements out of the schema's order",
        (x) => x.replace(/(<Id>[^<]*<\/Id>)\s*(<Version>[^<]*<\/Version>)/, "$2\n  $1"),
        "ELEMENT_ORDER",
      ],
      [
        "a missing required element",
        (x) => x.replace(/<ProviderName>[^<]*<\/ProviderName>/, ""),
        "MISSING_ELEMENT",
      ],
      ["a three-part version", (x) => x.replace(/<Version>[^<]*</, "<Version>1.0.0<"), "BAD_VERSION"],
      [
        "a version other than package.json's",
        (x) => x.replace(/<Version>[^<]*</, "<Version>9.9.9.9<"),
        "BAD_VERSION",
      ],
      [
        "a broader permission",
        (x) => x.replace(">ReadWriteDocument<", ">ReadWriteMailbox<"),
        "BAD_PERMISSION",
      ],
      ["a narrower permission", (x) => x.replace(">ReadWriteDocument<", ">ReadDocument<"), "BAD_PERMISSION"],
      ["an Id that is not a GUID", (x) => x.replace(/<Id>[^<]*</, "<Id>reservationspuljen<"), "BAD_ID"],
    ];
    // A rest parameter: jest would take a fourth named parameter for a done callback.
    it.each(broken)("%s", (...row) => {
      const [, change, code, extra] = row;
      const changed = change(XML);
      expect(codes(changed, extra)).toContain(code);
    });
  });

  it("accepts an external URL whose host is listed in AppDomains", () => {
    const withSupport = XML.replace(
      "https://localhost:3000/help.html",
      "https://kommune.example/hjaelp",
    ).replace(
      "  <Hosts>",
      "  <AppDomains><AppDomain>https://kommune.example</AppDomain></AppDomains>\n  <Hosts>",
    );
    expect(codes(withSupport)).toEqual([]);
  });

  it.each([
    ["a path", "https://kommune.example/reservationspuljen"],
    ["the add-in's own origin", "https://localhost:3000"],
  ])("refuses an AppDomain with %s", (_what, domain) => {
    const withDomain = XML.replace(
      "  <Hosts>",
      `  <AppDomains><AppDomain>${domain}</AppDomain></AppDomains>\n  <Hosts>`,
    );
    expect(codes(withDomain)).toContain("APPDOMAIN_NOT_ORIGIN");
  });
});
