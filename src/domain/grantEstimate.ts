import { cellText, RawCell, readNumber } from "./cells";
import { difference } from "./compare";
import { DiagnosticSink } from "./diagnostics";
import { messages } from "./messages";
import { normalizeName } from "./normalize";
import { additionalNeed, guaranteeRegulation, populationShare } from "./regulation";
import { Amount } from "./units";

/**
 * R6.2 for one municipality: the labelled inputs of the Tilskudsberegning block (sheet Reguleringer)
 * and the estimates they give. Amounts are in the workbook's unit; ledige are fuldtidspersoner two
 * years before the grant year.
 */
export interface GrantEstimateInputs {
  grundtilskud?: Amount;
  grundtilskudLand?: Amount;
  grundtilskudLandsdel?: Amount;
  udgifterBudget?: Amount;
  udgifterMidtvejs?: Amount;
  udgifterLandsdel?: Amount;
  ledige?: number;
  ledigeLandsdel?: number;
  ledigeLand?: number;
  garantiAendring?: Amount;
  indbyggere?: number;
  indbyggereLand?: number;
  garantiAndel?: number;
}

export type GrantInputKey = keyof GrantEstimateInputs;

export interface GrantInputDefinition {
  key: GrantInputKey;
  /** The label in the block's Input column (a trailing parenthesis is ignored when matching). */
  label: string;
  /** Shown in the template's unit column; "enhed" means the workbook's unit. */
  unit: "enhed" | "personer" | "andel";
}

/** The one table that drives the block's template rows, its reading and the pane's labels. */
export const GRANT_INPUT_DEFINITIONS: readonly GrantInputDefinition[] = [
  { key: "grundtilskud", label: "Grundtilskud, kommunen", unit: "enhed" },
  { key: "grundtilskudLand", label: "Grundtilskud, hele landet", unit: "enhed" },
  { key: "grundtilskudLandsdel", label: "Grundtilskud, landsdelen", unit: "enhed" },
  { key: "udgifterBudget", label: "Udgifter, landsskøn ved budgettet", unit: "enhed" },
  { key: "udgifterMidtvejs", label: "Udgifter, opdateret landsskøn (midtvejsregulering)", unit: "enhed" },
  { key: "udgifterLandsdel", label: "Udgifter, landsdelens faktiske (efterregulering)", unit: "enhed" },
  { key: "ledige", label: "Ledige, kommunen (to år før tilskudsåret)", unit: "personer" },
  { key: "ledigeLandsdel", label: "Ledige, landsdelen (to år før tilskudsåret)", unit: "personer" },
  { key: "ledigeLand", label: "Ledige, hele landet (to år før tilskudsåret)", unit: "personer" },
  { key: "garantiAendring", label: "Budgetgaranti, ændring på landsplan", unit: "enhed" },
  { key: "indbyggere", label: "Indbyggere, kommunen", unit: "personer" },
  { key: "indbyggereLand", label: "Indbyggere, hele landet", unit: "personer" },
  { key: "garantiAndel", label: "Budgetgaranti, kommunens andel (tom = befolkningsandel)", unit: "andel" },
];

export interface GrantInputRow {
  label: RawCell;
  value: RawCell;
}

/** Reads the labelled block; unknown labels are warnings, unreadable values errors at their cells. */
export function readGrantInputs(
  rows: readonly GrantInputRow[],
  diagnostics: DiagnosticSink,
): GrantEstimateInputs {
  const byLabel = new Map(GRANT_INPUT_DEFINITIONS.map((d) => [normalizeName(d.label), d]));
  const inputs: GrantEstimateInputs = {};
  for (const row of rows) {
    const label = cellText(row.label);
    if (label === undefined || label.startsWith("#")) continue;
    const definition = byLabel.get(normalizeName(label));
    if (!definition) {
      diagnostics.warning("UNKNOWN_PARAMETER", messages.unknownGrantInput(label), row.label.at);
      continue;
    }
    const value = readNumber(
      row.value,
      { field: definition.label, required: false, rate: definition.unit === "andel" },
      diagnostics,
    );
    if (value === undefined) continue;
    if (value < 0 && definition.unit !== "enhed") {
      diagnostics.error("PARAMETER_OUT_OF_BOUNDS", messages.negativeCount(definition.label), row.value.at);
      continue;
    }
    inputs[definition.key] = value;
  }
  return inputs;
}

/** One estimate and, when it cannot be computed, the inputs it still needs. */
export interface EstimateLine {
  key:
    | "merudgiftsbehovBudget"
    | "beskaeftigelsestilskudBudget"
    | "merudgiftsbehovMidtvejs"
    | "midtvejsBeskaeftigelse"
    | "garantiAndel"
    | "midtvejsGaranti"
    | "merudgiftsbehovFaktisk"
    | "efterregulering";
  label: string;
  value?: number;
  missing: string[];
}

