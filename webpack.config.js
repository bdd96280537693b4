/* Builds the task pane, the ribbon's function file, the PULJE functions, the help page, the icons and the
 * manifest into dist/.
 *
 *   npm run build                                          development build: URLs stay https://localhost:3000/
 *   npm run build -- --env ADDIN_BASE_URL=https://host/path/   production build for that host
 *   npm run build -- --env ADDIN_BASE_URL=https://host/path/ --env ADDIN_STAGE=test   a test build
 * Stages (src/deploy/stages.json): production, test, development — each its own manifest Id, name and
 * functions namespace. A build with a base URL and no stage is production; one without, development.
 */
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const pkg = require("./package.json");
const STAGES = require("./src/deploy/stages.json");

const DEV_BASE_URL = "https://localhost:3000/";
const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

/**
 * The pages' Content-Security-Policy: scripts from the add-in's own host and Office.js's, nothing else;
 * no eval; no network calls except to the own host; styles inline because Fluent UI (Griffel) and
 * Office.js insert style elements at run time.
 */
const CSP = [
  "default-src 'none'",
  `script-src 'self' ${OFFICE_JS_ORIGIN}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** 1.2.3 → 1.2.3.0: package.json's version is the manifest's (see src/deploy/version.ts). */
function manifestVersion(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) throw new Error(`package.json version "${version}" must be major.minor.patch`);
  return `${version}.0`;
}

function baseUrlFrom(env) {
  if (!env.ADDIN_BASE_URL) return undefined;
  const url = String(env.ADDIN_BASE_URL).replace(/\/?$/, "/");
  if (!/^https:\/\/[^/]+\//.test(url) || /^https:\/\/localhost[:/]/.test(url))
    throw new Error(`ADDIN_BASE_URL must be an https address of the production host, not "${env.ADDIN_BASE_URL}".`);
  return url;
}

function stageFrom(env, baseUrl) {
  const stage = env.ADDIN_STAGE ?? (baseUrl ? "production" : "development");
  if (!(stage in STAGES)) throw new Error(`ADDIN_STAGE must be one of ${Object.keys(STAGES).join(", ")}, not "${stage}".`);
  return stage;
}

/**
 * Every development URL in every emitted page, script, JSON and the manifest points at the base URL; the
 * manifest gets the stage's Id, name and functions namespace.
 */
class RewriteBaseUrlPlugin {
  constructor(baseUrl, development, stage) {
    this.baseUrl = baseUrl;
    this.development = development;
    this.stage = stage;
  }
  apply(compiler) {
    const logger = compiler.getInfrastructureLogger("reservationspuljen");
    compiler.hooks.thisCompilation.tap("RewriteBaseUrl", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "RewriteBaseUrl", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!/\.(html|js|json|xml)$/.test(name)) continue;
            const before = assets[name].source().toString();
            let after = before.split(DEV_BASE_URL).join(this.baseUrl).split(DEV_BASE_URL.slice(0, -1)).join(this.baseUrl.slice(0, -1));
            if (name === "functions.json") {
              // The metadata generator writes allowCustomDataForDataTypeAny (CustomFunctionsRuntime 1.4);
              // the manifest declares 1.3, and the functions pass no data types: the key goes.
              const metadata = JSON.parse(after);
              delete metadata.allowCustomDataForDataTypeAny;
              after = JSON.stringify(metadata, null, 2);
            }
            if (name === "manifest.xml") {
              after = after.replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(pkg.version)}</Version>`);
              // Each stage its own add-in: Id, name (a non-production build says so where users see it)
              // and functions namespace.
              const stage = STAGES[this.stage];
              after = after
                .replace(/<Id>[^<]*<\/Id>/, `<Id>${stage.id}</Id>`)
                .replace(/(<DisplayName DefaultValue=")([^"]*)(")/, `$1$2${stage.displaySuffix}$3`)
                .replace(
                  /(<bt:String id="Functions\.Namespace" DefaultValue=")[^"]*(")/,
                  `$1${stage.namespace}$2`,
                );
            }
            if (after !== before) compilation.updateAsset(name, new webpack.sources.RawSource(after));
          }
        },
      );
    });
    compiler.hooks.done.tap("RewriteBaseUrl", () => {
      if (this.development)
        logger.warn(
          `UDVIKLINGSBYGGERI: manifestet peger på ${DEV_BASE_URL}. Til drift: npm run build -- --env ADDIN_BASE_URL=https://…/`,
        );
      else logger.info(`Byggeri (${this.stage}) til ${this.baseUrl} (version ${manifestVersion(pkg.version)}).`);
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const given = baseUrlFrom(env);
  const baseUrl = given ?? DEV_BASE_URL;
  const stage = stageFrom(env, given);
  const production = argv.mode !== "development";
  const page = (filename, template, chunks) =>
    new HtmlWebpackPlugin({
      filename,
      template,
      chunks,
      csp: CSP,
    });
  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    // The code is compiled to ES2017 (ts-loader below): the custom functions' JavaScript-only runtime
    // documents no language level, so the bundles carry no optional chaining (?.) or nullish coalescing
    // (??), which came in ES2020. Webpack's own runtime keeps es2020 (globalThis, not new Function, for the
    // CSP).
    target: ["web", "es2020"],
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      // The PULJE.* functions: their own small bundle that imports only src/domain.
      functions: "./src/functions/register.ts",
    },
    // functions.js keeps a fixed name: the manifest points at it directly.
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: (data) => (data.chunk.name === "functions" ? "functions.js" : "[name].[contenthash:8].js"),
      // The pane's lazily loaded parts (status, results, engine): fetched from the same host on first use.
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "es2020", target: "es2017", sourceMap: !production } },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      page("taskpane.html", "./src/taskpane/taskpane.html", ["taskpane"]),
      page("commands.html", "./src/commands/commands.html", ["commands"]),
      page("functions.html", "./src/functions/functions.html", ["functions"]),
      page("help.html", "./src/help/help.html", []),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
      new RewriteBaseUrlPlugin(baseUrl, given === undefined, stage),
      // The template's PULJE formulas use the build's namespace (PULJE, PULJETEST, PULJEDEV).
      new webpack.DefinePlugin({ __FUNCTIONS_NAMESPACE__: JSON.stringify(STAGES[stage].namespace) }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      server: "https",
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
    },
  };
};
