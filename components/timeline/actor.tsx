"use client";

import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { createContext, useContext, useMemo, type ReactNode } from "react";

/** The staff and API keys of the tenant, so that who did something can be named. Loaded by the page. */
export interface ActorRefs {
  staff: { id: number; name: string; loginNo: string }[];
  apiKeys: { id: number; name: string }[];
}

interface Directory {
  byId: Map<number, { name: string; loginNo: string }>;
  byLoginNo: Map<string, { name: string; loginNo: string }>;
  keys: Map<number, string>;
}

const ActorContext = createContext<Directory | null>(null);

export function ActorDirectory({ refs, children }: { refs: ActorRefs; children: ReactNode }) {
  const value = useMemo<Directory>(
    () => ({
      byId: new Map(refs.staff.map((s) => [s.id, s])),
      byLoginNo: new Map(refs.staff.map((s) => [s.loginNo, s])),
      keys: new Map(refs.apiKeys.map((k) => [k.id, k.name])),
    }),
    [refs],
  );
  return <ActorContext.Provider value={value}>{children}</ActorContext.Provider>;
}

/**
 * Who did something, in whatever form the record stores it:
 * - `recordedBy` of an event: "user:<id>", "apikey:<id>" or "system";
 * - a staff member's login number (工号), with their name when the record has it;
 * - an API key's name (a change made through the API has a name and no login number).
 */
export type ActorRef = { recordedBy: string } | { loginNo: string | null; name?: string | null };

/** One way to show who did something: "王芳 (8002)", or the API key's name. */
export function Actor({ who }: { who: ActorRef }) {
  const t = useTranslations("timeline.actor");
  const dir = useContext(ActorContext);
  const staff = (s: { name: string; loginNo: string }) => `${s.name} (${s.loginNo})`;
  const key = (name: string) => (
    <span className="inline-flex items-center gap-1" title={t("apiKey")}>
      <KeyRound className="size-3" aria-label={t("apiKey")} />
      {name}
    </span>
  );

  if ("recordedBy" in who) {
    const [kind, raw] = who.recordedBy.split(":");
    const id = Number(raw);
    if (kind === "user") {
      const s = dir?.byId.get(id);
      return <>{s ? staff(s) : t("unknownUser", { id: raw ?? "?" })}</>;
    }
    if (kind === "apikey") return key(dir?.keys.get(id) ?? t("unknownKey", { id: raw ?? "?" }));
    return <>{t("system")}</>;
  }
  if (who.loginNo) {
    const name = who.name ?? dir?.byLoginNo.get(who.loginNo)?.name;
    return <>{name ? staff({ name, loginNo: who.loginNo }) : who.loginNo}</>;
  }
  return who.name ? key(who.name) : null;
}

/** Whether a record names anyone at all. */
export function hasActor(who: ActorRef): boolean {
  return "recordedBy" in who ? Boolean(who.recordedBy) : Boolean(who.loginNo || who.name);
}