export interface GrantEstimate {
  lines: EstimateLine[];
  /** The amounts to post as Prognose movements, when computable. */
  midtvejsBeskaeftigelse?: Amount;
  midtvejsGaranti?: Amount;
  efterregulering?: Amount;
}

const labelOf = (key: GrantInputKey) => GRANT_INPUT_DEFINITIONS.find((d) => d.key === key)!.label;

/**
 * R6.2 for the municipality k (a model to be checked by the user):
 *   merudgiftsbehov = (udgifter − Σ grundtilskud) × L_k / Σ L
 *   midtvejsregulering = merudgiftsbehov(opdateret landsskøn) − merudgiftsbehov(landsskøn ved budget)
 *   efterregulering = merudgiftsbehov(landsdelens faktiske udgifter, delt i landsdelen)
 *                     − merudgiftsbehov(opdateret landsskøn)
 *   budgetgaranti = national ændring × andel (default the population share)
 */
export function estimateGrant(inputs: GrantEstimateInputs): GrantEstimate {
  const need = (
    udgifter: GrantInputKey,
    grund: GrantInputKey,
    total: GrantInputKey,
  ): { value?: number; missing: string[] } => {
    const keys: GrantInputKey[] = [udgifter, grund, "ledige", total];
    const missing = keys.filter((k) => inputs[k] === undefined).map(labelOf);
    if (missing.length > 0) return { missing };
    const value = additionalNeed(inputs[udgifter]!, inputs[grund]!, inputs.ledige!, inputs[total]!);
    return value === undefined ? { missing: [labelOf(total)] } : { value, missing: [] };
  };
  const atBudget = need("udgifterBudget", "grundtilskudLand", "ledigeLand");
  const atMidYear = need("udgifterMidtvejs", "grundtilskudLand", "ledigeLand");
  const actual = need("udgifterLandsdel", "grundtilskudLandsdel", "ledigeLandsdel");
  const both = (a: { value?: number; missing: string[] }, b: { value?: number; missing: string[] }) => ({
    ...(a.value !== undefined && b.value !== undefined ? { value: difference(a.value, b.value) } : {}),
    missing: [...new Set([...a.missing, ...b.missing])],
  });
  const grant =
    atBudget.value !== undefined && inputs.grundtilskud !== undefined
      ? { value: inputs.grundtilskud + atBudget.value, missing: [] }
      : {
          missing: [
            ...atBudget.missing,
            ...(inputs.grundtilskud === undefined ? [labelOf("grundtilskud")] : []),
          ],
        };
  const share =
    inputs.garantiAndel ??
    (inputs.indbyggere !== undefined && inputs.indbyggereLand !== undefined
      ? populationShare(inputs.indbyggere, inputs.indbyggereLand)
      : undefined);
  const shareLine = {
    ...(share === undefined ? {} : { value: share }),
    missing: share === undefined ? [labelOf("indbyggere"), labelOf("indbyggereLand")] : [],
  };
  const guarantee =
    share !== undefined && inputs.garantiAendring !== undefined
      ? { value: guaranteeRegulation(inputs.garantiAendring, share), missing: [] }
      : {
          missing: [
            ...(inputs.garantiAendring === undefined ? [labelOf("garantiAendring")] : []),
            ...shareLine.missing,
          ],
        };
  const midYear = both(atMidYear, atBudget);
  const final = both(actual, atMidYear);
  const lines: EstimateLine[] = [
    { key: "merudgiftsbehovBudget", label: "Merudgiftsbehov ved budgettet", ...atBudget },
    { key: "beskaeftigelsestilskudBudget", label: "Beskæftigelsestilskud ved budgettet", ...grant },
    { key: "merudgiftsbehovMidtvejs", label: "Merudgiftsbehov efter midtvejsregulering", ...atMidYear },
    { key: "midtvejsBeskaeftigelse", label: "Midtvejsregulering, beskæftigelsestilskud", ...midYear },
    { key: "garantiAndel", label: "Kommunens andel af budgetgarantien", ...shareLine },
    { key: "midtvejsGaranti", label: "Midtvejsregulering, budgetgaranti", ...guarantee },
    { key: "merudgiftsbehovFaktisk", label: "Merudgiftsbehov ved landsdelens faktiske udgifter", ...actual },
    { key: "efterregulering", label: "Efterregulering, beskæftigelsestilskud", ...final },
  ];
  return {
    lines,
    ...(midYear.value === undefined ? {} : { midtvejsBeskaeftigelse: midYear.value }),
    ...(guarantee.value === undefined ? {} : { midtvejsGaranti: guarantee.value }),
    ...(final.value === undefined ? {} : { efterregulering: final.value }),
  };
}
