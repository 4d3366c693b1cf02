/**
 * Builds the Excel add-in into dist/ (shared runtime: one page hosts pane, functions and commands).
 *
 *   npx webpack --mode production          # dist/ for deployment; URLs rewritten to $ADDIN_URL
 *   npx webpack serve --mode development   # dev server on https://localhost:3000 (http without certs)
 *
 * dist/: taskpane.html, taskpane.js, functions.js, commands.js, functions.json, manifest*.xml, assets/.
 * Nothing here calls out to a service; the only external URL is office.js, loaded by the page itself.
 */
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { functionsMetadata, typescriptRule } = require("./webpack.common");
const HtmlWebpackPlugin = require("html-webpack-plugin");

/** The URL every manifest and page is written against during development. */
const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;
const CERT_DIR = path.resolve(__dirname, "certs");

/** Where production is served from: $ADDIN_URL (with a trailing slash), else the dev URL. */
function productionUrl() {
  const url = (process.env.ADDIN_URL || DEV_URL).trim();
  if (!/^https:\/\//.test(url)) {
    // Office refuses add-in pages served over plain http (localhost excepted only in development).
    throw new Error(`ADDIN_URL must be an https:// URL, got "${url}"`);
  }
  return url.endsWith("/") ? url : url + "/";
}

/**
 * HTTPS options for the dev server when ./certs holds a certificate, else undefined (plain http).
 * Office desktop needs https and a trusted certificate; Excel on the web and local tests accept http
 * on localhost. Generate certificates on demand, e.g.
 *   node -e "require('office-addin-dev-certs').generateCertificates('certs/ca.crt','certs/localhost.crt','certs/localhost.key',30)"
 * or with openssl; `office-addin-dev-certs install` also trusts the CA, which needs sudo.
 */
function devServerHttps() {
  const cert = path.join(CERT_DIR, "localhost.crt");
  const key = path.join(CERT_DIR, "localhost.key");
  if (!fs.existsSync(cert) || !fs.existsSync(key)) return undefined;
  const ca = path.join(CERT_DIR, "ca.crt");
  return {
    cert: fs.readFileSync(cert),
    key: fs.readFileSync(key),
    ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}),
  };
}

module.exports = (_env, argv) => {
  const dev = argv.mode !== "production";
  const prodUrl = productionUrl();
  const https = dev ? devServerHttps() : undefined;

  return {
    mode: dev ? "development" : "production",
    // Not an eval-based devtool: the page's Content-Security-Policy forbids eval.
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: { rules: [typescriptRule({ dev })] },
    plugins: [
      functionsMetadata(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the one page loads all three bundles.
        chunks: ["taskpane", "functions", "commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            // Development keeps localhost; production points every URL at $ADDIN_URL.
            transform(content) {
              return dev ? content : content.toString().split(DEV_URL).join(prodUrl);
            },
          },
        ],
      }),
    ],
    optimization: {
      // One page loads all three entries (shared runtime): share the engine, the adapter, React and
      // Fluent UI between them instead of shipping a copy in each, and run one webpack runtime so
      // every module (the functions' snapshot cache among them) has a single instance.
      runtimeChunk: "single",
      splitChunks: { chunks: "all" },
    },
    performance: {
      // The first load's vendor chunk (React and the Fluent UI v9 the Validate tab shows) is ~490 KB
      // raw, ~136 KB gzip, loaded once per session from cache. The budget that matters is the page's gzip total, which
      // `npm run bench -- --check` holds under 250 KB; this raw-size hint only flags a sudden jump.
      maxEntrypointSize: 900 * 1024,
      maxAssetSize: 800 * 1024,
    },
    devServer: {
      port: DEV_PORT,
      // Office loads functions.json and the bundles from its own origin in Excel on the web.
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
      // No browser opened, no external "open" or telemetry: sideloading is a separate step.
      open: false,
    },
  };
};
