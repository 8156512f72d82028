import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fireCustomEvent } from "@/lib/custom-events/trigger";
import { recordEvent } from "@/lib/customer-events/service";
import { API, paid } from "@/lib/test/customer-events";
import { db } from "@/lib/db/client";
import { HOUR, MINUTE } from "@/lib/jobs/clock";
import { Crash, type FaultPoint } from "@/lib/jobs/faults";
import { claimJobs, fence } from "@/lib/jobs/lease";
import { RUN_STATUS } from "./constants";
import { automationWorld, membersOf, runsOf } from "./test-world";

const fire = (w: { tenant: { id: number }; ce: { id: number }; clock: { now(): Date } }, customerId: number, dataFields = [{ name: "Amount", type: "Money" as const, value: "12.50" }]) =>
  fireCustomEvent(w.tenant.id, { customEventId: w.ce.id, customerId, dataFields }, w.clock.now());

describe("re-entry", () => {
  it("once: a customer enters at most once, ever", async () => {
    const w = await automationWorld();
    const s = await w.scenario([{ type: "addToGroup", groupId: w.group.id }], { reentry: "once" });
    expect(await fire(w, w.alice.id)).toEqual({ runs: 1 });
    await w.worker().drain();
    expect(await fire(w, w.alice.id)).toEqual({ runs: 0 });
    expect(await fire(w, w.bob.id)).toEqual({ runs: 1 });
    expect((await runsOf(s.id)).map((r) => r.customerId)).toEqual([w.alice.id, w.bob.id]);
  });

  it("oneAtATime: again only once the previous run finished", async () => {
    const w = await automationWorld();
    const s = await w.scenario([{ type: "wait", minutes: 10 }, { type: "exit" }], { reentry: "oneAtATime" });
    expect(await fire(w, w.alice.id)).toEqual({ runs: 1 });
    await w.worker().drain();
    expect(await fire(w, w.alice.id)).toEqual({ runs: 0 });
    w.clock.advance(11 * MINUTE);
    await w.worker().drain();
    expect((await runsOf(s.id)).map((r) => r.status)).toEqual([RUN_STATUS.completed]);
    expect(await fire(w, w.alice.id)).toEqual({ runs: 1 });
  });

  it("everyTime: every firing is a run", async () => {
    const w = await automationWorld();
    const s = await w.scenario([{ type: "wait", minutes: 10 }], { reentry: "everyTime" });
    for (let i = 0; i < 3; i++) expect(await fire(w, w.alice.id)).toEqual({ runs: 1 });
    expect(await runsOf(s.id)).toHaveLength(3);
  });

  it("an event type trigger starts only when its where conditions hold", async () => {
    const w = await automationWorld();
    const s = await w.scenario([{ type: "exit" }], { trigger: { eventType: "order_paid", where: [{ attr: "amount", op: "gte", value: 100 }] } });
    await recordEvent(w.tenant.id, paid(w.alice.id, { attrValueList: [{ attrKey: "amount", attrValue: "150" }] }), API);
    await recordEvent(w.tenant.id, paid(w.bob.id, { attrValueList: [{ attrKey: "amount", attrValue: "50" }] }), API);
    expect((await runsOf(s.id)).map((r) => r.customerId)).toEqual([w.alice.id]);
  });
});

