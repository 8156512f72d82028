// Summarises a .cpuprofile: self time by function and by file, top N.
//   npx tsx bench/top-frames.ts FILE.cpuprofile [N]
import { readFileSync } from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
const prof = JSON.parse(readFileSync(process.argv[2], "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const n = Number(process.argv[3] ?? 25);
const byId = new Map(prof.nodes.map((x) => [x.id, x]));
const self = new Map<number, number>();
prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const fn = new Map<string, number>();
const file = new Map<string, number>();
for (const [id, us] of self) {
  const f = byId.get(id)!.callFrame;
  const where = f.url.replace(/^.*node_modules\//, "nm/").replace(/^file:\/\/.*\/perf\//, "");
  fn.set(`${f.functionName || "(anon)"} ${where}:${f.lineNumber}`, (fn.get(`${f.functionName || "(anon)"} ${where}:${f.lineNumber}`) ?? 0) + us);
  const pkg = where.startsWith("nm/") ? where.split("/").slice(0, where.startsWith("nm/@") ? 3 : 2).join("/") : where || f.functionName;
  file.set(pkg, (file.get(pkg) ?? 0) + us);
}
const show = (m: Map<string, number>) =>
  [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`).join("\n");
console.log(`total ${(total / 1000).toFixed(0)} ms\n-- by function (self)\n${show(fn)}\n-- by package/file (self)\n${show(file)}`);
