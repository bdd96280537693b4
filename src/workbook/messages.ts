import { TECHNICAL_DETAIL } from "../domain";
/** Danish messages of the workbook adapters (the application's are in app/messages.ts, the engine's in domain/messages.ts). */
export const adapterMessages = {
  partLost: (what: string, sheet: string | undefined) =>
    sheet
      ? `${what} på arket "${sheet}" kan ikke bevares i den skrevne fil.`
      : `${what} kan ikke bevares i den skrevne fil.`,
  chartFallback: (title: string, sheet: string, reason: string) =>
    `Excel kunne ikke lave diagrammet "${title}" på arket "${sheet}" som vandfaldsdiagram; det er lavet som søjlediagram over de samme tal. Resultaterne er skrevet.${TECHNICAL_DETAIL}${reason}`,
  chartSkipped: (title: string, sheet: string, reason: string) =>
    `Diagrammet "${title}" på arket "${sheet}" kunne ikke laves og er udeladt. Resultaterne er skrevet; tallene bag diagrammet står på arket.${TECHNICAL_DETAIL}${reason}`,
} as const;
