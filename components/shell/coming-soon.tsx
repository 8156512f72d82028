import { Hammer, type LucideIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "./page-header";

/** A section that is not built yet: says so, and what it will do. Never shows made-up data. */
export async function ComingSoon({ section, icon = Hammer }: { section: "groups" | "segments" | "scenarios"; icon?: LucideIcon }) {
  const t = await getTranslations("coming");
  const plans = (["a", "b", "c"] as const).map((k) => t(`${section}.plans.${k}`));
  return (
    <>
      <PageHeader title={t(`${section}.title`)} description={t(`${section}.summary`)} />
      <EmptyState icon={icon} title={t("title")} description={t("body")}>
        <ul className="mx-auto max-w-md list-disc space-y-1 pl-5 text-left text-sm text-muted-foreground">
          {plans.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </EmptyState>
    </>
  );
}
