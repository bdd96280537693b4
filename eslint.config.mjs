import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

/**
 * Type-aware rules need the TypeScript project; ESLINT_NO_TYPES=1 leaves them out (the layer test lints
 * sources given on stdin that are not in the project; the import boundaries need no types).
 */
const typed = globalThis.process.env.ESLINT_NO_TYPES !== "1";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "build/", "coverage/", "out/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
    },
  },
  // Type-aware rules (the TypeScript project's types): promises awaited or handled, no needless casts,
  // unsafe any kept out of the sources.
  {
    files: [
      "src/**/*.ts",
      "src/**/*.tsx",
      "test/**/*.ts",
      "test/**/*.tsx",
      "bench/**/*.ts",
      "scripts/**/*.ts",
    ],
    extends: typed ? [...tseslint.configs.recommendedTypeCheckedOnly] : [],
    languageOptions: typed
      ? { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } }
      : {},
    rules: {
      // An async method that does not await implements the port's Promise interface (the file adapter).
      "@typescript-eslint/require-await": "off",
      // Office.js's string enums are compared by value: the Excel namespace is not loaded under jest.
      "@typescript-eslint/no-unsafe-enum-comparison": "off",
    },
  },
  {
    // Excel's custom functions: the metadata generator needs any[][] parameters (JSDoc types), and
    // CustomFunctions.Error objects are what Excel expects thrown.
    files: ["src/functions/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/only-throw-error": "off",
    },
  },
  {
    // Tests read untyped JSON, ExcelJS cells and the mock's objects.
    files: ["test/**/*.ts", "test/**/*.tsx", "bench/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-base-to-string": "off",
      "@typescript-eslint/unbound-method": "off",
    },
  },
  // The layers hold by lint: the arrows point inward (taskpane, cli → app → workbook port → domain;
  // adapters → port, domain; functions → domain).
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../*", "react", "react-dom", "@fluentui/*", "exceljs", "jszip", "fs", "path"],
              message:
                "Layer rule: src/domain imports nothing outside itself (no Office, React, files or other layers).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/functions/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "../app*",
                "../workbook*",
                "../taskpane*",
                "../cli*",
                "../deploy*",
                "react",
                "@fluentui/*",
                "exceljs",
                "jszip",
              ],
              message: "Layer rule: src/functions imports only src/domain (its bundle must stay small).",
            },
          ],
        },
      ],
    },
  },
  {
    // The application: locate, read, compute, summarise, plan. No I/O: it talks to a workbook only
    // through the port, and knows neither adapter.
    files: ["src/app/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "../taskpane*",
                "../cli*",
                "../workbook/officeWorkbook",
                "../workbook/fileWorkbook",
                "../workbook/lostParts",
                "react",
                "react-dom",
                "@fluentui/*",
                "exceljs",
                "jszip",
                "fs",
                "fs/*",
                "path",
              ],
              message:
                "Layer rule: src/app does no I/O: it imports the domain and the port (src/workbook/port, address), never an adapter, a door, React or file access.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/workbook/**/*.ts", "src/deploy/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../app*", "../taskpane*", "../cli*", "react", "react-dom", "@fluentui/*"],
              message:
                "Layer rule: src/workbook (the port and its adapters) and src/deploy never import the application or the doors (task pane, headless command) or React.",
            },
          ],
        },
      ],
    },
  },
  {
    // The simulated Excel builds Office.js-like proxies from object literals whose getters and setters
    // must reach the simulator's instance.
    files: ["test/helpers/fakeExcel.ts"],
    rules: { "@typescript-eslint/no-this-alias": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { module: "writable", require: "readonly", __dirname: "readonly", process: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
