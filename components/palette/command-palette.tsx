"use client";

import { useQuery } from "@tanstack/react-query";
import { FileText, Phone, UserRound, Zap } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { CommandDialog, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList, CommandShortcut } from "@/components/ui/command";
import { fetchJson } from "@/lib/http/fetch-json";
import type { SearchResult } from "@/lib/search/service";
import { PALETTE_PAGES } from "./pages";

const SEARCH_DELAY_MS = 200;

/** True when typing goes into a field: `/` then types a slash rather than jumping. */
function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

/**
 * Ctrl/⌘+K: jump to any page, a customer (by name or phone) or an event type (by key or name).
 * `/` outside a field focuses the current list's search box (an input marked `data-list-search`).
 */
export function CommandPalette({ isAdmin }: { isAdmin: boolean }) {
  const t = useTranslations("palette");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), SEARCH_DELAY_MS);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen((o) => !o);
        return;
      }
      if (e.key === "/" && !e.metaKey && !e.ctrlKey && !e.altKey && !typingInField(e.target)) {
        const search = document.querySelector<HTMLInputElement>("[data-list-search]");
        if (search) {
          e.preventDefault();
          search.focus();
          search.select();
        }
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const search = useQuery({
    queryKey: ["search", q],
    queryFn: () => fetchJson<SearchResult>(`/api/search?q=${encodeURIComponent(q)}`),
    enabled: open && q.length > 0,
    staleTime: 10_000,
  });

  const go = (href: string) => {
    setOpen(false);
    setText("");
    router.push(href);
  };

  const needle = text.trim().toLowerCase();
  const pages = PALETTE_PAGES.filter((p) => isAdmin || !("adminOnly" in p))
    .map((p) => ({ ...p, label: t(`pages.${p.key}`) }))
    .filter((p) => !needle || p.label.toLowerCase().includes(needle) || p.href.includes(needle));
  const customers = q ? (search.data?.customers ?? []) : [];
  const eventTypes = q ? (search.data?.eventTypes ?? []) : [];

  return (
    <CommandDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setText("");
      }}
      title={t("title")}
      description={t("description")}
      commandProps={{ shouldFilter: false, loop: true }}
    >
      <CommandInput value={text} onValueChange={setText} placeholder={t("placeholder")} aria-label={t("placeholder")} />
      <CommandList>
        <CommandEmpty>{search.isFetching ? t("searching") : t("empty")}</CommandEmpty>
        {customers.length > 0 && (
          <CommandGroup heading={t("customers")}>
            {customers.map((c) => (
              <CommandItem key={`c${c.id}`} value={`customer-${c.id}`} onSelect={() => go(`/customers/${c.id}`)}>
                <UserRound />
                <span className="truncate">{c.name}</span>
                {c.phone && (
                  <CommandShortcut className="flex items-center gap-1 font-mono tracking-normal">
                    <Phone className="size-3" />
                    {c.phone}
                  </CommandShortcut>
                )}
              </CommandItem>
            ))}
          </CommandGroup>
        )}
        {eventTypes.length > 0 && (
          <CommandGroup heading={t("eventTypes")}>
            {eventTypes.map((e) => (
              <CommandItem key={`e${e.id}`} value={`event-type-${e.id}`} onSelect={() => go(`/event-types/${e.id}`)}>
                <Zap />
                <span className="truncate">{e.name}</span>
                <CommandShortcut className="font-mono tracking-normal">{e.eventKey}</CommandShortcut>
              </CommandItem>
            ))}
          </CommandGroup>
        )}
        {pages.length > 0 && (
          <CommandGroup heading={t("pagesHeading")}>
            {pages.map((p) => (
              <CommandItem key={p.href} value={`page-${p.href}`} onSelect={() => go(p.href)}>
                <FileText />
                {p.label}
              </CommandItem>
            ))}
          </CommandGroup>
        )}
      </CommandList>
    </CommandDialog>
  );
}
