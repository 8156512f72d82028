import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/i18n/messages";
import { REASONS } from "@/lib/errors";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The ICU arguments a message uses: `{count, plural, …}` and `{name}` both name one. */
function argumentsOf(message: string): string[] {
  return [...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((m) => m[1]).sort();
}

describe("message files", () => {
  const en = flatten(MESSAGES.en as unknown as Tree);
  const zh = flatten(MESSAGES["zh-CN"] as unknown as Tree);

  it("are all loaded: every file under messages/<locale> is a namespace of i18n/messages.ts", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const files = readdirSync(path.join(process.cwd(), "messages", locale)).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5));
      expect(Object.keys(MESSAGES[locale]).sort()).toEqual(files.sort());
    }
  });

  it("have the same keys in both languages", () => {
    const onlyEn = [...en.keys()].filter((k) => !zh.has(k));
    const onlyZh = [...zh.keys()].filter((k) => !en.has(k));
    expect({ onlyEn, onlyZh }).toEqual({ onlyEn: [], onlyZh: [] });
  });

  it("use the same arguments in both languages", () => {
    const differing = [...en.keys()]
      .filter((k) => zh.has(k) && argumentsOf(en.get(k)!).join() !== argumentsOf(zh.get(k)!).join())
      .map((k) => `${k}: en {${argumentsOf(en.get(k)!)}} zh-CN {${argumentsOf(zh.get(k)!)}}`);
    expect(differing).toEqual([]);
  });

  it("have no empty text", () => {
    const blank = [...en, ...zh].filter(([, v]) => v.trim() === "").map(([k]) => k);
    expect(blank).toEqual([]);
  });

  it("word every reason the domain can give", () => {
    const missing = Object.keys(REASONS).filter((r) => !en.has(`errors.${r}`) || !zh.has(`errors.${r}`));
    expect(missing).toEqual([]);
  });
});
