import { cellText, RawCell, readNumber } from "./cells";
import { formatDanishNumber, formatPercent } from "./danishNumber";
import { DiagnosticSink } from "./diagnostics";
import { messages } from "./messages";
import { normalizeName } from "./normalize";
import { parseYesNo } from "./yesNo";
import { Amount, DEFAULT_UNIT, Kroner, parseUnit, Unit } from "./units";
import { CASE_KINDS, CaseKind, parseCaseKind } from "./caseKind";

/** Every rule parameter of docs/rules.md; interpretations are parameters, never hidden constants (R10). */
export interface Parameters {
  unit: Unit;
  budgetYear: number | undefined;
  budgetvaern: Amount;
  economyAmountKr: Kroner;
  economyYellowShare: number;
  economyRedShare: number;
  quantityYellowPersons: number;
  quantityRedPersons: number;
  quantityYellowShare: number;
  quantityRedShare: number;
  /** R2.2: when the bands overlap, a green condition wins (Ja), or the worst band that holds (Nej). */
  quantityGreenWins: boolean;
  refundYellowPoints: number;
  refundRedPoints: number;
  /** R13: the municipality's and the national unemployment rate (fractions), when given. */
  unemploymentMunicipality: number | undefined;
  unemploymentNational: number | undefined;
  /** R13: gap (percentage points) at or below which Ledighedsudvikling is GRØN; above the red one RØD. */
  unemploymentGreenPoints: number;
  unemploymentRedPoints: number;
  poolGreenFrom: Amount;
  poolRedShareOfBudgetvaern: number;
  investmentMinReturn: number;
  committee: string;
  poolCommittee: string;
  steeringArea: string;
  /** R7.1: other names of the steering area in the accounts, separated by ";". */
  steeringAreaSynonyms: string;
  /** R15: the kind of committee case; undefined = the tool chooses from the tables present. */
  caseKind: CaseKind | undefined;
  /** R15.2: the administration that makes the indstilling ("<Forvaltning> indstiller til <Udvalg> …"). */
  administration: string;
  /** Words used for each sub-pool in the R9 sentences, keyed by pool name. */
  poolDescriptions: Record<string, string>;
  /** R0.7: each pool's name as the case and the sheets print it, keyed by pool name. */
  poolNames: Record<string, string>;
}

type ScalarKey = Exclude<keyof Parameters, "poolDescriptions" | "poolNames">;

/** How a parameter's value is read and shown. */
export type ParameterKind =
  "unit" | "year" | "amount" | "kroner" | "fraction" | "number" | "text" | "yesno" | "caseKind";

export interface ParameterDefinition {
  key: ScalarKey;
  /** The name in the Regler sheet's Parameter column. */
  name: string;
  /** What it means, in Danish, for the Regler sheet and the pane. */
  label: string;
  kind: ParameterKind;
  /** Shown in the Regler sheet's unit column. */
  unitLabel: string;
  min?: number;
  max?: number;
}

