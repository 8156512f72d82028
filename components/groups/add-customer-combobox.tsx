"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/i18n/use-error-text";
import { toast } from "@/components/ui/toast";
import type { Paged } from "@/lib/customers/list";
import { customerKeys } from "@/lib/customers/query-keys";
import type { CustomerRow } from "@/lib/customers/serializers";
import { fetchJson } from "@/lib/http/fetch-json";
import { SearchCombobox, type ComboboxOption } from "./search-combobox";
import { useAddMembers } from "./use-groups";

/** Customers whose name or phone contains the text (GET /api/customers?q=), as combobox options. */
function useCustomerOptions(search: string) {
  const q = useQuery({
    queryKey: customerKeys.list({ q: search, pageSize: 10 }),
    queryFn: () => fetchJson<Paged<CustomerRow>>(`/api/customers?pageSize=10${search ? `&q=${encodeURIComponent(search)}` : ""}`),
    placeholderData: keepPreviousData,
  });
  const options: ComboboxOption[] = (q.data?.items ?? []).map((c) => ({
    id: c.id,
    label: c.name,
    hint: [c.phones[0]?.number, c.companyName ?? c.email].filter(Boolean).join(" · ") || `#${c.id}`,
  }));
  return { options, isFetching: q.isFetching };
}

/** "Add a customer": search, pick, added at once (an existing member keeps their join time). */
export function AddCustomerCombobox({ groupId }: { groupId: number }) {
  const t = useTranslations("groups.add");
  const { toastError } = useErrorText();
  const { mutateAsync } = useAddMembers();
  return (
    <SearchCombobox
      label={t("search")}
      trigger={
        <>
          <UserPlus /> {t("search")}
        </>
      }
      placeholder={t("searchPlaceholder")}
      emptyText={t("noCustomer")}
      loadingText={t("searching")}
      useOptions={useCustomerOptions}
      onSelect={(o) =>
        mutateAsync({ groupId, customerIds: [o.id] }).then(
          () => toast.success(t("added", { name: o.label })),
          toastError,
        )
      }
    />
  );
}
