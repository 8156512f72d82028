"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { NameDialog } from "@/components/settings/name-dialog";
import { stageFormSchema, type Stage } from "@/lib/stages/schemas";
import { useCreateStage, useUpdateStage } from "./use-stages";

/** New stage, or rename / reorder one (`stage` given). */
export function StageDialog({ stage, trigger }: { stage?: Stage; trigger: ReactNode }) {
  const t = useTranslations("stages");
  const tc = useTranslations("common");
  const { mutateAsync: create } = useCreateStage();
  const { mutateAsync: update } = useUpdateStage();
  return (
    <NameDialog
      schema={stageFormSchema}
      fields={{ sort: { hint: t("sortHint") } }}
      current={stage}
      save={({ id, ...values }) => (id === undefined ? create(values) : update({ id, ...values }))}
      title={stage ? t("editTitle", { name: stage.name }) : t("new")}
      description={t("dialogDescription")}
      nameHint={t("nameHint")}
      submitLabel={stage ? tc("save") : t("create")}
      savedMessage={(name) => (stage ? t("saved", { name }) : t("created", { name }))}
      trigger={trigger}
    />
  );
}
