import { Tags } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ComingSoon } from "@/components/shell/coming-soon";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("coming");
  return { title: t("groups.title") };
}

export default async function GroupsPage() {
  await requireUser();
  return <ComingSoon section="groups" icon={Tags} />;
}
