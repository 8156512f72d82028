import { ShieldX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.forbidden");
  return { title: t("metaTitle") };
}

/** Where requireUser(permission) sends a signed-in user whose role lacks the permission. */
export default async function ForbiddenPage() {
  const [user, t, ts] = await Promise.all([currentUser(), getTranslations("auth.forbidden"), getTranslations("shell.user.roles")]);
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-5 px-4 text-center">
      <div className="flex size-12 items-center justify-center rounded-full bg-destructive/10 text-destructive">
        <ShieldX className="size-6" />
      </div>
      <div className="space-y-2">
        <p className="text-sm font-medium text-muted-foreground">403</p>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mx-auto max-w-md text-sm text-muted-foreground">
          {user
            ? t("signedInAs", { email: user.email, role: ts(user.role as "admin"), tenant: user.tenant.name })
            : t("signInHint")}
        </p>
      </div>
      <div className="flex gap-2">
        <Button asChild>
          <Link href={user ? "/" : "/sign-in"}>{user ? t("back") : t("signIn")}</Link>
        </Button>
        {user && (
          <form action={signOutAction}>
            <Button type="submit" variant="outline">
              {t("switchUser")}
            </Button>
          </form>
        )}
      </div>
    </main>
  );
}
