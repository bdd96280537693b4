/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import type { PaneServices } from "../../src/taskpane/services";
import { buildSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { Diagnostics } from "../../src/domain";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { runContract } from "../../src/app/run";
import { checkStale, StaleReport } from "../../src/app/stale";
import { fakeExcelFrom } from "../helpers/fakeExcelFrom";
import { READ_REQUEST } from "../../src/app/contract";

// jsdom has no ResizeObserver; Fluent's MessageBar uses one to reflow. The browser test uses the real one.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = NoResizeObserver;

/** Beregn on the 2018 sample in the simulated Excel, then the check the pane makes on opening. */
async function computedInExcel() {
  const fake = fakeExcelFrom(buildSampleWorkbook({ asTables: true }));
  const port = new OfficeWorkbook(fake.run, () => true);
  const outcome = await runContract(port, new Diagnostics());
  expect(outcome.ok).toBe(true);
  return { fake, port, outcome };
}

describe("issue 30 through Office.js: the fingerprint Beregn stores, and the check on opening", () => {
  it("reports nothing on the workbook as Beregn left it, in as many syncs as a read", async () => {
    const { fake, port } = await computedInExcel();
    const start = fake.syncs;
    await port.snapshot(READ_REQUEST);
    const read = fake.syncs - start;
    const report = await checkStale(port);
    expect(report).toMatchObject({ computed: true, computedAt: "30/10 2018 kl. 14.02", changes: [] });
    // The check is one snapshot: the same round trips as a read of the workbook, nothing more.
    expect(fake.syncs - start - read).toBe(read);
  });

  it("reports the follow-up after one of its input cells changed in Excel, and only that", async () => {
    const { fake, port } = await computedInExcel();
    const cell = fake.sheet("Opfølgning").cells.get("E6")!;
    cell.value = (cell.value as number) + 1;
    const report = await checkStale(port);
    expect(report.changes).toEqual([{ label: "Opfølgningen på arket Opfølgning", change: "ændret" }]);
    expect(report.messages).toEqual([
      "Opfølgningen på arket Opfølgning er ændret efter beregningen 30/10 2018 kl. 14.02 — beregn igen.",
    ]);
  });

  it("links every figure on Sag to its Spor row, with no sync per figure", async () => {
    const { fake } = await computedInExcel();
    // Column A holds labels and point numbers; every other number on Sag is a figure.
    const numbers = [...fake.sheet("Sag").cells].filter(
      ([address, c]) => typeof c.value === "number" && !/^A\d+$/.test(address),
    );
    const linked = numbers.filter(([, c]) => c.link);
    expect(numbers.length).toBeGreaterThan(60);
    expect(linked.length).toBe(numbers.length);
    for (const [, c] of linked) expect(c.link).toMatch(/^Spor!A(\d+):J\1$/);
  });
});

describe("issue 30 in the pane", () => {
  const base: PaneServices = {
    compute: async () => {
      throw new Error("not in this test");
    },
    insertTemplate: async () => ({ sheets: [] }),
    setCaseKind: async () => ({ ok: true, message: "" }),
    select: async () => undefined,
    copy: async () => undefined,
    copyHtml: async () => undefined,
  };
  const renderWith = (report: StaleReport, extra: Partial<PaneServices> = {}) =>
    render(
      <FluentProvider theme={webLightTheme}>
        <App services={{ ...base, checkStale: async () => report, ...extra }} />
      </FluentProvider>,
    );

  it("says on opening which table changed since the figures were computed, with Beregn igen", async () => {
    const { port, fake } = await computedInExcel();
    const cell = fake.sheet("Opfølgning").cells.get("E6")!;
    cell.value = (cell.value as number) + 1;
    renderWith(await checkStale(port));
    expect(await screen.findByText("Tallene er ikke længere ajour")).toBeTruthy();
    expect(
      screen.getByText(
        /Opfølgningen på arket Opfølgning er ændret efter beregningen 30\/10 2018 kl\. 14\.02/,
      ),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Beregn igen" })).toBeTruthy();
  });

  it("says quietly that the figures are current when nothing changed", async () => {
    const { port } = await computedInExcel();
    renderWith(await checkStale(port));
    expect(
      await screen.findByText(
        "Tallene er beregnet 30/10 2018 kl. 14.02; ingen af tabellerne er ændret siden.",
      ),
    ).toBeTruthy();
    expect(screen.queryByText("Tallene er ikke længere ajour")).toBeNull();
  });

  it("shows a figure's derivation and selects its source cells in Excel", async () => {
    const { outcome } = await computedInExcel();
    const selected: [string, string | undefined][] = [];
    renderWith(
      { computed: true, changes: [], messages: [] },
      {
        compute: async () => ({ ok: true, summary: outcome.summary }),
        select: async (sheet, cell) => void selected.push([sheet, cell]),
      },
    );
    fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    const select = await screen.findByLabelText<HTMLSelectElement>("Tal i sagen");
    const option = [...select.options].find((o) => o.text.startsWith("Forventet resultat 2018 · I alt"))!;
    fireEvent.change(select, { target: { value: option.value } });
    await waitFor(() =>
      expect(screen.getByText(/Resultat: sum af bevægelserne over linjen i alle puljer/)).toBeTruthy(),
    );
    fireEvent.click(screen.getAllByRole("button", { name: "Vis i projektmappen" })[0]!);
    await waitFor(() => expect(selected).toEqual([["Reservationspulje", "E5:E7"]]));
  });
});
