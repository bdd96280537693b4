/* Builds the task pane, the ribbon's function file, the help page, the icons and the manifest into dist/. */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_BASE_URL = "https://localhost:3000/";

module.exports = (env = {}, argv = {}) => {
  const baseUrl = env.ADDIN_BASE_URL ? String(env.ADDIN_BASE_URL).replace(/\/?$/, "/") : DEV_BASE_URL;
  const production = argv.mode !== "development";
  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
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
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: !production } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      new HtmlWebpackPlugin({ filename: "functions.html", template: "./src/functions/functions.html", chunks: ["functions"] }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // Every development URL, not just the first, points at the production host.
            transform: (content) => content.toString().split(DEV_BASE_URL).join(baseUrl).split(DEV_BASE_URL.slice(0, -1)).join(baseUrl.slice(0, -1)),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      server: "https",
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
    },
  };
};
