"use client";

import { FolderPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { toast } from "@/components/ui/toast";
import { SearchCombobox, type ComboboxOption } from "./search-combobox";
import { useAddMembers, useGroupSearch } from "./use-groups";

/** Groups whose name contains the text (GET /api/groups?q=), as options; `memberOf` ones are shown but not offered. */
export function groupOptionsSource(memberOf: ReadonlySet<number> = new Set(), memberLabel?: string) {
  return (search: string) => {
    const q = useGroupSearch(search);
    const options: ComboboxOption[] = (q.data?.items ?? []).map((g) => ({
      id: g.id,
      label: g.name,
      disabled: memberOf.has(g.id),
      badge: memberOf.has(g.id) ? memberLabel : undefined,
    }));
    return { options, isFetching: q.isFetching };
  };
}

/**
 * A group chooser (search by name). For the customers list's group filter:
 * `<GroupPicker trigger={current?.name ?? t("group")} onSelect={(g) => setQuery({ groupId: g.id })} />`.
 */
export function GroupPicker({
  trigger,
  onSelect,
  memberOf,
  disabled,
  label,
  id,
  invalid,
  className,
}: {
  trigger: ReactNode;
  onSelect: (group: { id: number; name: string }) => void;
  memberOf?: ReadonlySet<number>;
  disabled?: boolean;
  /** the button's accessible name; "Choose a group" by default */
  label?: string;
  id?: string;
  invalid?: boolean;
  className?: string;
}) {
  const t = useTranslations("groups.customer");
  const tc = useTranslations("groups.add");
  return (
    <SearchCombobox
      id={id}
      invalid={invalid}
      className={className}
      label={label ?? t("pick")}
      trigger={trigger}
      placeholder={t("searchGroups")}
      emptyText={t("noGroup")}
      loadingText={tc("searching")}
      useOptions={groupOptionsSource(memberOf, tc("alreadyMember"))}
      onSelect={(o) => onSelect({ id: o.id, name: o.label })}
      disabled={disabled}
    />
  );
}

/**
 * "Add to a group" for a set of customers (the customers list's bulk bar, the customer page): pick a
 * group, the customers are added in one transaction (all or none), a toast says so.
 */
export function AddToGroupButton({ customerIds, memberOf, onAdded }: { customerIds: number[]; memberOf?: ReadonlySet<number>; onAdded?: () => void }) {
  const t = useTranslations("groups.customer");
  const tb = useTranslations("groups.batch");
  const { toastError } = useErrorText();
  const { mutateAsync } = useAddMembers();
  return (
    <GroupPicker
      memberOf={memberOf}
      disabled={!customerIds.length}
      trigger={
        <>
          <FolderPlus /> {t("add")}
        </>
      }
      onSelect={(g) =>
        mutateAsync({ groupId: g.id, customerIds }).then(() => {
          toast.success(customerIds.length === 1 ? t("added", { name: g.name }) : `${t("added", { name: g.name })} · ${tb("added", { count: customerIds.length })}`);
          onAdded?.();
        }, toastError)
      }
    />
  );
}
