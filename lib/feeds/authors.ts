import { db, type DbOrTx } from "@/lib/db/client";

/**
 * Who did something, named for people to read:
 * - `user`: a console user, by the id an event stores (`recordedBy` "user:<id>") or by login number (工号);
 * - `apikey`: an API key, by the id an event stores or by the name a change record stores;
 * - `staff`: a login number no console user has (staff known only to the customers API), with the
 *   name the record stored, if any.
 * `name` is null when the user or key no longer exists.
 */
export type Author =
  | { kind: "user"; name: string | null; loginNo?: string }
  | { kind: "apikey"; name: string | null }
  | { kind: "staff"; name: string | null; loginNo: string };

/** What a record stores about who did it: an event's `recordedBy`, or a login number with the name it kept. */
export type AuthorRef = { recordedBy: string | null } | { loginNo: string | null; name?: string | null };

/**
 * Names the authors of a batch of records with one query for the users (by id or login number)
 * and one for the API keys (by id), whatever the number of records. Answers one Author (or null:
 * no one, or the system) per ref, in order.
 */
export async function resolveAuthors(tenantId: number, refs: AuthorRef[], tx: DbOrTx = db): Promise<(Author | null)[]> {
  const userIds = new Set<number>();
  const keyIds = new Set<number>();
  const loginNos = new Set<string>();
  const parsed = refs.map((ref) => {
    if ("recordedBy" in ref) {
      const [kind, raw] = (ref.recordedBy ?? "").split(":");
      const id = Number(raw);
      if (!Number.isInteger(id) || id <= 0) return null;
      if (kind === "user") userIds.add(id);
      else if (kind === "apikey") keyIds.add(id);
      else return null;
      return { kind: kind as "user" | "apikey", id };
    }
    if (ref.loginNo) loginNos.add(ref.loginNo);
    return { kind: "loginNo" as const, loginNo: ref.loginNo, name: ref.name ?? null };
  });

  const or = [
    ...(userIds.size ? [{ id: { in: [...userIds] } }] : []),
    ...(loginNos.size ? [{ loginNo: { in: [...loginNos] } }] : []),
  ];
  // one after the other: queries of an interactive transaction share one connection
  const users = or.length ? await tx.user.findMany({ where: { tenantId, OR: or }, select: { id: true, name: true, loginNo: true } }) : [];
  const keys = keyIds.size ? await tx.apiKey.findMany({ where: { tenantId, id: { in: [...keyIds] } }, select: { id: true, name: true } }) : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  const byLoginNo = new Map(users.map((u) => [u.loginNo, u]));
  const keyNames = new Map(keys.map((k) => [k.id, k.name]));

  return parsed.map((p): Author | null => {
    if (!p) return null;
    if (p.kind === "user") {
      const u = byId.get(p.id);
      return u ? { kind: "user", name: u.name, loginNo: u.loginNo } : { kind: "user", name: null };
    }
    if (p.kind === "apikey") return { kind: "apikey", name: keyNames.get(p.id) ?? null };
    if (p.loginNo) {
      const u = byLoginNo.get(p.loginNo);
      return u ? { kind: "user", name: u.name, loginNo: u.loginNo } : { kind: "staff", name: p.name, loginNo: p.loginNo };
    }
    // a change made through the API keeps the key's name and no login number
    return p.name ? { kind: "apikey", name: p.name } : null;
  });
}
