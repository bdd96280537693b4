import { formatDanishNumber, formatPercent } from "./danishNumber";
import type { NumberTextStyle } from "./danishNumber";

/** Excel's error values as Danish Excel shows them (a file stores the English ones). */
const DANISH_ERROR_VALUES: Record<string, string> = {
  "#VALUE!": "#VÆRDI!",
  "#N/A": "#I/T",
  "#DIV/0!": "#DIVISION/0!",
  "#REF!": "#REFERENCE!",
  "#NAME?": "#NAVN?",
  "#NULL!": "#NUL!",
  "#NUM!": "#NUM!",
};

export function danishErrorValue(error: string): string {
  return DANISH_ERROR_VALUES[error.toUpperCase()] ?? error;
}

/** A date as Danish users write it: 1.12.2018. */
export function danishDate(date: Date): string {
  return `${date.getUTCDate()}.${date.getUTCMonth() + 1}.${date.getUTCFullYear()}`;
}

/** A date as the committee minutes write it: 30/10 2018. */
export function minutesDate(date: Date): string {
  return `${date.getUTCDate()}/${date.getUTCMonth() + 1} ${date.getUTCFullYear()}`;
}

export { errorText, TECHNICAL_DETAIL } from "./technical";

/** Every Danish message the engine produces, in one catalogue. */
export const messages = {
  missingValue: (field: string) => `Feltet "${field}" er tomt, men skal udfyldes. Skriv en værdi i cellen.`,
  excelError: (field: string, error: string) =>
    `Feltet "${field}" indeholder Excel-fejlen ${danishErrorValue(error)}; værdien kan ikke bruges. Ret formlen eller værdien i cellen.`,
  notANumber: (field: string, text: string) =>
    `Feltet "${field}" skal være et tal, men indeholder "${text}". Skriv beløbet som tal, fx 46000.`,
  dateInNumber: (field: string, date: string) =>
    `Feltet "${field}" skal være et tal, men indeholder datoen ${date} (Excel gør fx "1.12" til 1. december). Skriv tallet igen, og formatér cellen som tal.`,
  textNumber: (field: string, text: string, value: number, style: NumberTextStyle) =>
    `Feltet "${field}" indeholder tallet som tekst ("${text}"); det er læst som ${formatDanishNumber(value, decimalsOf(value))}` +
    (style === "english" ? " (engelsk talformat)." : ".") +
    " Skriv det som et tal i cellen.",
  percentInAmount: (field: string, text: string) =>
    `Feltet "${field}" er et beløb, men indeholder en procentsats ("${text}"). Skriv beløbet som tal, fx 46000.`,
  rateAsPercent: (field: string, value: number) =>
    `Feltet "${field}" er en sats; ${formatDanishNumber(value, decimalsOf(value))} er læst som ${formatDanishNumber(value, decimalsOf(value))} %.`,
  unsafeNumber: (field: string, value: number) =>
    `Feltet "${field}" indeholder et tal (${formatDanishNumber(value, 0)}), der er for stort til at blive regnet præcist. Kontrollér enheden: er tallet i kr., hvor tabellen skal være i 1.000 kr.?`,
  unknownType: (text: string, allowed: readonly string[]) =>
    `Ukendt type "${text}". Brug en af: ${allowed.join(", ")}.`,
  unknownStatus: (text: string) => `Ukendt status "${text}". Brug Endelig eller Prognose.`,
  unknownUnit: (text: string) => `Ukendt enhed "${text}". Brug kr., 1.000 kr. eller mio. kr.`,
  unknownParameter: (name: string) =>
    `Ukendt parameter "${name}"; den bruges ikke. Ret navnet til et af dem, arket Regler viser (fx "Budgetværn").`,
  parameterOutOfBounds: (name: string, value: string, min: string | undefined, max: string | undefined) =>
    `Parameteren "${name}" har værdien ${value}, men ` +
    (min !== undefined && max !== undefined
      ? `skal ligge mellem ${min} og ${max}.`
      : min !== undefined
        ? `skal være mindst ${min}.`
        : max !== undefined
          ? `må højst være ${max}.`
          : "kan ikke bruges.") +
    " Ret værdien på arket Regler.",
  duplicateResult: () =>
    `Der er mere end én Resultat-linje i reservationspuljen; kun den første bruges. Slet de andre, eller giv dem en anden Type.`,
  movementAfterResult: (post: string) =>
    `Linjen "${post}" står under Resultat-linjen og indgår derfor ikke i resultatet. Flyt den op over Resultat-linjen, hvis den skal med.`,
  indicatorEconomy: (korrigeret: number, forventet: number) =>
    `Puljernes korrigerede budget ${formatDanishNumber(korrigeret)} mod forventet regnskab ${formatDanishNumber(forventet)} (reglen for Økonomi).`,
  indicatorPersons: (budget: number, expected: number) =>
    `Budgetterede fuldtidspersoner ${formatDanishNumber(budget, decimalsOf(budget))} mod forventede ${formatDanishNumber(expected, decimalsOf(expected))} (reglen for Mængder).`,
  indicatorRefund: (budget: number, expected: number) =>
    `Gennemsnitlig refusionssats, vægtet med budgettet: budgetteret ${formatPercent(budget)}, forventet ${formatPercent(expected)} (reglen for Refusion).`,
  indicatorUnemployment: (municipality: number, national: number) =>
    `Ledighed i kommunen ${formatPercent(municipality)} mod ${formatPercent(national)} på landsplan: ${formatDanishNumber((municipality - national) * 100, 1)} procentpoint over.`,
  indicatorPool: () => "Puljens eget lyskryds (forventet resultat mod budgetværnet).",
  indicatorMissing: (what: string) => `Intet forslag, fordi ${what} mangler.`,
  noIndicatorProposal: (indicator: string, grundlag: string, leftOut: boolean) =>
    `Hovedindikatoren ${indicator}: ${grundlag} ` +
    (leftOut
      ? "Regnskabssagen udelader den, medmindre forvaltningen giver den en farve i kolonnen Valgt på arket Indikatorer."
      : `Sagen viser "–" eller forvaltningens egen farve fra kolonnen Valgt på arket Indikatorer.`),
  unknownIndicator: (name: string, known: readonly string[]) =>
    `Indikatoren "${name}" kendes ikke; skriv en af ${known.join(", ")}.`,
  duplicateIndicator: (indicator: string, first: string | undefined) =>
    `Indikatoren ${indicator} står to gange${first ? ` (første gang i række ${first.replace(/^[A-Z]+/, "")})` : ""}; skriv den kun én gang.`,
  notAFlag: (indicator: string, text: string) =>
    `Valgt farve for ${indicator} skal være GRØN, GUL eller RØD, men er "${text}". Vælg en af dem på listen, eller tøm cellen.`,
  unbalancedAppropriation: (punkt: number, year: number, sum: number) =>
    `Indstillingspunkt ${punkt} i bevillingstabellen summer til ${formatDanishNumber(sum)} kr. i ${year}, ikke 0; tabellen skrives ikke. Kontrollér puljens linjer og bevillingernes beløb, og beregn igen.`,
  unknownPool: (pool: string, pools: readonly string[]) =>
    (pool.trim() === ""
      ? `Puljen er ikke angivet, og reservationspuljen har flere puljekolonner (${pools.join(", ")}).`
      : `Puljen "${pool}" findes ikke som kolonne i reservationspuljen (${pools.join(", ")}).`) +
    " Skriv en af puljekolonnernes navne i kolonnen Pulje.",
  notAYesNo: (field: string, text: string) =>
    `Feltet "${field}" skal være Ja eller Nej, men indeholder "${text}". Vælg Ja eller Nej på listen.`,
  notAYear: (text: string) => `"${text}" er ikke et årstal. Skriv året med fire cifre, fx 2030.`,
  duplicateOpening: (post: string, år: number | undefined) =>
    `Linjen "${post}" er en anden Oprindelig-linje${år === undefined ? "" : ` i ${år}`}; et år har én oprindelig pulje. Ret Type, eller angiv linjens År.`,
  noFollowUpForYear: (post: string, år: number | undefined) =>
    `Linjen "${post}" skal hente puljens mer-/mindreforbrug fra opfølgningen${år === undefined ? "" : ` for ${år}`}, men opfølgningen på arket Opfølgning har ingen kolonner for det år (forventet regnskab og budget). Tilføj kolonnerne, eller fjern Kilde på linjen.`,
  fedFromFollowUp: (år: number | undefined) =>
    `opfølgningens mer-/mindreforbrug pr. pulje${år === undefined ? "" : ` for ${år}`}`,
  onlyInBudgetYear: (post: string, source: string, budgetYear: number | undefined) =>
    `Linjen "${post}" skal hente sit beløb fra ${source}, men den kilde føder kun budgetårets puljeregnskab${budgetYear === undefined ? "" : ` (${budgetYear})`}. Flyt linjen til det år, eller fjern Kilde.`,
  notConvertible: (område: string) =>
    `Linjen "${område}" har ikke overførselsadgang; kun en overførsel kan konverteres til et andet styringsområde. Slet Konverteres til, eller sæt Overførselsadgang til Ja.`,
  carryOverWithoutYear: (område: string) =>
    `Linjens overførsel ("${område}") kan ikke fordeles på år: angiv Overføres til år, eller Budgetår i Regler (så overføres den til året efter).`,
  badSplit: (text: string) =>
    `Fordelingen "${text}" kan ikke læses. Skriv et år (2030) eller fx "2030: 60 %; 2031: 40 %".`,
  unknownGrantInput: (label: string) =>
    `Ukendt forudsætning "${label}" i tilskudsberegningen på arket Reguleringer; den bruges ikke. Ret navnet i kolonnen Input til et af dem, skabelonen skriver.`,
  negativeCount: (label: string) => `"${label}" kan ikke være negativ. Ret tallet i tilskudsberegningen.`,
  duplicateChoice: (type: string) =>
    `Der er valgt mere end én prognose for ${type}; vælg én (Valgt = Ja) pr. regulering.`,
  noChosenScenario: (post: string, type: string, found: readonly string[]) =>
    `Linjen "${post}" skal hente sit beløb fra arket Reguleringer, men der er ikke valgt en prognose for ${type} (Valgt = Ja). ` +
    (found.length > 0
      ? `Fundet: ${found.map((f) => `"${f}"`).join(", ")}. Sæt Valgt = Ja ved én af dem.`
      : `Der er ingen prognose for ${type} i prognoserne på arket Reguleringer. Tilføj en, eller fjern Kilde på linjen.`),
  noEstimate: (post: string, type: string) =>
    `Linjen "${post}" skal hente sit beløb fra egen beregning (§ 23 a), men beregningen af ${type} mangler forudsætninger. Udfyld tilskudsberegningen på arket Reguleringer, eller fjern Kilde på linjen.`,
  noTableSource: (post: string, table: string) =>
    `Linjen "${post}" skal hente sit beløb fra ${table}, som ikke findes eller ikke giver et beløb. Tilføj tabellen (Indsæt skabelon i opgaveruden), eller fjern Kilde på linjen.`,
  noYearEndArea: (post: string, area: string, found: readonly string[]) =>
    `Linjen "${post}" skal hente sit beløb fra regnskabet på arket Regnskab, men ingen linje uden overførselsadgang har styringsområdet "${area}" eller et af dets synonymer. Fundet: ${
      found.length > 0 ? found.map((f) => `"${f}"`).join(", ") : "ingen linjer"
    }. Ret Styringsområde i regnskabet, eller tilføj navnet til parameteren "Styringsområde: synonymer".`,
  sourceForOtherType: (post: string, feed: string, type: string, lineType: string) =>
    `Kilde "${feed}" henter kun beløb til en linje af typen ${type}; linjen "${post}" har typen ${lineType} og bruger sine egne beløb. Ret Type eller Kilde.`,
  sourceLooksLikeFeed: (post: string, kilde: string, feed: string) =>
    `Kilde "${kilde}" på linjen "${post}" ligner "${feed}", men er ikke det; linjen bruger sine egne beløb. Skriv "${feed}", hvis beløbet skal hentes derfra.`,
  fedFromScenario: (name: string) => `arket Reguleringer, prognosen "${name}" (Valgt = Ja)`,
  fedFromEstimate: (type: string) => `egen beregning (§ 23 a), ${type.toLowerCase()}`,
  fedFromYearEnd: (area: string) => `regnskabet (arket Regnskab), kassen for ${area} uden overførselsadgang`,
  fedFromInvestments: () => "investeringsprojekterne (arket Investeringer), ændring i nettogevinst",
  badRange: (from: number, to: number, step: number, max: number) =>
    `Følsomhedsintervallet fra ${formatDanishNumber(from)} til ${formatDanishNumber(to)} i trin af ${formatDanishNumber(step)} kan ikke bruges: Trin skal være positivt, Til mindst Fra, og der må højst være ${max} beløb. Ret rækken i følsomhedstabellen på arket Reguleringer.`,
  unknownCaseKind: (text: string, kinds: readonly string[]) =>
    `Ukendt sagstype "${text}". Brug en af: ${kinds.join(", ")}.`,
  caseKindChosen: (kind: string, why: string) =>
    `Sagstypen er ${kind}, fordi ${why}. Skriv en anden sagstype (Budgetopfølgning, Regnskab eller Orientering) i parameteren Sagstype på arket Regler for at ændre den.`,
  poolTypo: (pool: string, near: string) =>
    `Puljen "${pool}" findes ikke, men ligner "${near}". Mente du "${near}"? Ret navnet i kolonnen Pulje; ellers bliver den en pulje og en tillægsbevilling for sig.`,
  steeringAreaTypo: (area: string, near: string) =>
    `Styringsområdet "${area}" i Konverteres til findes ikke i regnskabet på arket Regnskab, men ligner "${near}". Mente du "${near}"? Ret navnet; ellers bliver det en konvertering til et styringsområde for sig.`,
  kassenOutsidePool: (område: string, area: string, steeringArea: string) =>
    `Linjen "${område}" har ikke overførselsadgang, så dens afvigelse går i kassen, men styringsområdet "${area}" er ikke ${steeringArea} eller et af dets synonymer; beløbet afregnes derfor ikke med reservationspuljen og indgår ikke i noget indstillingspunkt. Ret Styringsområde, eller tilføj navnet til parameteren "Styringsområde: synonymer".`,
  ledgerFollowUpMismatch: (post: string, pool: string, ledger: string, followUp: string, rows: number) =>
    `Puljens linje "${post}" viser ${ledger} for ${pool}, men opfølgningens ${rows} rækker i puljen summer til ${followUp}; forskellen er større end afrundingen af rækkerne, så linjen er ikke denne opfølgnings. Tillægsbevillingen foreslås med opfølgningens ${followUp}. Tilføj opfølgningens Vurdering-linje i Reservationspulje (eller skriv Kilde = Opfølgning på linjen), så sagens pulje viser samme beløb.`,
  investmentYearWithoutLedger: (projekt: string, år: number) =>
    `Ændringen i nettogevinst for projektet "${projekt}" hører til ${år}, men reservationspuljen har ingen linjer for ${år}; den del indgår ikke i nogen pulje. Tilføj puljens linjer for ${år} (kolonnen År), eller ret År.`,
  missingYear: () => `Budgetår mangler: angiv parameteren Budgetår på arket Regler.`,
} as const;

function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : Math.min(6, text.length - dot - 1);
}
