/// <reference types="office-js" />
import { OfficeMockObject } from "office-addin-mock";
import { RawValue } from "../../src/domain";
import { a1, parseA1, parseRange } from "../../src/workbook/address";
import { ExcelRun } from "../../src/workbook/officeWorkbook";

/** One cell of the simulated Excel. */
export interface FakeCell {
  value: RawValue;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  wrap?: boolean;
  /** A data-validation list ("Ja,Nej") and its alert style. */
  validation?: { list: string; style?: string };
  /** A hyperlink to a place in the workbook (RangeHyperlink.documentReference, ExcelApi 1.7). */
  link?: string;
}

export interface FakeSheetModel {
  name: string;
  cells: Map<string, FakeCell>;
  protected: boolean;
  conditionalFormats: { range: string; rules: FakeRule[] }[];
  columnWidths: Map<string, number>;
  charts: FakeChart[];
  /** Hidden or filtered-out rows (1-based). */
  hiddenRows: Set<number>;
  /** Hidden columns (1-based). */
  hiddenColumns: Set<number>;
  /** Merged areas ("A7:A8"). */
  merges: string[];
  /** Rows frozen at the top (freezePanes.freezeRows). */
  frozenRows?: number;
  /** What pageLayout was told (ExcelApi 1.9). */
  pageLayout?: Record<string, unknown>;
  /** Rows a new printed page starts with (horizontalPageBreaks). */
  pageBreaks?: number[];
}

/** One conditional format rule (one Excel ConditionalFormat); type "CellValue" unless said. */
export interface FakeRule {
  type?: string;
  formula1: string;
  operator: string;
  fill?: string;
  font?: string;
}

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  title?: string;
  from?: string;
  to?: string;
}

export interface FakeTableModel {
  name: string;
  sheet: string;
  ref: string;
  showTotals: boolean;
}

type Op = () => void;

/**
 * Chart types Excel 2016 introduced: the API creates them, but their title, series and chartType are not
 * implemented (office-js#2041, office-js-docs#910) — setting the title throws UnsupportedOperation.
 */
/**
 * As Excel: reading a property that was not loaded and synced throws PropertyNotLoaded (office-addin-mock
 * returns a sentinel string instead, which would pass silently as a value).
 */
