import "./setup";
import type { FakeCustomFunctionError } from "./setup";
import { readFileSync } from "fs";
import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  afkastgrad,
  aendring,
  afvigelse,
  kasse,
  maengder,
  merudgiftsbehov,
  oekonomi,
  refusion,
  reservation,
  saldo,
} from "../../src/functions/functions";
import { additionalNeed, cashFinancing, defaultParameters, economyFlag } from "../../src/domain";
import { followUp2018 } from "../helpers/fixtures2018";

const err = (code: string) => expect.objectContaining({ code });
const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as FakeCustomFunctionError;
  }
  throw new Error("expected an error");
};

describe("PULJE.* custom functions", () => {
  it("AFVIGELSE over the 2018 rows equals the engine, cell by cell", () => {
    const { rows, documented } = followUp2018();
    expect(
      afvigelse(
        rows.map((r) => [r.korrigeret]),
        rows.map((r) => [r.forventet]),
      ),
    ).toEqual(documented.map((d) => [d]));
    expect(afvigelse([[659160]], [[648210]])).toEqual([[10950]]);
  });

  it("reads Danish number text, and gives #N/A for blanks and #VALUE! for text — never a number", () => {
    expect(afvigelse([["659.160"]], [[648210]])).toEqual([[10950]]);
    expect(afvigelse([[null]], [[1]])).toEqual([[err("#N/A")]]);
    expect(afvigelse([["ca. 500"]], [[1]])).toEqual([[err("#VALUE!")]]);
    expect(afvigelse([[true]], [[1]])).toEqual([[err("#VALUE!")]]);
    expect((afvigelse([["ca. 500"]], [[1]])[0]![0] as FakeCustomFunctionError).message).toContain(
      "skal være et tal",
    );
  });

  it("passes an error value on, cell by cell, never reading it as 0", () => {
    const Err = (globalThis as unknown as { CustomFunctions: { Error: new (code: string) => unknown } })
      .CustomFunctions.Error;
    const na = new Err("#N/A");
    expect(afvigelse([[na as never], [5]], [[1], [2]])).toEqual([[na], [3]]);
    expect(oekonomi([[na as never]], [[1]])).toEqual([[na]]);
  });

  it("broadcasts a single cell over a range and refuses ranges of different shapes", () => {
    expect(afvigelse([[100], [200]], [[50]])).toEqual([[50], [150]]);
    expect(thrown(() => afvigelse([[1], [2]], [[1], [2], [3]]))).toEqual(err("#VALUE!"));
  });

  it("OEKONOMI follows R2.1 and takes the unit, so 250.000 kr. is compared right in 1.000 kr.", () => {
    expect(oekonomi([[10000]], [[10250]])).toEqual([["GRØN"]]);
    expect(oekonomi([[10000]], [[10251]])).toEqual([["RØD"]]);
    expect(oekonomi([[10_000_000]], [[10_250_001]], "kr.")).toEqual([["RØD"]]);
    expect(oekonomi([[10000]], [[10251]], "kr.")).toEqual([["GRØN"]]);
    expect(oekonomi([[932886]], [[937141]])).toEqual([["GUL"]]);
    expect(oekonomi([[null]], [[5]])).toEqual([["–"]]);
    expect(thrown(() => oekonomi([[1]], [[2]], "euro"))).toEqual(err("#VALUE!"));
    // Overridden thresholds
    expect(oekonomi([[100]], [[110]], "kr.", 0, 0.1, 0.2)).toEqual([
      [
        economyFlag(100, 110, {
          unit: "kr.",
          economyAmountKr: 0,
          economyYellowShare: 0.1,
          economyRedShare: 0.2,
        }),
      ],
    ]);
    expect(thrown(() => oekonomi([[1]], [[2]], "kr.", 0, 0.3, 0.2))).toEqual(err("#NUM!"));
  });

  it("MAENGDER and REFUSION follow R2.2 and R2.3, with rates as fractions or percent text", () => {
    expect(maengder([[1000], [1000], [1000]], [[1050], [1100], [1101]])).toEqual([
      ["GRØN"],
      ["GUL"],
      ["RØD"],
    ]);
    expect(maengder([[1000]], [[1100]], 200)).toEqual([["GRØN"]]);
    expect(refusion([[0.21], ["21 %"], [0.21]], [[0.2051], ["20 %"], [0.1999]])).toEqual([
      ["GRØN"],
      ["GUL"],
      ["RØD"],
    ]);
    expect(refusion([[0.21]], [["lav"]])).toEqual([[err("#VALUE!")]]);
  });

  it("RESERVATION, SALDO, KASSE, AFKASTGRAD, MERUDGIFTSBEHOV agree with the engine", () => {
    expect(reservation([[4484.0]], [[4365.8]])).toEqual([[118.2]]);
    expect(saldo([[103898], [-520], [4933], [null], [8132]])).toEqual([
      [103898],
      [103378],
      [108311],
      [108311],
      [116443],
    ]);
    expect(thrown(() => saldo([[1, 2]]))).toEqual(err("#VALUE!"));
    expect(kasse([[-86093]], [[50000]])).toEqual([[cashFinancing(-86093, 50000)]]);
    expect(kasse([[-86093]], [[50000]])).toEqual([[36093]]);
    expect(kasse([[-1]], [[-5]])).toEqual([[err("#NUM!")]]);
    expect(afkastgrad([[20158162]], [[16965262]])).toEqual([[1.19]]);
    expect(afkastgrad([[1]], [[0]])).toEqual([[err("#NUM!")]]);
    expect(merudgiftsbehov([[1060]], [[60]], [[100], [300]], [[1000]])).toEqual([
      [additionalNeed(1060, 60, 100, 1000)],
      [300],
    ]);
    expect(merudgiftsbehov([[1060]], [[60]], [[100]], [[0]])).toEqual([[err("#NUM!")]]);
  });

  it("uses the documented defaults", () => {
    const d = defaultParameters();
    expect([d.economyAmountKr, d.quantityYellowPersons, d.refundRedPoints]).toEqual([250000, 50, 1]);
  });
});

describe("AENDRING (R12.1)", () => {
  it("is the earlier forecast minus the current, cell by cell, as the follow-up's Ændring siden column", () => {
    expect(aendring([[980], [520]], [[950], [530]])).toEqual([[30], [-10]]);
    expect(aendring([["1.000"]], [[950]])).toEqual([[50]]);
    expect(aendring([[null]], [[1]])).toEqual([[err("#N/A")]]);
    expect(aendring([["ca. 500"]], [[1]])).toEqual([[err("#VALUE!")]]);
  });
});

describe("functions.json", () => {
  it("is generated from the JSDoc exactly as committed: every ID, name, parameter and type", async () => {
    const generated = await generateCustomFunctionsMetadata(
      join(__dirname, "../../src/functions/functions.ts"),
    );
    expect(generated.errors).toEqual([]);
    const expected = JSON.parse(readFileSync(join(__dirname, "functions.expected.json"), "utf8")) as unknown;
    expect(JSON.parse(generated.metadataJson)).toEqual(expected);
    const ids = (expected as { functions: { id: string }[] }).functions.map((f) => f.id);
    expect(ids).toEqual([
      "AFVIGELSE",
      "OEKONOMI",
      "MAENGDER",
      "REFUSION",
      "RESERVATION",
      "SALDO",
      "KASSE",
      "AFKASTGRAD",
      "MERUDGIFTSBEHOV",
      "AENDRING",
    ]);
  });
});
