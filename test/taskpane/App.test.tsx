/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { fireEvent, render, screen, within, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import type { PaneServices } from "../../src/taskpane/services";
import type { Summary } from "../../src/app/summary";
import { buildSampleWorkbook, buildYearsSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { Diagnostics } from "../../src/domain";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { runContract } from "../../src/app/run";
import { CaseDocument, caseDocument } from "../../src/app/report";
import { fakeExcelFrom } from "../helpers/fakeExcelFrom";

// jsdom has no ResizeObserver; Fluent's MessageBar uses one to reflow. The browser test uses the real one.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = NoResizeObserver;

const summary2018: Summary = {
  unit: "1.000 kr.",
  followUp: {
    groups: { Budgetgaranti: { afvigelse: 8131 } },
    total: -6880,
    rows: [],
    flagCounts: {
      økonomi: { GRØN: 18, GUL: 1, RØD: 6, "–": 0 },
      mængder: { GRØN: 0, GUL: 0, RØD: 0, "–": 25 },
      refusion: { GRØN: 0, GUL: 0, RØD: 0, "–": 25 },
    },
  },
  pool: {
    pools: ["Budgetgaranti", "Beskæftigelsestilskud"],
    result: { Budgetgaranti: 39414, Beskæftigelsestilskud: -125507, "I alt": -86093 },
    resultExcludingPrognoses: { Budgetgaranti: 39414, Beskæftigelsestilskud: -96006, "I alt": -56592 },
    budgetvaern: 50000,
    budgetvaernBrugt: 50000,
    kassefinansiering: 36093,
    kassefinansieringExcludingPrognoses: 6592,
    flag: "RØD",
    lines: [],
    fedLines: [],
    areaResult: 13825,
  },
  appropriations: [
    {
      punkt: 2,
      tekst: "Budgetneutral tillægsbevilling fra …",
      beløbKr: 8131000,
      år: 2018,
      fra: "a",
      til: "b",
      pulje: "Budgetgaranti",
      tilPuljen: true,
    },
  ],
  diagnostics: [],
};

function services(
  overrides: Partial<PaneServices> = {},
): PaneServices & { selected: [string, string | undefined][]; copied: string[]; kinds: string[] } {
  const selected: [string, string | undefined][] = [];
  const copied: string[] = [];
  const kinds: string[] = [];
  return {
    compute: async () => ({ ok: true, summary: summary2018 }),
    insertTemplate: async (options) => ({
      sheets: options.formulas ? ["Regler", "Opfølgning (formler)"] : ["Regler", "Opfølgning"],
    }),
    select: async (sheet, cell) => void selected.push([sheet, cell]),
    copy: async (text) => void copied.push(text),
    copyHtml: async (html) => void copied.push(html),
    setCaseKind: async (kind) => {
      kinds.push(kind);
      return { ok: true, message: `Sagstypen er nu ${kind}.` };
    },
    selected,
    copied,
    kinds,
    ...overrides,
  };
}

const renderPane = (s: PaneServices) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <App services={s} />
    </FluentProvider>,
  );

describe("the task pane", () => {
  it("starts with the two actions and a hint", () => {
    renderPane(services());
    expect(screen.getByRole("button", { name: "Beregn" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Indsæt skabelon" })).toBeTruthy();
    expect(screen.getByText(/Klik på Beregn/)).toBeTruthy();
  });

  it("an empty workbook: says there is nothing to compute and points at the template", async () => {
    renderPane(
      services({
        compute: async () => ({
          ok: false,
          summary: {
            unit: "1.000 kr.",
            diagnostics: [
              {
                level: "error",
                code: "NOTHING_FOUND",
                message: "Projektmappen indeholder ingen af tabellerne …",
              },
            ],
          },
        }),
      }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    expect(await screen.findByText("Ingen tabeller at beregne")).toBeTruthy();
    expect(screen.getByText(/Klik Indsæt skabelon/)).toBeTruthy();
  });

  it("template inserted: names the new sheets", async () => {
    renderPane(services());
    fireEvent.click(screen.getByRole("button", { name: "Indsæt skabelon" }));
    expect(await screen.findByText("Skabelonen er indsat")).toBeTruthy();
    expect(screen.getByText(/Arkene Regler, Opfølgning er tilføjet/)).toBeTruthy();
  });

  it("template with PULJE formulas: the switch is passed on", async () => {
    renderPane(services());
    fireEvent.click(screen.getByLabelText(/PULJE-formler/));
    fireEvent.click(screen.getByRole("button", { name: "Indsæt skabelon" }));
    expect(await screen.findByText(/Opfølgning \(formler\) er tilføjet/)).toBeTruthy();
  });

  it("computed without diagnostics: the pool per sub-pool and in total, budgetværn, kassefinansiering, flag and counts", async () => {
    const s = services();
    renderPane(s);
    fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    expect(await screen.findByText("Resultaterne er skrevet i projektmappen.")).toBeTruthy();
    const pool = screen.getByRole("region", { name: "Reservationspulje" });
    expect(pool.textContent).toContain("Beskæftigelsestilskud-125.507-96.006");
    expect(pool.textContent).toContain("I alt-86.093-56.592");
    expect(pool.textContent).toContain("Budgetværn50.000");
    expect(pool.textContent).toContain("Kassefinansiering36.0936.592");
    expect(screen.getByLabelText("Lyskryds: RØD")).toBeTruthy();
    expect(screen.getByRole("region", { name: "Lyskryds" }).textContent).toContain("Økonomi18160");
    fireEvent.click(screen.getByRole("button", { name: "Kopiér teksterne" }));
    await waitFor(() => expect(s.copied).toEqual(["Budgetneutral tillægsbevilling fra …"]));
    // Copying says it happened (it used to say nothing).
    expect(await screen.findByText(/^Kopieret: 1 tekster/)).toBeTruthy();
  });

  it("Kopiér teksterne where the host refuses the clipboard (Excel on the web, office-js#1991): the texts shown selected for Ctrl+C", async () => {
    const s = services({
      copy: () => Promise.reject(new Error("NotAllowedError: Write permission denied.")),
    });
    renderPane(s);
    fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    fireEvent.click(await screen.findByRole("button", { name: "Kopiér teksterne" }));
    expect(await screen.findByText(/Udklipsholderen kan ikke bruges her/)).toBeTruthy();
    const area = screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Teksterne til at kopiere" });
    expect(area.value).toBe("Budgetneutral tillægsbevilling fra …");
    expect([area.selectionStart, area.selectionEnd]).toEqual([0, area.value.length]);
  });

  it("appropriations in 1.000 kr.: the note on rounded rows stands next to the texts (R0.6)", async () => {
    const note = ["Beløbene i kr. er omregnet fra tabellernes 1.000 kr."];
    renderPane(
      services({
        compute: async () => ({ ok: true, summary: { ...summary2018, appropriationsNote: note } }),
      }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    const section = await screen.findByRole("region", { name: "Indstilling" });
    expect(within(section).getByRole("note").textContent).toBe(note.join(" "));
  });

  it("R15: the indstilling with its kind; another Sagstype is written to the workbook and computed again", async () => {
    const indstilling = {
      indledning: "Forvaltningen indstiller til udvalget, at byrådet godkender:",
      punkter: [
        { nr: 1, art: "godkendelse", tekst: "Den samlede økonomiopfølgning." },
        { nr: 2, art: "tillægsbevilling", tekst: "Budgetneutral tillægsbevilling fra …" },
      ],
      noter: [],
    };
    let runs = 0;
    const s = services({
      compute: async () => {
        runs++;
        return {
          ok: true,
          summary: {
            ...summary2018,
            sagstype: {
              type: runs === 1 ? "Budgetopfølgning" : "Orientering",
              valgtAf: runs === 1 ? "tabellerne" : "parameter",
            },
            indstilling:
              runs === 1 ? indstilling : { indledning: "Til orientering.", punkter: [], noter: [] },
          },
        };
      },
    });
    renderPane(s);
    fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    const section = await screen.findByRole("region", { name: "Indstilling" });
    expect(section.textContent).toContain("Forvaltningen indstiller til udvalget, at byrådet godkender:");
    expect(
      within(section)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["1. Den samlede økonomiopfølgning.", "2. Budgetneutral tillægsbevilling fra …"]);
    const select = within(section).getByLabelText<HTMLSelectElement>("Sagstype");
    expect(select.value).toBe("Budgetopfølgning");
    expect(section.textContent).toContain("Valgt efter projektmappens tabeller");
    fireEvent.click(within(section).getByRole("button", { name: "Kopiér teksterne" }));
    await waitFor(() =>
      expect(s.copied).toEqual([
        "Forvaltningen indstiller til udvalget, at byrådet godkender:\n1. Den samlede økonomiopfølgning.\n2. Budgetneutral tillægsbevilling fra …",
      ]),
    );
    fireEvent.change(select, { target: { value: "Orientering" } });
    await waitFor(() => expect(s.kinds).toEqual(["Orientering"]));
    await waitFor(() => expect(runs).toBe(2));
    const after = await screen.findByRole("region", { name: "Indstilling" });
    expect(after.textContent).toContain("Til orientering.");
    expect(within(after).getByLabelText<HTMLSelectElement>("Sagstype").value).toBe("Orientering");
  });

  it("R15: a Sagstype that cannot be written says why, in Danish, and nothing is computed", async () => {
    let runs = 0;
    const s = services({
      compute: async () => {
        runs++;
        return {
          ok: true,
          summary: { ...summary2018, sagstype: { type: "Budgetopfølgning", valgtAf: "tabellerne" } },
        };
      },
      setCaseKind: async () => ({ ok: false, message: "Tabellen Parametre har ingen række Sagstype." }),
    });
    renderPane(s);
    fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    const section = await screen.findByRole("region", { name: "Indstilling" });
    fireEvent.change(within(section).getByLabelText("Sagstype"), { target: { value: "Regnskab" } });
    expect(await screen.findByText("Tabellen Parametre har ingen række Sagstype.")).toBeTruthy();
    expect(runs).toBe(1);
  });

  it("computed with diagnostics: lists them, and a click selects the cell", async () => {
    const s = services({
      compute: async () => ({
        ok: false,
        summary: {
          unit: "1.000 kr.",
          diagnostics: [
            {
              level: "error",
              code: "NOT_A_NUMBER",
              sheet: "Opfølgning",
              cell: "D7",
              message: 'Feltet "Korrigeret budget" skal være et tal.',
            },
          ],
        },
      }),
    });
    renderPane(s);
    fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    expect(await screen.findByText("Intet er skrevet")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /^Opfølgning!D7: / }));
    await waitFor(() => expect(s.selected).toEqual([["Opfølgning", "D7"]]));
  });

  it("Excel failed while writing: says so, and that the workbook was put back", async () => {
    const message =
      "Excel stoppede skrivningen undervejs (x). Det, der nåede at blive skrevet, er sat tilbage.";
    renderPane(
      services({
        compute: async () => ({
          ok: false,
          summary: { unit: "1.000 kr.", diagnostics: [{ level: "error", code: "WRITE_FAILED", message }] },
        }),
      }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    expect(await screen.findByText("Skrivningen blev afbrudt")).toBeTruthy();
    expect(screen.getAllByText(message).length).toBeGreaterThan(0);
  });

  it("an exception: a Danish message with what to do; the technical text only on a line of its own", async () => {
    renderPane(
      services({
        compute: async () => {
          throw new Error("Excel is not defined");
        },
      }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    expect(await screen.findByText("Beregningen kunne ikke gennemføres")).toBeTruthy();
    // Shown, and said in the live region too.
    expect(screen.getAllByText(/Intet er ændret\. Prøv igen/).length).toBeGreaterThan(0);
    expect(screen.getByText("Teknisk fejl: Excel is not defined")).toBeTruthy();
  });

  it("a failed Indsæt skabelon is titled as such, not as a failed computation", async () => {
    renderPane(
      services({
        insertTemplate: async () => {
          throw new Error("AccessDenied");
        },
      }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Indsæt skabelon" }));
    expect(await screen.findByText("Skabelonen kunne ikke indsættes")).toBeTruthy();
    expect(screen.queryByText("Beregningen kunne ikke gennemføres")).toBeNull();
  });

  it("opened outside Excel: says how to open it from Excel, and the buttons wait for a workbook", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App services={services()} inExcel={false} />
      </FluentProvider>,
    );
    expect(screen.getByText("Åbn tilføjelsesprogrammet fra Excel")).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Beregn" }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Indsæt skabelon" }).disabled).toBe(true);
  });

  it("shows progress while computing", async () => {
    let finish: () => void = () => undefined;
    renderPane(
      services({
        compute: (onProgress) =>
          new Promise((resolve) => {
            onProgress("Skriver resultaterne …");
            finish = () => resolve({ ok: true, summary: summary2018 });
          }),
      }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    expect((await screen.findAllByText("Skriver resultaterne …")).length).toBeGreaterThan(0);
    // Disabled but focusable while it runs (focus stays on it): aria-disabled, not the disabled attribute.
    expect(screen.getByRole("button", { name: "Beregn" }).getAttribute("aria-disabled")).toBe("true");
    finish();
    expect(await screen.findByText("Resultaterne er skrevet i projektmappen.")).toBeTruthy();
  });
});

describe("the task pane on the real 2018 sample (summary computed by the contract, not written)", () => {
  let sample: Summary;
  let caseDoc: CaseDocument;
  beforeAll(async () => {
    const fake = fakeExcelFrom(buildSampleWorkbook({ asTables: true }));
    const outcome = await runContract(new OfficeWorkbook(fake.run, () => true), new Diagnostics(), {
      write: false,
    });
    expect(outcome.ok).toBe(true);
    sample = outcome.summary;
    caseDoc = caseDocument(outcome.inputs, outcome.results);
  });

  it("Kopiér til sagen: the case's tables as HTML with their colours; a refused clipboard is said, not thrown", async () => {
    const html: string[] = [];
    const plain: string[] = [];
    renderPane(
      services({
        compute: async () => ({ ok: true, summary: sample, case: caseDoc }),
        copyHtml: async (h, t) => void (html.push(h), plain.push(t)),
      }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    const region = await screen.findByRole("region", { name: "Sagen" });
    expect(region.textContent).toContain(
      "Arket Sag: Hovedindikatorer, Opfølgning pr. ydelsesområde, Reservationspuljen, Bevillingstabel, Indstilling",
    );
    fireEvent.click(within(region).getByRole("button", { name: "Kopiér til sagen" }));
    // The status region is there from the start (so it is announced); the text comes with the copy.
    await waitFor(() =>
      expect(within(region).getByRole("status").textContent).toBe(
        "Kopieret: 5 tabeller. Indsæt dem i sagen med Ctrl+V.",
      ),
    );
    expect(html[0]!.match(/<table/g)).toHaveLength(5);
    // Jobafklaringsforløb - ydelse: a merforbrug of 2.469 (1.000 kr.), Økonomi RØD, as a red dot.
    expect(html[0]).toMatch(
      /Jobafklaringsforløb - ydelse<\/td>(<td[^>]*>[^<]*<\/td>){3}<td[^>]*>-2\.469<\/td><td[^>]*color:#FF0000[^>]*title="RØD">●<\/td>/,
    );
    expect(plain[0]).toContain("Jobafklaringsforløb - ydelse\t100.663\t114.925\t117.394\t-2.469\tRØD\t–\t–");
  });

  it("Kopiér til sagen on a clipboard the host refuses: said in the pane, not thrown", async () => {
    renderPane(
      services({
        compute: async () => ({ ok: true, summary: sample, case: caseDoc }),
        copyHtml: async () => {
          throw new Error("NotAllowedError");
        },
      }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    const region = await screen.findByRole("region", { name: "Sagen" });
    fireEvent.click(within(region).getByRole("button", { name: "Kopiér til sagen" }));
    await waitFor(() =>
      expect(within(region).getByRole("status").textContent).toBe(
        "Udklipsholderen kan ikke bruges her (NotAllowedError). Markér tabellerne på arket Sag, og kopiér dem med Ctrl+C.",
      ),
    );
  });

  it("draws the ledger as a waterfall with the prognosis striped, and the switch leaves it out (R5.3)", async () => {
    renderPane(services({ compute: async () => ({ ok: true, summary: sample }) }));
    fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    const region = await screen.findByRole("region", { name: "Vandfald" });
    const kinds = () =>
      [...region.querySelectorAll("[data-kind]")].map((e) => [e.textContent, e.getAttribute("data-kind")]);
    expect(kinds()).toContainEqual(["Efterregulering (sommer 2019) (prognose)", "prognosis"]);
    expect(kinds()).toContainEqual(["Midtvejsregulering (juni 2018)", "final"]);
    expect(kinds().at(-1)).toEqual(["Forventet resultat 2018", "balance"]);
    expect(region.textContent).toMatch(/Forventet resultat 2018-86\.093/);
    fireEvent.click(screen.getByRole("switch", { name: "Med prognoser" }));
    expect(kinds().map(([, kind]) => kind)).not.toContain("prognosis");
    expect(region.textContent).toMatch(/Forventet resultat 2018-56\.592/);
  });

  it("shows the scenarios side by side, the break-even efterregulering, and the investments that are flagged", async () => {
    renderPane(services({ compute: async () => ({ ok: true, summary: sample }) }));
    fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    const scenarios = await screen.findByRole("region", { name: "Scenarier" });
    expect(scenarios.textContent).toContain("KL's prognose (valgt)");
    expect(scenarios.textContent).toMatch(/Ingen efterregulering.*-56\.5926\.592RØD/);
    const sensitivity = screen.getByRole("region", { name: "Følsomhed" });
    expect(sensitivity.textContent).toContain(
      "Budgetværnet er netop opbrugt ved en efterregulering på 6.592.",
    );
    const investments = screen.getByRole("region", { name: "Investeringer" });
    expect(investments.textContent).toContain("Nettogevinst 46.611.898; realiseret 14.368.000.");
    expect(investments.textContent).toContain("Efterværn-227.671GUL");
  });
});

describe("the task pane on the August 2024 sample: years side by side (R11, R12)", () => {
  let years: Summary;
  beforeAll(async () => {
    const fake = fakeExcelFrom(buildYearsSampleWorkbook({ asTables: true }));
    const outcome = await runContract(new OfficeWorkbook(fake.run, () => true), new Diagnostics(), {
      write: false,
    });
    expect(outcome.ok).toBe(true);
    years = outcome.summary;
  });

  it("shows each year column with its Samlet and pool, and the ledger of a chosen year", async () => {
    renderPane(services({ compute: async () => ({ ok: true, summary: years }) }));
    fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    const region = await screen.findByRole("region", { name: "Årene side om side" });
    const rows = within(region)
      .getAllByRole("row")
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual([
      "Regnskab 20233.822.173131.936",
      "Vedtaget budget 20244.222.24626.739",
      "Forventet regnskab 20244.088.018129.221",
      "Budget 20254.365.796118.190",
    ]);
    const ledger = screen.getByRole("region", { name: "Puljeregnskab pr. år" });
    expect(ledger.textContent).toContain("Forventet resultat 2024129.221");
    fireEvent.change(within(ledger).getByLabelText("År"), { target: { value: "2023" } });
    expect(ledger.textContent).toContain("Resultat 2023131.936");
    expect(ledger.textContent).not.toContain("Forventet resultat 2024");
  });

  it("a column whose pool cannot be known says why; the change since an earlier follow-up per pool, with the forecasts drawn", async () => {
    const summary: Summary = {
      ...years,
      years: [
        {
          kolonne: "Forventet regnskab 2024 ved Økonomisk Status",
          art: "Forventet regnskab",
          år: 2024,
          ved: "Økonomisk Status",
          samlet: 4_100_000,
          reservationspulje: null,
          grundlag: "En tidligere prognose (ved Økonomisk Status); puljen fra dengang vises ikke.",
        },
        {
          kolonne: "Forventet regnskab 2024",
          art: "Forventet regnskab",
          år: 2024,
          samlet: 4_088_018,
          reservationspulje: 129_221,
          grundlag: "…",
        },
      ],
      followUp: {
        ...years.followUp!,
        changes: [{ siden: "Økonomisk Status", år: 2024, total: 11_982, groups: { Budgetgaranti: 11_982 } }],
      },
    };
    renderPane(services({ compute: async () => ({ ok: true, summary }) }));
    fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    const region = await screen.findByRole("region", { name: "Årene side om side" });
    expect(region.textContent).toContain(
      "En tidligere prognose (ved Økonomisk Status); puljen fra dengang vises ikke.",
    );
    const changes = screen.getByRole("region", { name: "Ændring siden sidste opfølgning" });
    expect(changes.textContent).toContain("Budgetgaranti11.982");
    expect(changes.textContent).toContain("I alt i puljerne11.982");
    const chart = within(changes).getByRole("img", { name: "Forventet regnskab pr. opfølgning" });
    expect(chart.querySelectorAll('[data-kind="forecast"]')).toHaveLength(2);
    expect(chart.textContent).toContain("ved Økonomisk Status4.100.000");
    // Beside each pool in the pool's table: the change of the forecast (the pool's deviation moved by it).
    const pool = screen.getByRole("region", { name: "Reservationspulje" });
    expect(within(pool).getByRole("columnheader", { name: "Ændring siden Økonomisk Status" })).toBeTruthy();
    expect(pool.textContent).toContain("Budgetgaranterede områder og øvrige overførsler129.221129.22111.982");
  });
});
