/// <reference types="custom-functions-runtime" />
import {
  afkastgrad,
  afvigelse,
  kasse,
  maengder,
  merudgiftsbehov,
  oekonomi,
  refusion,
  reservation,
  saldo,
} from "./functions";

/** Entry of the JavaScript-only custom-functions runtime: binds each stable ID to its function. */
CustomFunctions.associate("AFVIGELSE", afvigelse);
CustomFunctions.associate("OEKONOMI", oekonomi);
CustomFunctions.associate("MAENGDER", maengder);
CustomFunctions.associate("REFUSION", refusion);
CustomFunctions.associate("RESERVATION", reservation);
CustomFunctions.associate("SALDO", saldo);
CustomFunctions.associate("KASSE", kasse);
CustomFunctions.associate("AFKASTGRAD", afkastgrad);
CustomFunctions.associate("MERUDGIFTSBEHOV", merudgiftsbehov);
