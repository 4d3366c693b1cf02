import { spawn } from "child_process";
import { join } from "path";
import { releasePreviewBuild, ROOT } from "./preview-build";

export interface PreviewServer {
  url: string;
  /** Stops the server, and releases this suite's lease on the build (see preview-build.ts). */
  stop(): Promise<void>;
}

const STARTUP_MS = 10_000;

/** scripts/serve-preview.js on a free port (the command npm run preview runs), until stop(). */
export function startPreviewServer(): Promise<PreviewServer> {
  const child = spawn(
    process.execPath,
    [join(ROOT, "scripts", "serve-preview.js"), "--port", "0"],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    }
  );
  let output = "";
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    }).then(releasePreviewBuild);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`serve-preview.js printed no URL within ${STARTUP_MS} ms:\n${output}`));
    }, STARTUP_MS);
    const read = (d: Buffer) => {
      output += d.toString();
      const url = /FOCUS preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({ url, stop });
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve-preview.js exited (${code}):\n${output}`));
    });
  });
}