/** The one table that drives the Regler sheet, reading and validation. */
export const PARAMETER_DEFINITIONS: readonly ParameterDefinition[] = [
  { key: "unit", name: "Enhed", label: "Enhed for beløb i tabellerne", kind: "unit", unitLabel: "" },
  {
    key: "budgetYear",
    name: "Budgetår",
    label: "Budgetåret opfølgningen gælder",
    kind: "year",
    unitLabel: "år",
    min: 1900,
    max: 2200,
  },
  {
    key: "caseKind",
    name: "Sagstype",
    label:
      "Budgetopfølgning, Regnskab eller Orientering; tom = vælges efter tabellerne (opfølgning: Budgetopfølgning, kun Regnskab: Regnskab)",
    kind: "caseKind",
    unitLabel: "",
  },
  {
    key: "administration",
    name: "Forvaltning",
    label: "Forvaltningen, der indstiller sagen",
    kind: "text",
    unitLabel: "",
  },
  {
    key: "budgetvaern",
    name: "Budgetværn",
    label: "Budgetværn til finansiering af et underskud i reservationspuljen",
    kind: "amount",
    unitLabel: "tabellens enhed",
    min: 0,
  },
  {
    key: "economyAmountKr",
    name: "Økonomi: beløbsgrænse",
    label: "Merforbrug til og med dette beløb er GRØN",
    kind: "kroner",
    unitLabel: "kr.",
    min: 0,
  },
  {
    key: "economyYellowShare",
    name: "Økonomi: gul fra andel af budget",
    label: "Merforbrug under denne andel af korrigeret budget er GRØN",
    kind: "fraction",
    unitLabel: "%",
    min: 0,
    max: 1,
  },
  {
    key: "economyRedShare",
    name: "Økonomi: rød over andel af budget",
    label: "Merforbrug over denne andel af korrigeret budget er RØD; præcis grænsen er GUL",
    kind: "fraction",
    unitLabel: "%",
    min: 0,
    max: 1,
  },
  {
    key: "quantityYellowPersons",
    name: "Mængder: gul over antal",
    label: "Stigning i fuldtidspersoner til og med dette antal er GRØN",
    kind: "number",
    unitLabel: "personer",
    min: 0,
  },
  {
    key: "quantityRedPersons",
    name: "Mængder: rød over antal",
    label: "Stigning i fuldtidspersoner over dette antal er RØD",
    kind: "number",
    unitLabel: "personer",
    min: 0,
  },
  {
    key: "quantityYellowShare",
    name: "Mængder: gul fra andel",
    label: "Stigning under denne andel af budgetterede fuldtidspersoner er GRØN",
    kind: "fraction",
    unitLabel: "%",
    min: 0,
    max: 10,
  },
  {
    key: "quantityRedShare",
    name: "Mængder: rød over andel",
    label: "Stigning over denne andel af budgetterede fuldtidspersoner er RØD",
    kind: "fraction",
    unitLabel: "%",
    min: 0,
    max: 10,
  },
  {
    key: "quantityGreenWins",
    name: "Mængder: grøn vinder",
    label:
      "Når båndene overlapper: Ja = en grøn betingelse vinder; Nej = det værste bånd, der er opfyldt, vinder",
    kind: "yesno",
    unitLabel: "Ja/Nej",
  },
  {
    key: "refundYellowPoints",
    name: "Refusion: gul fra fald",
    label: "Fald i refusionssats under dette antal procentpoint er GRØN",
    kind: "number",
    unitLabel: "procentpoint",
    min: 0,
    max: 100,
  },
  {
    key: "refundRedPoints",
    name: "Refusion: rød over fald",
    label: "Fald i refusionssats over dette antal procentpoint er RØD",
    kind: "number",
    unitLabel: "procentpoint",
    min: 0,
    max: 100,
  },
  {
    key: "unemploymentMunicipality",
    name: "Ledighed kommune",
    label: "Kommunens ledighedsprocent (til hovedindikatoren Ledighedsudvikling)",
    kind: "fraction",
    unitLabel: "%",
    min: 0,
    max: 1,
  },
  {
    key: "unemploymentNational",
    name: "Ledighed landsplan",
    label: "Ledighedsprocenten på landsplan (til hovedindikatoren Ledighedsudvikling)",
    kind: "fraction",
    unitLabel: "%",
    min: 0,
    max: 1,
  },
  {
    key: "unemploymentGreenPoints",
    name: "Ledighedsudvikling: grøn til og med",
    label: "Kommunens ledighed højst så mange procentpoint over landsplan er GRØN",
    kind: "number",
    unitLabel: "procentpoint",
    min: 0,
    max: 100,
  },
  {
    key: "unemploymentRedPoints",
    name: "Ledighedsudvikling: rød over",
    label: "Kommunens ledighed mere end så mange procentpoint over landsplan er RØD, ellers GUL",
    kind: "number",
    unitLabel: "procentpoint",
    min: 0,
    max: 100,
  },
  {
    key: "poolGreenFrom",
    name: "Puljeflag: grøn fra resultat",
    label: "Puljens resultat fra og med dette beløb er GRØN",
    kind: "amount",
    unitLabel: "tabellens enhed",
  },
  {
    key: "poolRedShareOfBudgetvaern",
    name: "Puljeflag: rød over andel af budgetværn",
    label: "Et underskud over denne andel af budgetværnet er RØD, ellers GUL",
    kind: "fraction",
    unitLabel: "%",
    min: 0,
    max: 10,
  },
  {
    key: "investmentMinReturn",
    name: "Investering: mindste afkastgrad",
    label: "Investeringsprojekter med lavere afkastgrad er RØD",
    kind: "number",
    unitLabel: "",
    min: 0,
  },
  {
    key: "committee",
    name: "Udvalg",
    label: "Fagudvalget i tillægsbevillingerne",
    kind: "text",
    unitLabel: "",
  },
  {
    key: "poolCommittee",
    name: "Puljeudvalg",
    label: "Udvalget, som reservationspuljen ligger under",
    kind: "text",
    unitLabel: "",
  },
  {
    key: "steeringArea",
    name: "Styringsområde",
    label: "Styringsområdet i tillægsbevillingerne og årsregnskabet",
    kind: "text",
    unitLabel: "",
  },
  {
    key: "steeringAreaSynonyms",
    name: "Styringsområde: synonymer",
    label: "Andre navne for styringsområdet i regnskabet (arket Regnskab), adskilt af semikolon",
    kind: "text",
    unitLabel: "",
  },
];

