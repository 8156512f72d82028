import { ShieldX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Not allowed" };

/** Where requireUser(permission) sends a signed-in user whose role lacks the permission. */
export default async function ForbiddenPage() {
  const user = await currentUser();
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-5 px-4 text-center">
      <div className="flex size-12 items-center justify-center rounded-full bg-destructive/10 text-destructive">
        <ShieldX className="size-6" />
      </div>
      <div className="space-y-2">
        <p className="text-sm font-medium text-muted-foreground">403</p>
        <h1 className="text-2xl font-semibold tracking-tight">You don&apos;t have access to this page</h1>
        <p className="mx-auto max-w-md text-sm text-muted-foreground">
          {user
            ? `You are signed in as ${user.email} with the role “${user.role}”. Ask an admin of ${user.tenant.name} if you need more access.`
            : "Sign in with an account that has access."}
        </p>
      </div>
      <div className="flex gap-2">
        <Button asChild>
          <Link href={user ? "/" : "/sign-in"}>{user ? "Back to the dashboard" : "Sign in"}</Link>
        </Button>
        {user && (
          <form action={signOutAction}>
            <Button type="submit" variant="outline">
              Sign in as someone else
            </Button>
          </form>
        )}
      </div>
    </main>
  );
}