function mustBeLoaded(value: unknown, property: string): unknown {
  if (
    value === "Error, property was not loaded" ||
    (value instanceof OfficeMockObject && !isLoadedObject(value))
  )
    throw new Error(
      `PropertyNotLoaded: The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    );
  return value;
}

function isLoadedObject(value: OfficeMockObject): boolean {
  return (value as unknown as { _loaded?: boolean })._loaded !== false;
}

/** Excel on the web's limit on one request or response (Office add-in resource limits). */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

const NEWER_CHART_TYPES = new Set([
  "Waterfall",
  "Treemap",
  "Sunburst",
  "Histogram",
  "Pareto",
  "BoxWhisker",
  "Funnel",
]);

export interface FakeModel {
  sheets: {
    name: string;
    protected: boolean;
    cells: [string, FakeCell][];
    hiddenRows?: number[];
    hiddenColumns?: number[];
    merges?: string[];
  }[];
  tables: FakeTableModel[];
}

/**
 * A simulated Excel for the Office.js adapter: an in-memory workbook behind objects that behave like
 * Office.js proxies. Loadable state lives in office-addin-mock objects (a property read before load and
 * sync gives the mock's "not loaded" value, as it would fail in Excel), writes are queued and applied at
 * sync, and every sync and API call is counted.
 */
export class FakeExcel {
  readonly sheets: FakeSheetModel[] = [];
  readonly tables: FakeTableModel[] = [];
  syncs = 0;
  calls = 0;
  private pendingMocks: OfficeMockObject[] = [];
  private pendingOps: Op[] = [];

  /** A plain-JSON copy of the workbook, to rebuild the same simulated Excel in a browser page. */
  toModel(): FakeModel {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        protected: s.protected,
        cells: [...s.cells],
        hiddenRows: [...s.hiddenRows],
        hiddenColumns: [...s.hiddenColumns],
        merges: [...s.merges],
      })),
      tables: this.tables.map((t) => ({ ...t })),
    };
  }

  static fromModel(model: FakeModel): FakeExcel {
    const fake = new FakeExcel();
    for (const s of model.sheets) {
      fake.sheets.push({
        name: s.name,
        protected: s.protected,
        cells: new Map(s.cells),
        conditionalFormats: [],
        columnWidths: new Map(),
        charts: [],
        hiddenRows: new Set(s.hiddenRows ?? []),
        hiddenColumns: new Set(s.hiddenColumns ?? []),
        merges: [...(s.merges ?? [])],
      });
    }
    fake.tables.push(...model.tables.map((t) => ({ ...t })));
    return fake;
  }

  readonly run: ExcelRun = async (batch) => batch(this.context());

  sheet(name: string): FakeSheetModel {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`Fake Excel: no sheet ${name}`);
    return sheet;
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    return this.sheet(sheet).cells.get(address);
  }

  /**
   * A loadable object of this batch. With `refresh`, its properties are read when the batch is synced —
   * after the batch's writes, in queue order, as Excel does — not when the proxy was made.
   */
  private track<T extends OfficeMockObject>(mock: T, refresh?: () => Record<string, unknown>): T {
    this.pendingMocks.push(mock);
    if (refresh) {
      const requested: string[] = [];
      const everLoaded: string[] = [];
      const load = mock.load.bind(mock);
      const unsynced = new Set<string>();
      this.unsynced.set(mock, unsynced);
      (mock as unknown as { load(p: string): unknown }).load = (p: string) => {
        requested.push(p);
        for (const name of p.split(",")) unsynced.add(name.trim());
        return load(p);
      };
      // Loads since the last sync are resolved with what the cells hold now; earlier loads keep their values.
      this.refreshers.set(mock, () => {
        if (requested.length === 0) return;
        (mock as unknown as { populate(data: Record<string, unknown>): void }).populate(refresh());
        everLoaded.push(...requested.splice(0));
        for (const p of everLoaded) load(p);
        unsynced.clear();
      });
    }
    return mock;
  }

  private refreshers = new Map<OfficeMockObject, () => void>();
  /** Properties loaded but not yet synced, per refreshed object: reading them throws, as in Excel. */
  private unsynced = new Map<OfficeMockObject, Set<string>>();

  /** A property of a refreshed object, as Excel gives it: only after load and sync. */
  private read(mock: OfficeMockObject, property: string): unknown {
    if (this.unsynced.get(mock)?.has(property))
      return mustBeLoaded("Error, property was not loaded", property);
    return mustBeLoaded((mock as unknown as Record<string, unknown>)[property], property);
  }

  /** An *OrNullObject result: isNullObject after load and sync, and a delete queued until sync. */
  private nullable(exists: boolean, remove: Op) {
    const self = this;
    const mock = this.track(new OfficeMockObject({ isNullObject: !exists }));
    return {
      get isNullObject() {
        return mustBeLoaded(mock.isNullObject, "isNullObject") as boolean;
      },
      load(p: string) {
        self.calls++;
        mock.load(p);
        return this;
      },
      delete: () => self.op(remove),
    };
  }

  private op(op: Op): void {
    this.calls++;
    this.pendingOps.push(op);
  }

  /** The most areas one getRanges call asked for. */
  largestAreas = 0;
  /** Lets the newer chart types take a title (a future Excel); by default they refuse, as today's Excel. */
  newerChartTitles = false;
  /** The workbook's structure is protected (Gennemse → Beskyt projektmappe): sheets.add fails. */
  structureProtected = false;
  /** Conditional-format formulas read back normalised (without their "="). */
  normaliseRuleFormulas = false;
  /** The list separator between a RangeAreas address's areas: "," in English Excel, ";" in Danish desktop Excel. */
  listSeparator: "," | ";" = ",";
  /** Whole numbers read back typed "Integer" (Excel.RangeValueType), not "Double". */
  integerTypes = false;
  /** When set, every charts.add fails at sync with this text (a host without the chart type, say). */
  chartAddFails: string | undefined;

  /** Makes a later sync fail after this many operations, the earlier ones applied (as Excel does). */
  failAfterOps: number | undefined;
  private opsDone = 0;

  /** Bytes of JSON the pending batch sends (written arrays) and asks back (loaded cell arrays). */
  private requestBytes = 0;
  private responseBytes = 0;
  /** The largest request and response of one sync so far, in bytes of JSON. */
  largestRequest = 0;
  largestResponse = 0;
  /** The payload Excel on the web accepts per request and response (5 MB); a test may lower it. */
  payloadLimit = PAYLOAD_LIMIT;

  private async sync(): Promise<void> {
    this.syncs++;
    const request = this.requestBytes;
    const response = this.responseBytes;
    this.requestBytes = 0;
    this.responseBytes = 0;
    this.largestRequest = Math.max(this.largestRequest, request);
    this.largestResponse = Math.max(this.largestResponse, response);
    // As Excel on the web: a request or a response over 5 MB is refused, and nothing of the batch is done.
    const limit = this.payloadLimit;
    if (request > limit || response > limit) {
      this.pendingOps = [];
      this.pendingMocks = [];
      throw new Error(
        `RequestPayloadSizeLimitExceeded: the ${request > limit ? "request" : "response"} of ${
          request > limit ? request : response
        } bytes is over Excel on the web's limit of 5 MB`,
      );
    }
    const ops = this.pendingOps;
    this.pendingOps = [];
    for (const op of ops) {
      if (this.failAfterOps !== undefined && this.opsDone >= this.failAfterOps) {
        this.failAfterOps = undefined;
        this.pendingMocks = [];
        throw new Error("GeneralException: simulated failure while writing");
      }
      this.opsDone++;
      try {
        op();
      } catch (error) {
        // As Excel: the batch stops at the failing operation; the earlier ones stay applied.
        this.pendingMocks = [];
        throw error;
      }
    }
    const mocks = this.pendingMocks;
    for (const mock of mocks) {
      this.refreshers.get(mock)?.();
      await mock.sync();
    }
  }

  private context(): Excel.RequestContext {
    const self = this;
    const collection = <T extends { load(p: string): void }>(items: () => T[]) => ({
      get items() {
        return items();
      },
      load(properties: string) {
        self.calls++;
        for (const item of items()) item.load(properties.replace(/items\//g, ""));
      },
    });
    const sheets = this.sheets.map((s) => this.worksheet(s.name));
    const tables = this.tables.map((t) => this.table(t));
    return {
      workbook: {
        worksheets: {
          ...collection(() => sheets),
          getItem: (name: string) => {
            self.calls++;
            return this.worksheet(name);
          },
          getItemOrNullObject: (name: string) => {
            self.calls++;
            return this.nullable(
              this.sheets.some((s) => s.name === name),
              () => {
                const index = this.sheets.findIndex((s) => s.name === name);
                if (index >= 0) this.sheets.splice(index, 1);
                // As Excel: a sheet's tables go with it.
                for (let i = this.tables.length - 1; i >= 0; i--)
                  if (this.tables[i]!.sheet === name) this.tables.splice(i, 1);
              },
            );
          },
          add: (name: string) => {
            this.op(() => {
              // As Excel: no sheet is added to a workbook whose structure is protected.
              if (this.structureProtected)
                throw new Error("AccessDenied: The workbook's structure is protected.");
              // As Excel: a sheet name is unique, compared case-insensitively.
              if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
                throw new Error(`ItemAlreadyExists: a sheet named ${name} exists`);
              this.sheets.push({
                name,
                cells: new Map(),
                protected: false,
                conditionalFormats: [],
                columnWidths: new Map(),
                charts: [],
                hiddenRows: new Set(),
                hiddenColumns: new Set(),
                merges: [],
              });
            });
            return this.worksheet(name);
          },
        },
        // WorkbookProtection (ExcelApi 1.7): whether the structure is protected.
        protection: {
          load() {
            self.calls++;
            return this;
          },
          get protected() {
            return self.structureProtected;
          },
        },
        tables: {
          ...collection(() => tables),
          getItem: (name: string) => {
            self.calls++;
            return this.table(this.tables.find((t) => t.name === name)!);
          },
        },
      },
      application: {
        suspendApiCalculationUntilNextSync: () => {
          self.calls++;
        },
      },
      sync: () => this.sync(),
    } as unknown as Excel.RequestContext;
  }

  /** A worksheet's pageLayout (ExcelApi 1.9): what it is told is kept on the sheet's model. */
  private pageLayout(name: string) {
    const self = this;
    const set = (key: string, value: unknown) => {
      self.calls++;
      self.op(() => ((self.sheet(name).pageLayout ??= {})[key] = value));
    };
    const setter = (key: string) => ({
      set(this: void, value: unknown) {
        set(key, value);
      },
      enumerable: true,
    });
    const footer = {};
    Object.defineProperties(footer, {
      centerHeader: setter("centerHeader"),
      leftFooter: setter("leftFooter"),
      centerFooter: setter("centerFooter"),
      rightFooter: setter("rightFooter"),
    });
    const layout = {
      setPrintTitleRows: (rows: string) => set("printTitleRows", rows),
      setPrintArea: (area: string) => set("printArea", area),
      headersFooters: { defaultForAllPages: footer },
    };
    Object.defineProperties(layout, {
      orientation: setter("orientation"),
      paperSize: setter("paperSize"),
      leftMargin: setter("leftMargin"),
      rightMargin: setter("rightMargin"),
      zoom: setter("zoom"),
    });
    return layout;
  }

  private worksheet(name: string) {
    const self = this;
    const model = () => this.sheet(name);
    const exists = this.sheets.some((s) => s.name === name);
    const mock = this.track(
      new OfficeMockObject({ name, protection: { protected: exists ? model().protected : false } }),
    );
    return {
      get name() {
        return mustBeLoaded(mock.name, "name") as string;
      },
      get protection() {
        const protection = mock.protection as { protected: unknown };
        return {
          get protected() {
            return mustBeLoaded(protection.protected, "protection/protected") as boolean;
          },
        };
      },
      load(p: string) {
        self.calls++;
        mock.load(p);
        return this;
      },
      getUsedRangeOrNullObject: () => {
        self.calls++;
        const cells = [...model().cells].filter(
          ([, c]) => (c.value !== null && c.value !== undefined && c.value !== "") || c.formula !== undefined,
        );
        if (cells.length === 0) return this.range(name, undefined);
        let [top, left, bottom, right] = [Infinity, Infinity, 0, 0];
        for (const [address] of cells) {
          const p = parseA1(address);
          top = Math.min(top, p.row);
          left = Math.min(left, p.col);
          bottom = Math.max(bottom, p.row);
          right = Math.max(right, p.col);
        }
        return this.range(name, `${a1(top, left)}:${a1(bottom, right)}`);
      },
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => {
        self.calls++;
        return this.range(name, `${a1(row + 1, col + 1)}:${a1(row + rows, col + cols)}`);
      },
      getRange: (address?: string) => {
        self.calls++;
        if (address === undefined) return this.range(name, "A1:XFD1048576");
        const columns = /^([A-Z]+):([A-Z]+)$/.exec(address);
        const rows = /^(\d+):(\d+)$/.exec(address);
        if (rows) return this.range(name, `A${rows[1]}:XFD${rows[2]}`);
        return this.range(name, columns ? `${columns[1]}1:${columns[2]}1048576` : address);
      },
      charts: this.charts(name),
      freezePanes: {
        freezeRows: (count: number) => {
          self.calls++;
          self.op(() => (model().frozenRows = count));
        },
      },
      pageLayout: this.pageLayout(name),
      /** Manual page breaks (ExcelApi 1.9): the rows a new page starts with. */
      horizontalPageBreaks: {
        add: (at: string) => {
          self.calls++;
          self.op(() => (model().pageBreaks ??= []).push(parseRange(at).top));
        },
        removePageBreaks: () => {
          self.calls++;
          self.op(() => (model().pageBreaks = []));
        },
      },
      tables: {
        add: (address: string) => {
          self.calls++;
          const model: FakeTableModel = {
            name: `Tabel${this.tables.length + 1}`,
            sheet: name,
            ref: address.split("!").pop()!,
            showTotals: false,
          };
          this.op(() => this.tables.push(model));
          const bounds = parseRange(model.ref);
          return {
            set name(n: string) {
              self.op(() => (model.name = n));
            },
            getHeaderRowRange: () =>
              this.range(name, `${a1(bounds.top, bounds.left)}:${a1(bounds.top, bounds.right)}`),
            getDataBodyRange: () =>
              this.range(name, `${a1(bounds.top + 1, bounds.left)}:${a1(bounds.bottom, bounds.right)}`),
            getRange: () => this.range(name, model.ref),
          };
        },
      },
      getRanges: (addresses: string) => {
        self.calls++;
        // Desktop Excel wants the locale's list separator between the areas (";" in Danish), not ","
        // (office-js#1167, reproduced by Microsoft; #1985; #2891 on Mac).
        const separator = self.listSeparator;
        if (addresses.includes(separator === "," ? ";" : ","))
          throw new Error("InvalidArgument: The argument is invalid or missing or has an incorrect format.");
        if (addresses.length > 8000)
          throw new Error("Fake Excel: RangeAreas address longer than 8.000 characters");
        const count = addresses.split(separator).length;
        self.largestAreas = Math.max(self.largestAreas, count);
        if (count > 500)
          throw new Error(`InvalidArgument: RangeAreas with ${count} areas (Excel: about 500 at most)`);
        return this.areas(name, addresses.split(separator));
      },
    };
  }

  private table(model: FakeTableModel) {
    const self = this;
    const mock = this.track(
      new OfficeMockObject({
        name: model.name,
        showTotals: model.showTotals,
        worksheet: { name: model.sheet },
      }),
    );
    return {
      get name() {
        return mustBeLoaded(mock.name, "name") as string;
      },
      get showTotals() {
        return mustBeLoaded(mock.showTotals, "showTotals") as boolean;
      },
      get worksheet() {
        const worksheet = mock.worksheet as { name: unknown };
        return {
          get name() {
            return mustBeLoaded(worksheet.name, "worksheet/name") as string;
          },
        };
      },
      load(p: string) {
        self.calls++;
        mock.load(p);
        return this;
      },
      getRange: () => {
        self.calls++;
        return this.range(model.sheet, model.ref);
      },
      columns: {
        getItemOrNullObject: (header: string) => {
          self.calls++;
          const columnOf = () => {
            const b = parseRange(model.ref);
            for (let c = b.left; c <= b.right; c++)
              if (this.sheet(model.sheet).cells.get(a1(b.top, c))?.value === header) return c;
            return undefined;
          };
          return this.nullable(
            columnOf() !== undefined,
            // As Excel: the column's cells go, the table's cells to its right move one column left.
            () => {
              const col = columnOf();
              if (col === undefined) throw new Error(`ItemNotFound: column ${header}`);
              const b = parseRange(model.ref);
              const cells = this.sheet(model.sheet).cells;
              for (let r = b.top; r <= b.bottom; r++) {
                for (let c = col; c < b.right; c++) {
                  const next = cells.get(a1(r, c + 1));
                  if (next) cells.set(a1(r, c), next);
                  else cells.delete(a1(r, c));
                }
                cells.delete(a1(r, b.right));
              }
              model.ref = `${a1(b.top, b.left)}:${a1(b.bottom, b.right - 1)}`;
            },
          );
        },
        add: (_index: number | undefined, _values: unknown, header: string) => {
          this.op(() => {
            const bounds = parseRange(model.ref);
            const col = bounds.right + 1;
            model.ref = `${a1(bounds.top, bounds.left)}:${a1(bounds.bottom, col)}`;
            this.sheet(model.sheet).cells.set(a1(bounds.top, col), { value: header });
          });
        },
      },
    };
  }

  /** A range: loadable values through office-addin-mock; writes queued until sync. */
  private range(sheet: string, address: string | undefined) {
    const self = this;
    const bounds = address ? parseRange(address) : undefined;
    const data = () => {
      const values: unknown[][] = [];
      const formulas: unknown[][] = [];
      const valueTypes: string[][] = [];
      const numberFormat: string[][] = [];
      if (bounds && bounds.bottom - bounds.top < 200_000) {
        for (let r = bounds.top; r <= bounds.bottom; r++) {
          const rowValues: unknown[] = [];
          const rowFormulas: unknown[] = [];
          const rowTypes: string[] = [];
          const rowFormats: string[] = [];
          for (let c = bounds.left; c <= bounds.right; c++) {
            const cell = this.sheets.find((s) => s.name === sheet)?.cells.get(a1(r, c));
            const v = cell?.value;
            const isError = typeof v === "object" && v !== null && !(v instanceof Date) && "error" in v;
            // As Excel: a date is a serial number (days since 1899-12-30) with a date format.
            rowValues.push(
              v === null || v === undefined
                ? ""
                : isError
                  ? v.error
                  : v instanceof Date
                    ? v.getTime() / 86400000 + 25569
                    : v,
            );
            rowFormats.push(cell?.numberFormat ?? (v instanceof Date ? "yyyy-mm-dd" : "General"));
            rowFormulas.push(cell?.formula ?? rowValues[rowValues.length - 1]);
            rowTypes.push(
              v === null || v === undefined || v === ""
                ? "Empty"
                : isError
                  ? "Error"
                  : typeof v === "number" || v instanceof Date
                    ? // Excel.RangeValueType has Integer beside Double; some hosts type whole numbers so.
                      self.integerTypes &&
                      Number.isInteger(v instanceof Date ? v.getTime() / 86400000 + 25569 : v)
                      ? "Integer"
                      : "Double"
                    : typeof v === "boolean"
                      ? "Boolean"
                      : "String",
            );
          }
          values.push(rowValues);
          formulas.push(rowFormulas);
          valueTypes.push(rowTypes);
          numberFormat.push(rowFormats);
        }
      }
      return { values, formulas, valueTypes, numberFormat };
    };
    const empty = { values: [], formulas: [], valueTypes: [], numberFormat: [] };
    const columnHidden = () => {
      if (!bounds) return false;
      const hiddenColumns = this.sheets.find((s) => s.name === sheet)?.hiddenColumns ?? new Set<number>();
      for (let c = bounds.left; c <= bounds.right; c++) if (!hiddenColumns.has(c)) return false;
      return true;
    };
    // Cell contents are read at sync (after the batch's writes), and only when loaded.
    const current = () => ({
      ...(bounds && bounds.bottom - bounds.top < 200_000 ? data() : empty),
      // Range.columnHidden: true when every column of the range is hidden.
      columnHidden: columnHidden(),
    });
    let contents: ReturnType<typeof data> | undefined;
    const mock = this.track(
      new OfficeMockObject({
        address: address ? `${sheet}!${address}` : "",
        rowCount: bounds ? bounds.bottom - bounds.top + 1 : 0,
        rowIndex: bounds ? bounds.top - 1 : 0,
        columnCount: bounds ? bounds.right - bounds.left + 1 : 0,
        isNullObject: address === undefined,
        columnHidden: false,
        ...empty,
      }),
      current,
    );
    const each = (apply: (cell: FakeCell, r: number, c: number) => void) =>
      this.eachCell(sheet, bounds!, apply);
    return {
      fakeAddress: `${sheet}!${address ?? ""}`,
      get isNullObject() {
        return address === undefined;
      },
      get address() {
        return self.read(mock, "address") as string;
      },
      get rowCount() {
        return self.read(mock, "rowCount") as number;
      },
      get rowIndex() {
        return self.read(mock, "rowIndex") as number;
      },
      get columnCount() {
        return self.read(mock, "columnCount") as number;
      },
      get columnHidden() {
        return self.read(mock, "columnHidden") as boolean;
      },
      get values() {
        return self.read(mock, "values") as unknown[][];
      },
      set values(values: unknown[][]) {
        self.calls++;
        self.requestBytes += JSON.stringify(values).length;
        self.op(() => {
          checkShape(values, bounds!);
          each((cell, r, c) => {
            const v = values[r]![c];
            if (v === null) return; // as Excel: null leaves the cell unchanged
            if (typeof v === "string" && v !== "") typeIn(cell, v);
            else {
              cell.value = v === "" ? null : (v as RawValue);
              delete cell.formula;
            }
          });
        });
      },
      get formulas() {
        return self.read(mock, "formulas") as unknown[][];
      },
      set formulas(formulas: unknown[][]) {
        self.calls++;
        self.requestBytes += JSON.stringify(formulas).length;
        self.op(() => {
          checkShape(formulas, bounds!);
          each((cell, r, c) => {
            const f = formulas[r]![c];
            if (f === null) return;
            if (typeof f === "string" && f !== "") typeIn(cell, f);
            else {
              cell.value = f === "" ? null : (f as RawValue);
              delete cell.formula;
            }
          });
        });
      },
      get valueTypes() {
        return self.read(mock, "valueTypes") as string[][];
      },
      get numberFormat() {
        return self.read(mock, "numberFormat") as string[][];
      },
      set numberFormat(formats: string[][]) {
        self.calls++;
        self.requestBytes += JSON.stringify(formats).length;
        self.op(() => {
          checkShape(formats, bounds!);
          each((cell, r, c) => {
            const f = formats[r]![c];
            if (f !== null && f !== undefined) cell.numberFormat = f;
          });
        });
      },
      load(p: string) {
        self.calls++;
        for (const property of p.split(",").map((x) => x.trim()))
          if (property in empty) {
            contents ??= bounds && bounds.bottom - bounds.top < 200_000 ? data() : empty;
            self.responseBytes += JSON.stringify(contents[property as keyof typeof empty]).length;
          }
        mock.load(p);
        return this;
      },
      clear: () => self.op(() => this.sheet(sheet).cells.clear()),
      /** One cell of the range (0-based offsets), as Excel's getCell. */
      getCell: (r: number, c: number) => this.range(sheet, a1(bounds!.top + r, bounds!.left + c)),
      /** As Excel (ExcelApi 1.7): a link to a place in the workbook; the cell keeps its value. */
      set hyperlink(link: { documentReference?: string; address?: string }) {
        self.calls++;
        self.op(() => {
          if (link.address) throw new Error("Fake Excel: the add-in links outside the workbook");
          each((cell) => {
            cell.link = link.documentReference;
          });
        });
      },
      /** As Excel: merging keeps the top-left value of each merged area; across = one area per row. */
      merge: (across: boolean) => {
        self.calls++;
        self.op(() => {
          const b = bounds!;
          const areas = across
            ? Array.from({ length: b.bottom - b.top + 1 }, (_, i) => ({
                ...b,
                top: b.top + i,
                bottom: b.top + i,
              }))
            : [b];
          const model = this.sheet(sheet);
          for (const area of areas) {
            const ref = `${a1(area.top, area.left)}:${a1(area.bottom, area.right)}`;
            const overlaps = model.merges.some((m) => {
              const o = parseRange(m);
              return !(
                o.right < area.left ||
                o.left > area.right ||
                o.bottom < area.top ||
                o.top > area.bottom
              );
            });
            if (overlaps) throw new Error(`Fake Excel: ${ref} overlaps a merged area`);
            this.eachCell(sheet, area, (cell, r, c) => {
              if (r > 0 || c > 0) cell.value = null;
            });
            model.merges.push(ref);
          }
        });
      },
      /** Splits every merged area inside the range. */
      unmerge: () => {
        self.calls++;
        self.op(() => {
          const b = bounds!;
          const model = this.sheet(sheet);
          model.merges = model.merges.filter((m) => {
            const o = parseRange(m);
            return !(o.top >= b.top && o.bottom <= b.bottom && o.left >= b.left && o.right <= b.right);
          });
        });
      },
      /** The visible rows: cellAddresses of the rows that are not hidden (as Excel's RangeView). */
      getVisibleView: () => {
        self.calls++;
        const model = this.sheets.find((s) => s.name === sheet);
        const hidden = model?.hiddenRows ?? new Set<number>();
        const hiddenColumns = model?.hiddenColumns ?? new Set<number>();
        const cellAddresses: string[][] = [];
        // As Excel: only cells in visible rows and visible columns; a hidden column leaves no cells at all.
        if (bounds)
          for (let r = bounds.top; r <= bounds.bottom; r++) {
            if (hidden.has(r)) continue;
            const row: string[] = [];
            for (let c = bounds.left; c <= bounds.right; c++)
              if (!hiddenColumns.has(c)) row.push(`${sheet}!${a1(r, c)}`);
            if (row.length > 0) cellAddresses.push(row);
          }
        const view = self.track(new OfficeMockObject({ cellAddresses }));
        return {
          get cellAddresses() {
            return mustBeLoaded(view.cellAddresses, "cellAddresses") as string[][];
          },
          load(p: string) {
            self.calls++;
            self.responseBytes += JSON.stringify(cellAddresses).length;
            view.load(p);
            return this;
          },
        };
      },
      /** Merged areas intersecting the range, or a null object (ExcelApi 1.13); fails above 512 as Excel. */
      getMergedAreasOrNullObject: () => {
        self.calls++;
        const merges = (this.sheets.find((s) => s.name === sheet)?.merges ?? []).filter((m) => {
          const b = parseRange(m);
          return (
            bounds !== undefined &&
            b.top <= bounds.bottom &&
            b.bottom >= bounds.top &&
            b.left <= bounds.right &&
            b.right >= bounds.left
          );
        });
        if (merges.length > 512)
          self.op(() => {
            throw new Error("Fake Excel: more than 512 merged areas");
          });
        const areas = self.track(
          new OfficeMockObject({
            address: merges.map((m) => `${sheet}!${m.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`).join(","),
          }),
        );
        return {
          get isNullObject() {
            return merges.length === 0;
          },
          get address() {
            return mustBeLoaded(areas.address, "address") as string;
          },
          load(p: string) {
            self.calls++;
            areas.load(p);
            return this;
          },
        };
      },
      format: this.format(
        sheet,
        (apply) => each(apply),
        (width) => this.sheet(sheet).columnWidths.set(address ?? "", width),
      ),
      conditionalFormats: this.conditionalFormats(sheet, bounds),
      dataValidation: {
        set rule(r: { list?: { source: string } }) {
          self.op(() => each((cell) => (cell.validation = { list: r.list?.source ?? "" })));
        },
        set errorAlert(a: { style: string }) {
          self.op(() =>
            each((cell) => (cell.validation = { ...(cell.validation ?? { list: "" }), style: a.style })),
          );
        },
      },
      /** One column of the range (Range.getColumn, 0-based). */
      getColumn: (column: number) => {
        self.calls++;
        const col = bounds!.left + column;
        return this.range(sheet, `${a1(bounds!.top, col)}:${a1(bounds!.bottom, col)}`);
      },
      /** The whole columns of the range (Range.getEntireColumn). */
      getEntireColumn: () => {
        self.calls++;
        return this.range(sheet, `${a1(1, bounds!.left)}:${a1(1_048_576, bounds!.right)}`);
      },
    };
  }

  /**
   * A range's conditional formats as Excel gives them: every rule that intersects the range, one
   * ConditionalFormat each. clearAll removes every rule active on any cell of the range — the user's own
   * rules that overlap it too (as Excel does: it clears the formats of those cells).
   */
  private conditionalFormats(sheet: string, bounds: ReturnType<typeof parseRange> | undefined) {
    const self = this;
    // A rule may apply to several ranges ("G5:G9,G12:G40": split by copy and paste or inserted rows).
    const areasOf = (range: string) => range.split(",").map(parseRange);
    const overlapping = () =>
      this.sheet(sheet).conditionalFormats.flatMap((entry) =>
        bounds && areasOf(entry.range).some((area) => intersects(area, bounds))
          ? entry.rules.map((rule) => ({ entry, rule }))
          : [],
      );
    const remove = (rule: FakeRule) => {
      const sheetModel = this.sheet(sheet);
      for (const entry of sheetModel.conditionalFormats) entry.rules = entry.rules.filter((r) => r !== rule);
      sheetModel.conditionalFormats = sheetModel.conditionalFormats.filter((e) => e.rules.length > 0);
    };
    const item = ({ entry, rule }: ReturnType<typeof overlapping>[number]) => {
      const mock = self.track(
        new OfficeMockObject({
          type: rule.type ?? "CellValue",
          // Excel may give a rule's formula back normalised (office-js: formula1 is "the formula, if
          // required, to evaluate"): the fake can read it back without its "=".
          formula1: self.normaliseRuleFormulas ? rule.formula1.replace(/^=/, "") : rule.formula1,
          operator: rule.operator,
        }),
      );
      return {
        get type() {
          return mustBeLoaded(mock.type, "type") as string;
        },
        get cellValue() {
          if ((rule.type ?? "CellValue") !== "CellValue")
            throw new Error("InvalidOperation: not a cell value conditional format");
          return {
            rule: {
              formula1: mustBeLoaded(mock.formula1, "cellValue/rule") as string,
              operator: mustBeLoaded(mock.operator, "cellValue/rule") as string,
            },
          };
        },
        load(p: string) {
          self.calls++;
          mock.load(p.replace(/cellValue\/rule/g, "formula1, operator"));
          return this;
        },
        // ExcelApi 1.6: getRange throws when the rule applies to more than one range;
        // getRangeOrNullObject gives a null object then; getRanges (1.9) gives every area.
        getRange: () => {
          self.calls++;
          if (entry.range.includes(","))
            throw new Error("InvalidOperation: The conditional format applies to multiple ranges.");
          return self.range(sheet, entry.range);
        },
        getRangeOrNullObject: () => {
          self.calls++;
          if (!entry.range.includes(",")) return self.range(sheet, entry.range);
          const nothing = self.track(new OfficeMockObject({ isNullObject: true, address: "" }));
          return {
            load() {
              self.calls++;
              nothing.load("isNullObject");
              return this;
            },
            get isNullObject() {
              return true;
            },
            get address(): string {
              throw new Error("PropertyNotLoaded: a null object has no address");
            },
          };
        },
        getRanges: () => {
          self.calls++;
          const mock = self.track(
            new OfficeMockObject({
              address: entry.range
                .split(",")
                .map((area) => `${sheet}!${area}`)
                .join(","),
            }),
          );
          return {
            load(p: string) {
              self.calls++;
              mock.load(p);
              return this;
            },
            get address() {
              return mustBeLoaded(mock.address, "address") as string;
            },
          };
        },
        delete: () => self.op(() => remove(rule)),
      };
    };
    let loaded: ReturnType<typeof item>[] = [];
    return {
      get items() {
        return loaded;
      },
      load(properties: string) {
        self.calls++;
        loaded = overlapping().map(item);
        for (const each of loaded) each.load(properties.replace(/items\//g, ""));
      },
      clearAll: () =>
        self.op(() => {
          for (const { rule } of overlapping()) remove(rule);
        }),
      add: (type: string) => {
        self.calls++;
        const rule: FakeRule = { type, formula1: "", operator: "" };
        self.op(() => {
          const list = this.sheet(sheet).conditionalFormats;
          const address = `${a1(bounds!.top, bounds!.left)}:${a1(bounds!.bottom, bounds!.right)}`;
          const entry = list.find((f) => f.range === address) ?? { range: address, rules: [] };
          if (!list.includes(entry)) list.push(entry);
          entry.rules.push(rule);
        });
        return {
          cellValue: {
            format: {
              fill: {
                set color(c: string) {
                  self.calls++;
                  rule.fill = c;
                },
              },
              font: {
                set color(c: string) {
                  self.calls++;
                  rule.font = c;
                },
              },
            },
            set rule(r: { formula1: string; operator: string }) {
              self.calls++;
              rule.formula1 = r.formula1;
              rule.operator = r.operator;
            },
          },
        };
      },
    };
  }

  private charts(sheet: string) {
    const self = this;
    const items = () =>
      (this.sheets.find((s) => s.name === sheet)?.charts ?? []).map((c) => {
        const mock = this.track(new OfficeMockObject({ name: c.name }));
        return {
          get name() {
            return mustBeLoaded(mock.name, "name") as string;
          },
          delete: () =>
            this.op(() => (this.sheet(sheet).charts = this.sheet(sheet).charts.filter((x) => x !== c))),
          load(p: string) {
            self.calls++;
            mock.load(p);
            return this;
          },
        };
      });
    let loaded: ReturnType<typeof items> = [];
    return {
      get items() {
        return loaded;
      },
      load(properties: string) {
        self.calls++;
        loaded = items();
        for (const item of loaded) item.load(properties.replace(/items\//g, ""));
      },
      getItem: (name: string) => {
        self.calls++;
        return {
          delete: () =>
            this.op(() => {
              if (!this.sheet(sheet).charts.some((c) => c.name === name))
                throw new Error(`ItemNotFound: no chart named ${name}`);
              this.sheet(sheet).charts = this.sheet(sheet).charts.filter((c) => c.name !== name);
            }),
        };
      },
      getItemOrNullObject: (name: string) => {
        self.calls++;
        return this.nullable(
          (this.sheets.find((s) => s.name === sheet)?.charts ?? []).some((c) => c.name === name),
          () => (this.sheet(sheet).charts = this.sheet(sheet).charts.filter((c) => c.name !== name)),
        );
      },
      add: (type: string, source: { address?: string; sourceAddress?: string }) => {
        self.calls++;
        // The sheet may be added in the same batch: look it up when the queue runs, not now.
        const chart: FakeChart = { name: "", type, source: (source as { fakeAddress: string }).fakeAddress };
        this.op(() => {
          if (this.chartAddFails) throw new Error(`GeneralException: ${this.chartAddFails}`);
          chart.name = `Diagram ${this.sheet(sheet).charts.length + 1}`;
          this.sheet(sheet).charts.push(chart);
        });
        return {
          set name(n: string) {
            self.op(() => (chart.name = n));
          },
          title: {
            set text(t: string) {
              self.op(() => {
                // As Excel (office-js#2041): the newer chart types do not support their title in the API.
                if (NEWER_CHART_TYPES.has(chart.type) && !self.newerChartTitles)
                  throw new Error("UnsupportedOperation: This operation is not supported (Chart.title)");
                chart.title = t;
              });
            },
          },
          setPosition: (from: string, to: string) => self.op(() => Object.assign(chart, { from, to })),
        };
      },
    };
  }

  private areas(sheet: string, addresses: string[]) {
    const apply = (set: (cell: FakeCell) => void) =>
      this.op(() => {
        for (const address of addresses) this.eachCell(sheet, parseRange(address), set);
      });
    const self = this;
    return {
      areaCount: addresses.length,
      load() {
        self.calls++;
        return this;
      },
      format: {
        fill: {
          set color(c: string) {
            apply((cell) => (cell.fill = c));
          },
        },
        font: {
          set color(c: string) {
            apply((cell) => (cell.fontColor = c));
          },
        },
      },
    };
  }

  private eachCell(
    sheet: string,
    bounds: ReturnType<typeof parseRange>,
    apply: (cell: FakeCell, r: number, c: number) => void,
  ): void {
    const s = this.sheet(sheet);
    for (let r = bounds.top; r <= bounds.bottom; r++)
      for (let c = bounds.left; c <= bounds.right; c++) {
        const key = a1(r, c);
        const cell = s.cells.get(key) ?? { value: null };
        apply(cell, r - bounds.top, c - bounds.left);
        s.cells.set(key, cell);
      }
  }

  private format(sheet: string, each: (apply: (cell: FakeCell) => void) => void, width: (w: number) => void) {
    const self = this;
    return {
      fill: {
        set color(c: string) {
          self.op(() => each((cell) => (cell.fill = c)));
        },
        clear: () => self.op(() => each((cell) => delete cell.fill)),
      },
      font: {
        set bold(b: boolean) {
          self.op(() => each((cell) => (cell.bold = b)));
        },
        set color(c: string) {
          self.op(() => each((cell) => (cell.fontColor = c)));
        },
      },
      set rowHeight(_h: number) {
        self.op(() => undefined);
      },
      set wrapText(w: boolean) {
        self.op(() => each((cell) => (cell.wrap = w)));
      },
      set verticalAlignment(_a: string) {
        self.op(() => undefined);
      },
      autofitColumns: () => self.op(() => undefined),
      set columnWidth(w: number) {
        self.op(() => width(w));
      },
    };
  }
}

/**
 * Text written through `values` or `formulas` as Excel (Danish) takes it — as if typed, unless the cell's
 * number format is text ("@"): a leading "=", "+" or "-" makes a formula, "1.12" or "1/2" a date,
 * "1.234" or "1,5" a number, "1.000 kr." a currency amount, "0,25 %" a percentage (Range.values in @types/office-js; Danish Excel reads "1.12" as 1 December).
 */
export function typeIn(cell: FakeCell, text: string): void {
  delete cell.formula;
  if (cell.numberFormat === "@") {
    cell.value = text;
    return;
  }
  // Danish currency and percent: "1.000 kr." is the number 1000 in a currency format, "0,25 %" is 0,0025.
  const currency = /^(-?\d{1,3}(?:\.\d{3})*(?:,\d+)?)\s?kr\.?$/.exec(text);
  if (currency) {
    cell.value = Number(currency[1]!.replace(/\./g, "").replace(",", "."));
    cell.numberFormat = '#,##0 "kr."';
    return;
  }
  const percent = /^(-?\d+(?:,\d+)?)\s?%$/.exec(text);
  if (percent) {
    cell.value = Number(percent[1]!.replace(",", ".")) / 100;
    cell.numberFormat = "0.00%";
    return;
  }
  const date = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{2}|\d{4}))?$/.exec(text);
  const number = /^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(text);
  if (number && !date) {
    cell.value = Number(text.replace(/\./g, "").replace(",", "."));
  } else if (
    date &&
    Number(date[2]) >= 1 &&
    Number(date[2]) <= 12 &&
    Number(date[1]) >= 1 &&
    Number(date[1]) <= 31
  ) {
    const year = date[3] ? Number(date[3].length === 2 ? `20${date[3]}` : date[3]) : new Date().getFullYear();
    cell.value = new Date(Date.UTC(year, Number(date[2]) - 1, Number(date[1])));
    cell.numberFormat = "d.m.yyyy";
  } else if (/^[=+-]/.test(text)) {
    cell.formula = text.startsWith("=") ? text : `=${text}`;
    cell.value = null;
  } else {
    cell.value = text;
  }
}

/** As Excel: a 2-D array must have the range's shape (InvalidArgument otherwise). */
function checkShape(values: unknown[][], bounds: ReturnType<typeof parseRange>): void {
  const rows = bounds.bottom - bounds.top + 1;
  const cols = bounds.right - bounds.left + 1;
  if (rows > 200_000) return; // whole-column ranges are never written cell by cell here
  if (values.length !== rows || values.some((row) => row.length !== cols))
    throw new Error(
      `InvalidArgument: The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`,
    );
}

function intersects(a: ReturnType<typeof parseRange>, b: ReturnType<typeof parseRange>): boolean {
  return a.top <= b.bottom && a.bottom >= b.top && a.left <= b.right && a.right >= b.left;
}

/** Every cell of the simulated Excel with what the tool could change, keyed "Sheet!A1". */
export function fakeCells(fake: FakeExcel): Map<string, string> {
  return new Map(
    fake.sheets.flatMap((s) =>
      [...s.cells].map(
        // Keys sorted: the order in which properties were set is not part of the cell.
        ([address, cell]) =>
          [`${s.name}!${address}`, JSON.stringify(cell, Object.keys(cell).sort())] as [string, string],
      ),
    ),
  );
}