/** The closed list of values of a parameter, for the template's drop-down; undefined when it has none. */
export function parameterChoices(definition: ParameterDefinition): readonly string[] | undefined {
  if (definition.kind === "caseKind") return CASE_KINDS;
  if (definition.kind === "yesno") return ["Ja", "Nej"];
  if (definition.kind === "unit") return ["kr.", "1.000 kr.", "mio. kr."];
  return undefined;
}

export const POOL_DESCRIPTION_PREFIX = "Puljebeskrivelse:";
/** R0.7: "Puljenavn: Budgetgaranti" = the pool's name as printed ("Budgetgaranterede områder …"). */
export const POOL_NAME_PREFIX = "Puljenavn:";

/** The pool names that mean "not part of the reservation pools" (R1). */
export const OUTSIDE_POOLS = "Uden for puljen";

export function defaultParameters(): Parameters {
  return {
    unit: DEFAULT_UNIT,
    budgetYear: undefined,
    budgetvaern: 0,
    economyAmountKr: 250_000,
    economyYellowShare: 0.0025,
    economyRedShare: 0.015,
    quantityYellowPersons: 50,
    quantityRedPersons: 100,
    quantityYellowShare: 0.03,
    quantityRedShare: 0.1,
    quantityGreenWins: true,
    refundYellowPoints: 0.5,
    refundRedPoints: 1.0,
    unemploymentMunicipality: undefined,
    unemploymentNational: undefined,
    unemploymentGreenPoints: 0.95,
    unemploymentRedPoints: 2.0,
    poolGreenFrom: 0,
    poolRedShareOfBudgetvaern: 1,
    investmentMinReturn: 1,
    committee: "Beskæftigelses- og Socialudvalget",
    poolCommittee: "Økonomiudvalget",
    steeringArea: "Særlige driftsområder",
    steeringAreaSynonyms:
      "Særlig drift; Særlige driftsområder uden overførsel; Særlige driftsområder uden overførselsadgang",
    caseKind: undefined,
    administration: "Beskæftigelses- og Socialforvaltningen",
    poolDescriptions: {
      Budgetgaranti: "budgetgaranterede områder og øvrige overførsler",
      Beskæftigelsestilskud: "beskæftigelsestilskuddet",
    },
    poolNames: { [OUTSIDE_POOLS]: "Uden for reservationspuljerne" },
  };
}

/**
 * R0.7 A pool's name as users read it (the case, the sheets, the terminal): its `Puljenavn` parameter,
 * else the pool's own name (the ledger's column header, the follow-up's Pulje).
 */
export function poolName(parameters: Pick<Parameters, "poolNames">, pool: string): string {
  const key = Object.keys(parameters.poolNames).find((name) => normalizeName(name) === normalizeName(pool));
  return key === undefined ? pool : parameters.poolNames[key]!;
}

/** The description used in R9 for a pool: the parameter, else the pool's own name. */
export function poolDescription(parameters: Parameters, pool: string): string {
  const key = Object.keys(parameters.poolDescriptions).find(
    (name) => normalizeName(name) === normalizeName(pool),
  );
  return key === undefined ? pool : parameters.poolDescriptions[key]!;
}

export interface ParameterRow {
  name: RawCell;
  value: RawCell;
}

/**
 * Reads the Parametre table. Missing parameters take their defaults; a present but unreadable or
 * out-of-bounds value is an error at its cell (docs/workbook.md), and the default is not used silently.
 */
export function readParameters(rows: readonly ParameterRow[], diagnostics: DiagnosticSink): Parameters {
  const parameters = defaultParameters();
  const byName = new Map(PARAMETER_DEFINITIONS.map((d) => [normalizeName(d.name), d]));
  for (const row of rows) {
    const name = cellText(row.name);
    if (name === undefined || name.startsWith("#")) continue;
    // "Puljebeskrivelse: <pulje>" and "Puljenavn: <pulje>": one family of parameters per pool.
    const family = (
      [
        [POOL_DESCRIPTION_PREFIX, parameters.poolDescriptions],
        [POOL_NAME_PREFIX, parameters.poolNames],
      ] as const
    ).find(([prefix]) => normalizeName(name).startsWith(normalizeName(prefix)));
    if (family) {
      const pool = name.slice(name.indexOf(":") + 1).trim();
      const text = cellText(row.value);
      if (pool !== "" && text !== undefined) family[1][pool] = text;
      continue;
    }
    const definition = byName.get(normalizeName(name));
    if (!definition) {
      diagnostics.warning("UNKNOWN_PARAMETER", messages.unknownParameter(name), row.name.at);
      continue;
    }
    readOne(parameters, definition, row.value, diagnostics);
  }
  return parameters;
}

