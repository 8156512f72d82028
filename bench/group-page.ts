// The group page of a 1,000,000-member group (issue 8 §5): first paint under 1 s.
// Needs a production build and the database bench/groups.ts leaves behind (its group 一百万):
//   npx tsx bench/groups.ts --db sqlite && npx tsx bench/group-page.ts --db sqlite
//   npx tsx bench/groups.ts --db postgresql && npx tsx bench/group-page.ts --db postgresql
// Measures, signed in through the form in Chromium: the server render of /groups/[id] (navigation
// timing: time to first byte, whole HTML, first contentful paint), each JSON call the page makes
// later (group, first members page, joins per day), and the service calls in process, to say where
// the time goes.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { startServer } from "./harness";

const { values } = parseArgs({
  options: { db: { type: "string", default: "sqlite" }, runs: { type: "string", default: "10" }, port: { type: "string", default: "3398" } },
});
const runs = Number(values.runs);

const p50 = (xs: number[]) => +[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)].toFixed(1);
const max = (xs: number[]) => +Math.max(...xs).toFixed(1);

async function main() {
  const url =
    values.db === "sqlite"
      ? "file:./data/bench-groups.db"
      : (() => {
          const u = new URL(process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/cdp_bench");
          u.pathname = "/cdp_bench_groups";
          return u.toString();
        })();
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= "bench-secret";
  const { db } = await import("../lib/db/client");
  const { createUser } = await import("../lib/users/service");
  const { groupForConsole, memberPageForConsole } = await import("../lib/groups/console-service");
  const { joinedBetweenDays } = await import("../lib/groups/service");
  const { FIRST_MEMBER_QUERY } = await import("../lib/groups/console");

  const group = await db.group.findFirstOrThrow({ where: { name: "一百万" }, orderBy: { id: "desc" } });
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: group.tenantId } });
  const email = `bench-${randomBytes(3).toString("hex")}@bench.test`;
  await createUser(group.tenantId, { email, password: "password-123", role: "admin", loginNo: `b${randomBytes(3).toString("hex")}` });
  const day = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: tenant.timeZone }).format(d);
  const range = { from: day(new Date(Date.now() - 29 * 86_400_000)), to: day(new Date()) };

  // in process: what the server render awaits
  const inProcess = { group: [] as number[], members: [] as number[], joined: [] as number[] };
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const g = await groupForConsole(group.tenantId, group.id);
    inProcess.group.push(performance.now() - t);
    t = performance.now();
    await memberPageForConsole(group.tenantId, group.id, FIRST_MEMBER_QUERY);
    inProcess.members.push(performance.now() - t);
    t = performance.now();
    await joinedBetweenDays(group.tenantId, group.id, { ...range, timeZone: tenant.timeZone });
    inProcess.joined.push(performance.now() - t);
    if (g.memberCount < 1) throw new Error("empty group");
  }

  const server = await startServer(url, Number(values.port));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await (await browser.newContext({ baseURL: server.url, locale: "zh-CN" })).newPage();
    await page.goto("/sign-in");
    await page.locator("#email").fill(email);
    await page.locator("#password").fill("password-123");
    await page.locator("form button[type=submit]").click();
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));

    const nav = { ttfb: [] as number[], html: [] as number[], fcp: [] as number[], load: [] as number[] };
    await page.goto(`/groups/${group.id}`); // warm the route once
    for (let i = 0; i < runs; i++) {
      await page.goto("about:blank");
      await page.goto(`/groups/${group.id}`, { waitUntil: "load" });
      await page.getByTestId("member-count").waitFor();
      const timing = await page.evaluate(() => {
        const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const fcp = performance.getEntriesByName("first-contentful-paint")[0];
        return { ttfb: n.responseStart - n.requestStart, html: n.responseEnd - n.startTime, fcp: fcp?.startTime ?? NaN, load: n.loadEventEnd - n.startTime };
      });
      nav.ttfb.push(timing.ttfb);
      nav.html.push(timing.html);
      nav.fcp.push(timing.fcp);
      nav.load.push(timing.load);
    }

    const api = async (path: string) => {
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const res = await page.request.get(path);
        if (!res.ok()) throw new Error(`${path}: ${res.status()}`);
        await res.body();
        ms.push(performance.now() - t);
      }
      return { p50: p50(ms), max: max(ms) };
    };
    const apis = {
      group: await api(`/api/groups/${group.id}`),
      firstMembers: await api(`/api/groups/${group.id}/members?sort=joinedAt&order=desc&limit=20`),
      joined30Days: await api(`/api/groups/${group.id}/joined?from=${range.from}&to=${range.to}`),
      groupsList: await api(`/api/groups`),
    };
    const members = await db.groupMember.count({ where: { groupId: group.id } });
    console.log(
      JSON.stringify(
        {
          db: values.db,
          members,
          runs,
          page: { ttfbP50: p50(nav.ttfb), htmlP50: p50(nav.html), htmlMax: max(nav.html), fcpP50: p50(nav.fcp), loadP50: p50(nav.load) },
          apis,
          inProcess: { groupAndCount: p50(inProcess.group), firstMembers: p50(inProcess.members), joined30Days: p50(inProcess.joined) },
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    await server.stop();
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
