import path from "node:path";

/** The two databases the app runs on; which one is chosen by DATABASE_URL alone. */
export type Provider = "sqlite" | "postgresql";

export const DEFAULT_DATABASE_URL = "file:./data/cdp.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function providerOf(url: string): Provider {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got "${url.split(":")[0]}:…")`);
}

/** Absolute path of a `file:` URL, relative paths taken from the working directory. */
export function sqlitePath(url: string): string {
  const raw = url.replace(/^file:/, "").split("?")[0];
  return path.resolve(process.cwd(), raw);
}
