/**
 * A simulated Excel host for the built task pane in a real browser: it stands in for Office.js (loaded
 * in place of the CDN script) and answers Excel.run from the simulated Excel of the Office.js tests,
 * holding the workbook the test page was given in window.__WORKBOOK__.
 */
import { FakeExcel, FakeModel } from "../helpers/fakeExcel";

declare global {
  interface Window {
    __WORKBOOK__: FakeModel;
    __FAKE_EXCEL__: FakeExcel;
  }
}

const fake = FakeExcel.fromModel(window.__WORKBOOK__);
window.__FAKE_EXCEL__ = fake;
const host = window as unknown as Record<string, unknown>;
host["Office"] = {
  onReady: (callback?: (info: { host: string; platform: string }) => void) => {
    const info = { host: "Excel", platform: "OfficeOnline" };
    callback?.(info);
    return Promise.resolve(info);
  },
  context: { requirements: { isSetSupported: () => true } },
};
host["Excel"] = { run: fake.run };
