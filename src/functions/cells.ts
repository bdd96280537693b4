/// <reference types="custom-functions-runtime" />
import { Diagnostics, isBlank, RawValue, readNumber } from "../domain";

/** What Excel passes for a cell of a range argument. */
export type Cell = number | string | boolean | null | undefined;
export type Matrix = Cell[][];
export type Result = number | string | CustomFunctions.Error;

export function valueError(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/**
 * #NUM! for an argument outside its range. Excel shows no custom message with #NUM! (CustomFunctionsRuntime
 * 1.3: "A custom error message can't be used"), so the reason stays at the call site and in the function's
 * description in the wizard.
 */
export function numberError(): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
}

export function missingError(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
}

/** A number from a cell: numbers, Danish number text; blank is undefined; anything else an error. */
export function cellNumber(
  cell: Cell,
  field: string,
  rate = false,
): number | undefined | CustomFunctions.Error {
  // Excel normally answers an error argument itself; should one arrive, it is passed on, never read as 0.
  if (isError(cell)) return cell;
  if (isBlank(cell)) return undefined;
  const diagnostics = new Diagnostics();
  const value = readNumber(
    { value: cell as RawValue, at: {} },
    { field, required: false, rate },
    diagnostics,
  );
  const error = diagnostics.items.find((d) => d.level === "error");
  return value === undefined || error
    ? valueError(error?.message ?? `"${String(cell)}" er ikke et tal.`)
    : value;
}

export function isError(value: unknown): value is CustomFunctions.Error {
  return value instanceof CustomFunctions.Error;
}

/**
 * Applies a function cell by cell over arguments that are single cells or ranges of one shape; a 1×1
 * argument is used for every cell. Ranges of different shapes are a #VALUE! error.
 */
export function overCells(args: Matrix[], fn: (cells: Cell[]) => Result): Result[][] | CustomFunctions.Error {
  const shapes = args.filter((m) => m.length !== 1 || (m[0]?.length ?? 0) !== 1);
  const rows = shapes[0]?.length ?? 1;
  const cols = shapes[0]?.[0]?.length ?? 1;
  if (shapes.some((m) => m.length !== rows || m.some((r) => r.length !== cols))) {
    return valueError(
      "Områderne har forskellig størrelse; brug enkelte celler eller områder af samme størrelse.",
    );
  }
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) =>
      fn(args.map((m) => (m.length === 1 && m[0]!.length === 1 ? m[0]![0] : m[r]![c]))),
    ),
  );
}

/** An optional single-value argument (a threshold), or its default. */
export function option(
  value: Cell | Matrix | undefined | null,
  field: string,
  fallback: number,
): number | CustomFunctions.Error {
  const cell = Array.isArray(value) ? value[0]?.[0] : value;
  const n = cellNumber(cell ?? null, field, false);
  return n === undefined ? fallback : n;
}

/** The function's result: the matrix, or the whole-function error thrown as Excel expects. */
export function matrix(result: Result[][] | CustomFunctions.Error): Result[][] {
  if (isError(result)) throw result;
  return result;
}
