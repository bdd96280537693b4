/// <reference types="custom-functions-runtime" />
/**
 * Entry of the JavaScript-only custom-functions runtime. The functions module is imported for its effect:
 * at build time custom-functions-metadata-plugin appends one `CustomFunctions.associate(id, function)` per
 * `@customfunction` to it, so each stable ID is bound exactly once (repeating the calls here bound each
 * twice).
 */
import "./functions";
