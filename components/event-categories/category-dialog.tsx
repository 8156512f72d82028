"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { NameDialog } from "@/components/settings/name-dialog";
import { eventCategoryFormSchema, type EventCategory } from "@/lib/event-categories/schemas";
import { useCreateEventCategory, useUpdateEventCategory } from "./use-event-categories";

/** New event category, or edit one (`category` given). */
export function CategoryDialog({ category, trigger }: { category?: EventCategory; trigger: ReactNode }) {
  const t = useTranslations("categories");
  const tc = useTranslations("common");
  const { mutateAsync: create } = useCreateEventCategory();
  const { mutateAsync: update } = useUpdateEventCategory();
  return (
    <NameDialog
      schema={eventCategoryFormSchema}
      fields={{ code: { hint: t("codeHint"), description: t("codeDescription") }, sort: { hint: t("sortHint") } }}
      current={category}
      save={({ id, ...values }) => (id === undefined ? create(values) : update({ id, ...values }))}
      title={category ? t("editTitle", { name: category.name }) : t("dialogNewTitle")}
      description={t("dialogDescription")}
      nameHint={t("nameHint")}
      submitLabel={category ? tc("save") : t("create")}
      savedMessage={(name) => (category ? t("saved", { name }) : t("created", { name }))}
      trigger={trigger}
    />
  );
}
