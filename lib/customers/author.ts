import type { ApiPrincipal } from "@/lib/access/api-keys";
import { actorOfApiKey, actorOfUser, type Actor } from "@/lib/audit/audit";

/**
 * Who changes a customer: the audit actor, plus what the change feeds show as the author
 * (`author:{loginNo, loginName}` of an Alternation, the 工号 of a follow-up). An API key has no
 * 工号: its changes carry the key's name and a null login number.
 */
export interface ChangeAuthor {
  actor: Actor;
  loginNo: string | null;
  name: string;
}

export function authorOfApiKey(p: Pick<ApiPrincipal, "apiKeyId" | "apiKeyName">): ChangeAuthor {
  return { actor: actorOfApiKey(p), loginNo: null, name: p.apiKeyName };
}

export function authorOfUser(u: { id: number; name: string; loginNo: string }): ChangeAuthor {
  return { actor: actorOfUser(u), loginNo: u.loginNo, name: u.name };
}