describe("steps", () => {
  it("a wait is honoured with the test clock, without sleeping", async () => {
    const w = await automationWorld();
    const s = await w.scenario([{ type: "wait", hours: 2 }, { type: "addToGroup", groupId: w.group.id }]);
    await fire(w, w.alice.id);
    await w.worker().drain();
    expect((await runsOf(s.id))[0].status).toBe(RUN_STATUS.waiting);
    w.clock.advance(2 * HOUR - 1000);
    await w.worker().drain();
    expect(await membersOf(w.group.id)).toEqual([]);
    w.clock.advance(2000);
    await w.worker().drain();
    expect(await membersOf(w.group.id)).toEqual([{ customerId: w.alice.id }]);
    expect((await runsOf(s.id))[0].status).toBe(RUN_STATUS.completed);
  });

  it("a branch goes both ways, by the customer's data now", async () => {
    const w = await automationWorld();
    const other = await db.group.create({ data: { tenantId: w.tenant.id, name: "low" } });
    await db.customer.update({ where: { id: w.alice.id }, data: { score: 80 } });
    await w.scenario([
      { type: "branch", if: { field: "score", op: "gte", value: 50 }, then: [{ type: "addToGroup", groupId: w.group.id }], else: [{ type: "addToGroup", groupId: other.id }] },
      { type: "setField", field: "address", value: "done" },
    ]);
    await fire(w, w.alice.id);
    await fire(w, w.bob.id);
    await w.worker().drain();
    expect(await membersOf(w.group.id)).toEqual([{ customerId: w.alice.id }]);
    expect(await membersOf(other.id)).toEqual([{ customerId: w.bob.id }]);
    const addresses = await db.customer.findMany({ where: { id: { in: [w.alice.id, w.bob.id] } }, select: { address: true } });
    expect(addresses.map((a) => a.address)).toEqual(["done", "done"]);
  });

  it("a recorded event loops at most 10 levels deep, then the run fails with that reason", async () => {
    const w = await automationWorld();
    const s = await w.scenario([{ type: "recordEvent", eventKey: "order_paid", attrs: { product: "again" } }], { trigger: { eventType: "order_paid" } });
    await recordEvent(w.tenant.id, paid(w.alice.id), API);
    await w.worker().drain();
    const runs = await runsOf(s.id);
    expect(runs.map((r) => r.depth)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(runs.slice(0, 11).every((r) => r.status === RUN_STATUS.completed)).toBe(true);
    expect(runs[11]).toMatchObject({ status: RUN_STATUS.failed });
    expect(runs[11].error).toMatch(/^loop_depth_exceeded/);
  });
});

describe("the worker dies between claiming and committing", () => {
  const POINTS: FaultPoint[] = ["claimed", "before-effect", "after-effect", "before-commit", "after-commit"];
  for (const point of POINTS) {
    it(`at ${point}: each effect happens exactly once after another worker takes over`, async () => {
      const w = await automationWorld();
      const s = await w.scenario([
        { type: "addToGroup", groupId: w.group.id },
        { type: "setField", field: "companyName", value: "ACME" },
        { type: "setStage", stageId: w.stages.visit.id },
        { type: "recordEvent", eventKey: "page_view", attrs: { url: "/welcome" } },
      ]);
      await fire(w, w.alice.id);
      let crashed = 0;
      const dying = w.worker({ at: (p) => { if (p === point && crashed++ === 0) throw new Crash(p); } }, 30_000);
      await dying.drain();
      expect(crashed).toBeGreaterThan(0);
      w.clock.advance(31_000); // the lease expires
      await w.worker().drain();
      expect((await runsOf(s.id))[0].status).toBe(RUN_STATUS.completed);
      expect(await membersOf(w.group.id)).toEqual([{ customerId: w.alice.id }]);
      const changes = await db.alternation.findMany({ where: { customerId: w.alice.id }, select: { field: true } });
      expect(changes.map((c) => c.field).sort()).toEqual(["companyName", "stage"].sort());
      expect(await db.customerEvent.count({ where: { customerId: w.alice.id, eventKey: "page_view" } })).toBe(1);
    });
  }

  it("fencing: a stale worker's commit is refused once its lease was taken over", async () => {
    const w = await automationWorld();
    await w.scenario([{ type: "addToGroup", groupId: w.group.id }]);
    await fire(w, w.alice.id);
    const [stale] = await claimJobs(db, "stale", w.clock.now(), 1000, 1);
    w.clock.advance(2000);
    const [fresh] = await claimJobs(db, "fresh", w.clock.now(), 1000, 1);
    expect(fresh.id).toBe(stale.id);
    expect(fresh.takeovers).toBe(1);
    await expect(db.$transaction((tx) => fence(tx, stale, w.clock.now()))).rejects.toThrow(/taken over/);
    await expect(db.$transaction((tx) => fence(tx, fresh, w.clock.now()))).resolves.toBeUndefined();
  });

  it("a job taken over too often is failed and shown", async () => {
    const w = await automationWorld();
    const s = await w.scenario([{ type: "addToGroup", groupId: w.group.id }]);
    await fire(w, w.alice.id);
    for (let i = 0; i < 5; i++) {
      await w.worker({ at: () => { throw new Crash("claimed"); } }, 1000).drain();
      w.clock.advance(1500);
    }
    await w.worker().drain();
    const [run] = await runsOf(s.id);
    expect(run.status).toBe(RUN_STATUS.failed);
    expect(run.error).toMatch(/^taken_over_too_often/);
    expect(await membersOf(w.group.id)).toEqual([]);
  });
});

describe("webhooks", () => {
  const seen: { key: string | undefined; headers: IncomingHttpHeaders; body: unknown }[] = [];
  let url = "";
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ key: req.headers["idempotency-key"] as string, headers: req.headers, body: JSON.parse(body) });
      const first = seen.filter((s) => s.key === req.headers["idempotency-key"]).length === 1;
      if (req.url === "/flaky" && first) {
        res.writeHead(500).end("try later");
      } else if (req.url === "/gone") res.writeHead(410).end("x".repeat(800));
      else res.writeHead(200).end("ok");
    });
  });
  beforeAll(async () => {
    process.env.CDP_WEBHOOK_ALLOW_PRIVATE = "1";
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("retries a 500 with the same Idempotency-Key, after the backoff", async () => {
    const w = await automationWorld();
    const s = await w.scenario([{ type: "webhook", url: `${url}/flaky`, maxAttempts: 3 }, { type: "addToGroup", groupId: w.group.id }]);
    await fire(w, w.alice.id);
    await w.worker().drain();
    const [run] = await runsOf(s.id);
    const mine = () => seen.filter((x) => (x.body as { runId: number }).runId === Number(run.id));
    expect(mine()).toHaveLength(1);
    w.clock.advance(60_000);
    await w.worker().drain();
    expect(mine().map((x) => x.key)).toEqual([`${run.id}:webhook-1`, `${run.id}:webhook-1`]);
    expect(mine()[0].headers["content-type"]).toBe("application/json");
    expect(mine()[0].body).toMatchObject({ scenarioId: s.id, stepId: "webhook-1", customer: { id: w.alice.id, custname: "Alice" }, trigger: { kind: "customEvent", customEventId: w.ce.id, dataFields: [{ name: "Amount", value: "12.50" }] } });
    expect((await runsOf(s.id))[0].status).toBe(RUN_STATUS.completed);
    const log = await db.scenarioRunStep.findFirstOrThrow({ where: { runId: run.id, stepId: "webhook-1" } });
    expect(log).toMatchObject({ outcome: "done", attempts: 2 });
  });

  it("fails the run on a 4xx with the status and the first 500 bytes", async () => {
    const w = await automationWorld();
    const s = await w.scenario([{ type: "webhook", url: `${url}/gone` }]);
    await fire(w, w.alice.id);
    await w.worker().drain();
    const [run] = await runsOf(s.id);
    expect(run.status).toBe(RUN_STATUS.failed);
    expect(run.error).toBe(`webhook_failed: 410 ${"x".repeat(500)}`);
  });
});
