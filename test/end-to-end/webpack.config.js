/**
 * The real-Excel lane's test build: the add-in's own build (../../webpack.config.js), with the
 * lane's test pane as the taskpane entry (functions and commands stay the add-in's), served by
 * the dev server on https://localhost:3000 for test/end-to-end/test-manifest.xml.
 *   npm run dev-server -- --config test/end-to-end/webpack.config.js
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const addinConfig = require("../../webpack.config.js");

module.exports = (env, argv) => {
  const config = addinConfig(env, { ...argv, mode: "development" });
  config.entry = { ...config.entry, taskpane: "./test/end-to-end/src/test-taskpane.ts" };
  config.output = { ...config.output, path: path.resolve(__dirname, "../../testBuild") };
  config.plugins = config.plugins.map((plugin) =>
    plugin instanceof HtmlWebpackPlugin
      ? new HtmlWebpackPlugin({
          filename: "taskpane.html",
          template: "./test/end-to-end/src/test-taskpane.html",
          chunks: ["taskpane", "functions", "commands"],
        })
      : plugin
  );
  return config;
};
