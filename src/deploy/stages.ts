import STAGES from "./stages.json";

/**
 * One add-in per environment: production, test and development builds each have their own manifest Id,
 * name and custom-functions namespace, so that a sideloaded test build and the admin-deployed production
 * add-in can live in the same Excel (the same custom-functions add-in loaded twice is not supported).
 * stages.json is the one table; webpack.config.js reads it too.
 */
export type Stage = keyof typeof STAGES;

export interface StageSettings {
  id: string;
  displaySuffix: string;
  namespace: string;
}

export const STAGE_SETTINGS: Record<Stage, StageSettings> = STAGES;

export const STAGE_NAMES = Object.keys(STAGES) as Stage[];

/** Every namespace a build of this add-in may use (a workbook can hold formulas from any of them). */
export const FUNCTION_NAMESPACES: readonly string[] = STAGE_NAMES.map((s) => STAGES[s].namespace);
