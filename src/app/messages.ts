import { TECHNICAL_DETAIL } from "../domain";

/** A table's label at the start of a sentence. */
const start = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);
/** Danish messages of the application layer (the engine's are in domain/messages.ts, the adapters' in workbook/messages.ts). */
export const appMessages = {
  duplicateHeader: (table: string, header: string, first: string) =>
    `${start(table)} har kolonnen "${header}" to gange (også i ${first}); kun én er tilladt. Omdøb eller slet den ene.`,
  missingColumn: (table: string, column: string, near: string | undefined) =>
    `${start(table)} mangler kolonnen "${column}".` +
    (near
      ? ` Mente du "${near}"?`
      : " Tilføj kolonnen med den overskrift (Indsæt skabelon viser alle kolonnerne)."),
  missingYearColumn: (table: string, column: string, year: number | undefined, found: string[]) =>
    year === undefined
      ? `${start(table)} har årskolonner (${found.join(", ")}), men Budgetår mangler: angiv Budgetår på arket Regler, så ved Reservationspuljen, hvilket år opfølgningen gælder.`
      : `${start(table)} mangler kolonnen "${column} ${year}" (Budgetår ${year}); fundet: ${found.join(", ")}.`,
  noBudgetNoForecast: (område: string) =>
    `Linjen "${område}" har hverken budget eller forventet regnskab og springes over.`,
  blankLine: (område: string) =>
    `Linjen "${område}" har intet beløb i nogen af tabellens år og springes over.`,
  emptyTable: (table: string) => `${start(table)} har ingen datarækker.`,
  hiddenRows: (table: string, count: number, first: string) =>
    `${start(table)} har ${count} skjulte eller filtrerede rækker (første: ${first}); de tælles med.`,
  unitMismatch: (header: string, headerUnit: string, unit: string) =>
    `Kolonnen "${header}" er angivet i ${headerUnit}, men parameteren Enhed er ${unit}. Ret overskriften eller Enhed.`,
  noPoolColumns: (table: string) =>
    `${start(table)} har ingen puljekolonner efter Post, Type, Status og Kilde. Tilføj en kolonne pr. pulje, fx Budgetgaranti.`,
  mergedOutput: (range: string, cell: string) =>
    `Cellerne ${range} er flettet, og tilføjelsesprogrammet skal skrive i ${cell}; intet er skrevet. Ophæv fletningen (Start › Flet og centrer), og klik på Beregn igen.`,
  textCut: (cell: string, length: number) =>
    `Teksten til ${cell} er ${length.toLocaleString("da-DK")} tegn; en celle i Excel rummer højst 32.767. Den er skrevet med de første 32.767 tegn. Forkort teksten i inputtet, og klik på Beregn igen.`,
  notOwned: (cell: string, what: string) =>
    `Cellen ${cell} indeholder ${what}, som ikke er skrevet af tilføjelsesprogrammet; den overskrives ikke, og intet er skrevet. Flyt indholdet, eller tøm cellen, og klik på Beregn igen.`,
  columnBlocked: (table: string, header: string, cell: string) =>
    `Kolonnen "${header}" kan ikke tilføjes til ${table}, fordi ${cell} ikke er tom. Flyt indholdet af ${cell}, og klik på Beregn igen.`,
  sheetNotOwned: (sheet: string) =>
    `Arket "${sheet}" findes allerede og er ikke lavet af tilføjelsesprogrammet; det overskrives ikke, og intet er skrevet. Omdøb arket, og klik på Beregn igen.`,
  structureProtected: (sheet: string) =>
    `Projektmappens struktur er beskyttet, så arket "${sheet}" kan ikke tilføjes; intet er skrevet. Fjern beskyttelsen (Gennemse → Beskyt projektmappe), og klik på Beregn igen.`,
  protectedSheet: (sheet: string) =>
    `Arket "${sheet}" er beskyttet; tilføjelsesprogrammet skriver ikke i det, og intet er skrevet. Ophæv beskyttelsen (Gennemse → Fjern arkbeskyttelse), og klik på Beregn igen.`,
  missingYearForYearEnd: () =>
    "Budgetår mangler: angiv parameteren Budgetår (regnskabsåret) på arket Regler for at lave årsregnskabets punkter i bevillingstabellen.",
  noLedgerForBudgetYear: (year: number | undefined) =>
    year === undefined
      ? "Reservationspuljen er opdelt på år (kolonnen År), men Budgetår mangler: angiv Budgetår på arket Regler; puljen for budgetåret vises ikke."
      : `Reservationspuljen har ingen linjer for budgetåret ${year}; puljen for budgetåret vises ikke (de andre års puljer beregnes).`,
  missingYear: () =>
    "Budgetår mangler: angiv parameteren Budgetår på arket Regler for at lave tillægsbevillinger.",
  caseKindReason: (source: string) =>
    source === "followUp"
      ? "projektmappen har en opfølgning (arket Opfølgning) og parameteren Sagstype er tom"
      : source === "yearEnd"
        ? "projektmappen har et regnskab (arket Regnskab), men ingen opfølgning, og parameteren Sagstype er tom"
        : "projektmappen hverken har en opfølgning eller et regnskab, og parameteren Sagstype er tom",
  yearEndNotProposed: () =>
    "Regnskabet indgår i puljen, men dets overførsel, konvertering og afregning foreslås kun i en regnskabssag (Sagstype = Regnskab); denne sag er en budgetopfølgning.",
  followUpNotProposed: () =>
    "Sagen er en regnskabssag: opfølgningens mer-/mindreforbrug foreslås ikke som tillægsbevillinger, for puljens andel af regnskabet afregnes med kassen (én bevægelse, én bevilling).",
  noFollowUpForCase: () =>
    "Sagstypen er Budgetopfølgning, men projektmappen har ingen opfølgning (arket Opfølgning); sagen foreslår derfor ingen tillægsbevillinger.",
  noYearEndForCase: () =>
    "Sagstypen er Regnskab, men projektmappen har intet regnskab (arket Regnskab); sagen foreslår derfor ingen overførsel, konvertering eller afregning.",
  noParametersTable: () =>
    "Projektmappen har ingen parametre (arket Regler); sagstypen kan ikke skrives. Klik på Indsæt skabelon i opgaveruden, så kommer arket Regler med parametrene.",
  noCaseKindRow: (table: string) =>
    `${start(table)} har ingen række Sagstype, og rækken kan ikke tilføjes automatisk. Tilføj en række med Parameter = Sagstype nederst i tabellen, og vælg sagstypen igen.`,
  caseKindWritten: (kind: string, cell: string) => `Sagstypen er nu ${kind} (${cell}). Beregner igen …`,
  unknownPoolInFollowUp: (pool: string) =>
    `Puljen "${pool}" i opfølgningen (arket Opfølgning) har ingen kolonne i reservationspuljen (arket Reservationspulje); den indgår i opfølgningen, men ikke i puljen. Tilføj en kolonne med puljens navn i reservationspuljen, hvis den skal med.`,
  /** `restored` is undefined for the file: no Excel is involved, and nothing has been written. */
  writeFailed: (reason: string, restored: boolean | undefined) =>
    (restored === undefined
      ? "Projektmappen kunne ikke skrives: en del af filen kan ikke ændres, som den er gemt. Intet er skrevet. Åbn filen i Excel, gem den som Excel-projektmappe (.xlsx), og kør igen."
      : restored === false
        ? "Excel stoppede skrivningen undervejs, og det skrevne kunne ikke sættes helt tilbage. Luk projektmappen uden at gemme, eller kontrollér arkene Resultat, Scenarier og Tillægsbevillinger og de tilføjede kolonner."
        : "Excel stoppede skrivningen undervejs. Det, der nåede at blive skrevet, er sat tilbage: værdier, formler, talformater, lyskrydsenes betingede formatering, tilføjede ark og kolonner. Kun udfyldningsfarver, kolonnebredder, rækkehøjder og tekstombrydning i tilføjelsesprogrammets egne celler kan stå ændret; de bliver rigtige ved næste Beregn. Prøv igen.") +
    `${TECHNICAL_DETAIL}${reason}`,
  flagNotComputed: (flag: string, table: string, missing: string[][]) =>
    `Lyskrydset ${flag} beregnes ikke: ${table} mangler ${missing
      .map(([header, ...aliases]) => {
        // The old word (helårspersoner) is still read, but not taught.
        const shown = aliases.filter((a) => !/helårs/i.test(a));
        return (
          `kolonnen "${header}"` +
          (shown.length > 0 ? ` (eller ${shown.map((a) => `"${a}"`).join(", ")})` : "")
        );
      })
      .join(
        " og ",
      )}. Kolonnen ${flag} viser – for alle rækker; tilføj kolonnerne, hvis lyskrydset skal beregnes.`,
  prognosisPoolColumn: (column: string, table: string, pools: readonly string[]) =>
    `Kolonnen "${column}" i ${table} er ikke en af puljekolonnerne i reservationspuljen på arket Reservationspulje (${pools.join(", ")}). Omdøb kolonnen til en af dem, eller flyt den uden for tabellen.`,
  emptyPool: (pool: string) =>
    `Puljekolonnen "${pool}" er tom i alle bevægelser; den regnes som 0. Er det meningen?`,
  mergedCells: (table: string, area: string) =>
    `${start(table)} har flettede celler (${area}): kun den øverste venstre celle har en værdi, de øvrige læses som tomme. Ophæv fletningen, og udfyld cellerne.`,
  mergesUnread: (table: string) =>
    `Excel kunne ikke oplyse de flettede celler i ${table} (over 512 fletninger); flettede celler læses som tomme uden videre besked. Ophæv fletningerne på arket (Hjem → Flet og centrer), og klik på Beregn igen.`,
  needsLedger: (table: string) =>
    `${start(table)} bruges kun sammen med reservationspuljen (arket Reservationspulje), som ikke findes i projektmappen. Klik på Indsæt skabelon i opgaveruden for at få den.`,
  nothingToCompute: () => "Tabellerne i projektmappen har ingen datarækker; der er intet at beregne.",
  nothingFound: () =>
    "Projektmappen har hverken en opfølgning, en reservationspulje, en budgetmodel, et regnskab eller investeringsprojekter. I Excel: klik på Indsæt skabelon i opgaveruden for at få tabellerne; hjælpesiden (knappen Hjælp) viser, hvilke tabeller og kolonner der læses.",
} as const;
