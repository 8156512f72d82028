import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** True when there is no production build or a source it depends on changed since. */
export function buildIsStale(): boolean {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "public", "generated"].map((d) => newestMtime(path.join(root, d)));
  const files = ["next.config.js", "tailwind.config.ts", "package-lock.json", "postcss.config.mjs"].map((f) =>
    existsSync(path.join(root, f)) ? statSync(path.join(root, f)).mtimeMs : 0,
  );
  return Math.max(...sources, ...files) > built;
}

/** Runs `next build` when the build is stale; returns false if the build failed. */
export function buildIfStale(log = (m: string) => console.log(m)): boolean {
  if (process.env.SKIP_BUILD === "1" || !buildIsStale()) return true;
  log("building the console (next build)…");
  const started = Date.now();
  const res = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  log(`next build finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return res.status === 0;
}