function readOne(
  parameters: Parameters,
  definition: ParameterDefinition,
  cell: RawCell,
  diagnostics: DiagnosticSink,
): void {
  const target = parameters as unknown as Record<ScalarKey, unknown>;
  switch (definition.kind) {
    case "text": {
      const text = cellText(cell);
      if (text !== undefined) target[definition.key] = text;
      return;
    }
    case "yesno": {
      const text = cellText(cell);
      if (text === undefined) return;
      const yes = parseYesNo(text);
      if (yes === undefined)
        diagnostics.error("NOT_A_YES_NO", messages.notAYesNo(definition.name, text), cell.at);
      else target[definition.key] = yes;
      return;
    }
    case "caseKind": {
      const text = cellText(cell);
      if (text === undefined) return;
      const kind = parseCaseKind(text);
      if (kind === undefined)
        diagnostics.error("UNKNOWN_CASE_KIND", messages.unknownCaseKind(text, CASE_KINDS), cell.at);
      else parameters.caseKind = kind;
      return;
    }
    case "unit": {
      const text = cellText(cell);
      if (text === undefined) return;
      const unit = parseUnit(text);
      if (unit === undefined) diagnostics.error("UNKNOWN_UNIT", messages.unknownUnit(text), cell.at);
      else parameters.unit = unit;
      return;
    }
    default: {
      const field = definition.name;
      const value = readNumber(
        cell,
        { field, required: false, rate: definition.kind === "fraction" },
        diagnostics,
      );
      if (value === undefined) return;
      if (!withinBounds(value, definition)) {
        diagnostics.error(
          "PARAMETER_OUT_OF_BOUNDS",
          messages.parameterOutOfBounds(
            field,
            showParameterValue(definition, value),
            definition.min === undefined ? undefined : showParameterValue(definition, definition.min),
            definition.max === undefined ? undefined : showParameterValue(definition, definition.max),
          ),
          cell.at,
        );
        return;
      }
      target[definition.key] = value;
    }
  }
}

function withinBounds(value: number, definition: ParameterDefinition): boolean {
  if (definition.kind === "year" && !Number.isInteger(value)) return false;
  if (definition.min !== undefined && value < definition.min) return false;
  if (definition.max !== undefined && value > definition.max) return false;
  return true;
}

/** A parameter value as shown to a Danish user ("0,25 %", "250.000", "1.000 kr."). */
export function showParameterValue(definition: ParameterDefinition, value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "Ja" : "Nej";
  if (typeof value === "string") return value;
  if (typeof value !== "number") return JSON.stringify(value) ?? "";
  if (definition.kind === "fraction") return formatPercent(value);
  if (definition.kind === "year") return String(value);
  return formatDanishNumber(value, Number.isInteger(value) ? 0 : 2);
}

/** One row of the generated Regler sheet. */
export interface RulesSheetRow {
  name: string;
  value: string | number | undefined;
  unitLabel: string;
  label: string;
  kind: ParameterKind | "poolDescription" | "poolName";
}

/** The Regler sheet's rows: every parameter with its value (defaults unless given), then pool wordings. */
export function rulesSheetRows(parameters: Parameters = defaultParameters()): RulesSheetRow[] {
  const rows: RulesSheetRow[] = PARAMETER_DEFINITIONS.map((d) => ({
    name: d.name,
    value:
      typeof parameters[d.key] === "boolean"
        ? showParameterValue(d, parameters[d.key])
        : (parameters[d.key] as string | number | undefined),
    unitLabel: d.unitLabel,
    label: d.label,
    kind: d.kind,
  }));
  for (const [pool, text] of Object.entries(parameters.poolDescriptions)) {
    rows.push({
      name: `${POOL_DESCRIPTION_PREFIX} ${pool}`,
      value: text,
      unitLabel: "",
      label: `Ordlyden for puljen ${pool} i tillægsbevillingerne`,
      kind: "poolDescription",
    });
  }
  for (const [pool, text] of Object.entries(parameters.poolNames)) {
    rows.push({
      name: `${POOL_NAME_PREFIX} ${pool}`,
      value: text,
      unitLabel: "",
      label: `Navnet på puljen ${pool} i sagen og på arkene`,
      kind: "poolName",
    });
  }
  return rows;
}
