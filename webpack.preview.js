/**
 * Builds the browser preview into dist-preview/: the real task pane and FOCUS.* functions over the
 * in-browser Excel simulator, beside a grid of the bundled example (or of a dropped .xlsx).
 *
 *   npx webpack --config webpack.preview.js && node scripts/serve-preview.js   # npm run preview
 *
 * dist-preview/: index.html, preview.js, functions.json, examples/hsbc-2020-11-30.xlsx, assets/.
 * No office.js and no other origin: the page's Content-Security-Policy allows only 'self'.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { functionsMetadata, typescriptRule } = require("./webpack.common");
const HtmlWebpackPlugin = require("html-webpack-plugin");

module.exports = (_env, argv) => {
  const dev = argv.mode === "development";
  return {
    mode: dev ? "development" : "production",
    // Never an eval-based devtool: the page's Content-Security-Policy forbids eval.
    devtool: dev ? "source-map" : false,
    entry: { preview: "./preview/main.tsx" },
    output: {
      path: path.resolve(__dirname, "dist-preview"),
      filename: "[name].js",
      clean: true,
      // Write every file on every build, unchanged or not: the browser tests reuse a build whose
      // index.html is newer than every source, and judge that by its modification time.
      compareBeforeEmit: false,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        typescriptRule({ dev, configFile: path.resolve(__dirname, "preview/tsconfig.json") }),
      ],
    },
    plugins: [
      // As for Excel: functions.json from the JSDoc, and CustomFunctions.associate calls appended to
      // src/functions/functions.ts, which the preview imports after installing its CustomFunctions.
      functionsMetadata(),
      new HtmlWebpackPlugin({ filename: "index.html", template: "./preview/index.html" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "examples/hsbc-2020-11-30.xlsx", to: "examples/[name][ext]" },
          { from: "assets/icon-16.png", to: "assets/[name][ext]" },
        ],
      }),
    ],
    performance: {
      // The pane (React, Fluent UI, decimal.js) plus the simulator and the .xlsx reader and writer.
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
    },
  };
};
