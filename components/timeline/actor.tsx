"use client";

import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import type { Author } from "@/lib/feeds/authors";

/**
 * One way to show who did something, as the server named them (lib/feeds/authors.ts):
 * "王芳 (8002)" for staff, the key's name with a key icon for an API key, "System" for the system.
 */
export function Actor({ author, system = false }: { author: Author | null; system?: boolean }) {
  const t = useTranslations("timeline.actor");
  if (!author) return system ? <>{t("system")}</> : null;
  if (author.kind === "apikey") {
    return (
      <span className="inline-flex items-center gap-1" title={t("apiKey")} data-actor="apikey">
        <KeyRound className="size-3" aria-label={t("apiKey")} />
        {author.name ?? t("unknownKey")}
      </span>
    );
  }
  const loginNo = author.loginNo;
  if (!author.name) return <>{loginNo ?? t("unknownUser")}</>;
  return <>{loginNo ? `${author.name} (${loginNo})` : author.name}</>;
}
