import { writeAudit, type Actor } from "@/lib/audit/audit";
import { db, type DbOrTx } from "@/lib/db/client";
import { fail, type Reason } from "@/lib/errors";
import type { NamedCreateInput, NamedListSchemas, NamedUpdateInput } from "./named-list-schemas";

/**
 * A tenant's named list (departments, tasks): entries with a name unique within the tenant, that
 * customers (and staff) point at, deleted only when nothing does. One module serves every such list;
 * each list gives its model, its nouns and reasons, what it counts, and what "in use" means.
 */

/** What every named list's rows hold; `_count` is the list's own select. */
export interface NamedRow {
  id: number;
  name: string;
  createdAt: Date;
}

/** The calls a named list makes on its Prisma delegate. */
interface NamedDelegate {
  findMany(args: object): Promise<unknown[]>;
  findFirst(args: object): Promise<unknown>;
  findUnique(args: object): Promise<unknown>;
  create(args: object): Promise<unknown>;
  update(args: object): Promise<unknown>;
  delete(args: object): Promise<unknown>;
}

export interface NamedListSpec<Row extends NamedRow, Out> {
  /** the Prisma model: its delegate's name (`department`) */
  model: "department" | "task";
  /** the audit log's entity (`Department`) */
  entity: string;
  /** the noun of messages and audit actions (`department`) */
  noun: string;
  /** the model's select: id, name, createdAt and the counts `inUse` and `serialize` read */
  select: object;
  notFound: Reason;
  inUse: Reason;
  /** why the entry cannot be deleted yet (a message), or null when nothing points at it */
  usedBy: (row: Row) => string | null;
  serialize: (row: Row) => Out;
  schemas: NamedListSchemas;
}

/** The repository and service of one named list. */
export function namedList<Row extends NamedRow, Out>(spec: NamedListSpec<Row, Out>) {
  const { noun, entity, select } = spec;
  // Prisma's delegates share these calls but no common type: each model's is generated on its own.
  const delegate = (tx: DbOrTx) => (tx as unknown as Record<string, NamedDelegate>)[spec.model];

  const repository = {
    findAll: (tenantId: number, tx: DbOrTx = db) =>
      delegate(tx).findMany({ where: { tenantId }, select, orderBy: { id: "asc" } }) as Promise<Row[]>,
    find: (tenantId: number, id: number, tx: DbOrTx = db) => delegate(tx).findFirst({ where: { tenantId, id }, select }) as Promise<Row | null>,
    findByName: (tenantId: number, name: string, tx: DbOrTx = db) =>
      delegate(tx).findUnique({ where: { tenantId_name: { tenantId, name } }, select: { id: true, name: true } }) as Promise<Pick<
        NamedRow,
        "id" | "name"
      > | null>,
    insert: (tenantId: number, name: string, tx: DbOrTx = db) => delegate(tx).create({ data: { tenantId, name }, select }) as Promise<Row>,
    rename: (id: number, name: string | undefined, tx: DbOrTx = db) =>
      delegate(tx).update({ where: { id }, data: { name }, select }) as Promise<Row>,
    remove: (id: number, tx: DbOrTx = db) => delegate(tx).delete({ where: { id } }),
  };

  const notFound = (id: number) => fail(spec.notFound, `${noun} ${id} not found`, { params: { id } });

  async function assertNameFree(tenantId: number, name: string, tx: DbOrTx, exceptId?: number) {
    const other = await repository.findByName(tenantId, name, tx);
    if (other && other.id !== exceptId) throw fail("name_taken", `a ${noun} named "${name}" already exists`, { path: "name", params: { name } });
  }

  return {
    repository,
    async list(tenantId: number, tx: DbOrTx = db): Promise<Out[]> {
      return (await repository.findAll(tenantId, tx)).map(spec.serialize);
    },
    async get(tenantId: number, id: number): Promise<Out> {
      const row = await repository.find(tenantId, id);
      if (!row) throw notFound(id);
      return spec.serialize(row);
    },
    async create(tenantId: number, input: NamedCreateInput, actor: Actor): Promise<Out> {
      const data = spec.schemas.create.parse(input);
      return db.$transaction(async (tx) => {
        await assertNameFree(tenantId, data.name, tx);
        const row = await repository.insert(tenantId, data.name, tx);
        await writeAudit(tx, tenantId, actor, { action: `${noun}.create`, entity, entityId: row.id, details: data });
        return spec.serialize(row);
      });
    },
    async update(tenantId: number, id: number, input: NamedUpdateInput, actor: Actor): Promise<Out> {
      const data = spec.schemas.update.parse(input);
      return db.$transaction(async (tx) => {
        const before = await repository.find(tenantId, id, tx);
        if (!before) throw notFound(id);
        if (data.name !== undefined) await assertNameFree(tenantId, data.name, tx, id);
        const row = await repository.rename(id, data.name, tx);
        await writeAudit(tx, tenantId, actor, {
          action: `${noun}.update`,
          entity,
          entityId: id,
          details: { before: { name: before.name }, after: { name: row.name } },
        });
        return spec.serialize(row);
      });
    },
    /** Deletes an entry nothing points at; otherwise a conflict (`inUse`) saying what still does. */
    async remove(tenantId: number, id: number, actor: Actor): Promise<void> {
      await db.$transaction(async (tx) => {
        const row = await repository.find(tenantId, id, tx);
        if (!row) throw notFound(id);
        const used = spec.usedBy(row);
        if (used) throw fail(spec.inUse, used, { params: { name: row.name } });
        await repository.remove(id, tx);
        await writeAudit(tx, tenantId, actor, { action: `${noun}.delete`, entity, entityId: id, details: { name: row.name } });
      });
    },
  };
}
