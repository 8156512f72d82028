import type { DbOrTx } from "@/lib/db/client";
import { asDbOrTx, driver } from "@/lib/db/driver";
import { Params } from "@/lib/db/sql";
import type { CustomerDetail } from "./repository";

/**
 * Full profiles of a page of customers by id, for the API's reads (list_customers, get_customer): the
 * same shape as `customerDetailSelect`, read with five plain statements on the driver (prepared once,
 * lib/db/driver.ts) instead of Prisma's eleven relation queries, whose query compiler cost more than
 * the database did (bench/README.md, issue 11). Ids of other tenants or deleted customers are skipped;
 * the answer follows the order of `ids`.
 *
 * Outside a transaction it runs on the driver; pass a Prisma transaction to read inside one.
 */

type Row = Record<string, unknown>;

const COLUMNS = [
  "id",
  "name",
  "email",
  "crmId",
  "address",
  "companyName",
  "companyId",
  "score",
  "assignTime",
  "followNum",
  "lastFollowTime",
  "lastAccept",
  "createdByNo",
  "updatedByNo",
  "createdAt",
  "updatedAt",
]
  .map((c) => `c."${c}"`)
  .join(", ");

const num = (v: unknown) => Number(v);
const numOrNull = (v: unknown) => (v == null ? null : Number(v));
const text = (v: unknown) => (v == null ? null : String(v));
/** Timestamps: Dates from node-pg (UTC), text from better-sqlite3. */
const instant = (v: unknown): Date | null => (v == null ? null : v instanceof Date ? v : new Date(String(v)));

function ref(id: unknown, name: unknown): { id: number; name: string } | null {
  return id == null ? null : { id: Number(id), name: String(name) };
}

export async function loadCustomerDetails(tenantId: number, ids: readonly number[], tx?: DbOrTx): Promise<CustomerDetail[]> {
  if (!ids.length) return [];
  const run = tx ?? asDbOrTx(await driver());
  const list = (p: Params) => p.list(ids);

  const main = new Params();
  const t = main.add(tenantId);
  const rowsSql = `SELECT ${COLUMNS},
      ty."id" AS "typeId", ty."name" AS "typeName", df."id" AS "dealFlagId", df."name" AS "dealFlagName",
      so."id" AS "sourceId", so."name" AS "sourceName", ta."id" AS "taskId", ta."name" AS "taskName",
      ow."id" AS "ownerId", ow."loginNo" AS "ownerLoginNo", ow."name" AS "ownerName", ow."departmentId" AS "ownerDepartmentId",
      de."id" AS "departmentId", de."name" AS "departmentName", st."id" AS "stageId", st."name" AS "stageName"
    FROM "Customer" c
    LEFT JOIN "OptionItem" ty ON ty."id" = c."typeId"
    LEFT JOIN "OptionItem" df ON df."id" = c."dealFlagId"
    LEFT JOIN "OptionItem" so ON so."id" = c."sourceId"
    LEFT JOIN "Task" ta ON ta."id" = c."taskId"
    LEFT JOIN "User" ow ON ow."id" = c."ownerId"
    LEFT JOIN "Department" de ON de."id" = c."departmentId"
    LEFT JOIN "LifecycleStage" st ON st."id" = c."stageId"
    WHERE c."tenantId" = ${t} AND c."deletedAt" IS NULL AND c."id" IN (${list(main)})`;
  const phoneP = new Params();
  const phonesSql = `SELECT "customerId", "id", "number" FROM "CustomerPhone" WHERE "customerId" IN (${list(phoneP)}) ORDER BY "id"`;
  const identityP = new Params();
  const identitiesSql = `SELECT "customerId", "id", "type", "value" FROM "CustomerIdentity" WHERE "customerId" IN (${list(identityP)}) ORDER BY "id"`;
  const labelP = new Params();
  const labelsSql = `SELECT cl."customerId", l."id", l."name" FROM "CustomerLabel" cl JOIN "Label" l ON l."id" = cl."labelId"
    WHERE cl."customerId" IN (${list(labelP)}) ORDER BY cl."labelId"`;
  const fieldP = new Params();
  const fieldsSql = `SELECT v."customerId", v."fieldId", v."value", f."name" FROM "CustomFieldValue" v JOIN "CustomFieldDefinition" f ON f."id" = v."fieldId"
    WHERE v."customerId" IN (${list(fieldP)}) ORDER BY v."fieldId"`;

  const [rows, phones, identities, labels, fields] = await Promise.all([
    run.$queryRawUnsafe<Row[]>(rowsSql, ...main.values),
    run.$queryRawUnsafe<Row[]>(phonesSql, ...phoneP.values),
    run.$queryRawUnsafe<Row[]>(identitiesSql, ...identityP.values),
    run.$queryRawUnsafe<Row[]>(labelsSql, ...labelP.values),
    run.$queryRawUnsafe<Row[]>(fieldsSql, ...fieldP.values),
  ]);

  const byId = new Map<number, CustomerDetail>();
  for (const r of rows) {
    const detail: CustomerDetail = {
      id: num(r.id),
      name: String(r.name),
      email: text(r.email),
      crmId: text(r.crmId),
      address: text(r.address),
      companyName: text(r.companyName),
      companyId: text(r.companyId),
      type: ref(r.typeId, r.typeName),
      dealFlag: ref(r.dealFlagId, r.dealFlagName),
      source: ref(r.sourceId, r.sourceName),
      task: ref(r.taskId, r.taskName),
      owner:
        r.ownerId == null
          ? null
          : { id: num(r.ownerId), loginNo: String(r.ownerLoginNo), name: String(r.ownerName), departmentId: numOrNull(r.ownerDepartmentId) },
      department: ref(r.departmentId, r.departmentName),
      stage: ref(r.stageId, r.stageName),
      score: num(r.score),
      assignTime: instant(r.assignTime),
      followNum: num(r.followNum),
      lastFollowTime: instant(r.lastFollowTime),
      lastAccept: text(r.lastAccept),
      createdByNo: text(r.createdByNo),
      updatedByNo: text(r.updatedByNo),
      createdAt: instant(r.createdAt)!,
      updatedAt: instant(r.updatedAt)!,
      phones: [],
      identities: [],
      labels: [],
      fieldValues: [],
    };
    byId.set(detail.id, detail);
  }
  for (const p of phones) byId.get(num(p.customerId))?.phones.push({ id: num(p.id), number: String(p.number) });
  for (const i of identities) byId.get(num(i.customerId))?.identities.push({ id: num(i.id), type: String(i.type), value: String(i.value) });
  for (const l of labels) byId.get(num(l.customerId))?.labels.push({ label: { id: num(l.id), name: String(l.name) } });
  for (const f of fields) {
    byId.get(num(f.customerId))?.fieldValues.push({ fieldId: num(f.fieldId), value: String(f.value), field: { name: String(f.name) } });
  }
  return ids.map((id) => byId.get(id)).filter((d): d is CustomerDetail => d !== undefined);
}
