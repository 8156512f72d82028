"use server";

import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { signIn, signOut } from "@/lib/auth/auth";
import { safeRedirectPath } from "@/lib/auth/redirect";

export interface SignInState {
  error?: string;
  /** echoed back so that a failed attempt keeps what was typed */
  email?: string;
}

/** The sign-in form's action: next-auth Credentials, then a redirect to where the user was going. */
export async function signInWithPassword(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  const t = await getTranslations("auth");
  if (!email || !password) return { error: t("missing"), email };
  try {
    await signIn("credentials", { email, password, redirectTo: safeRedirectPath(formData.get("redirectTo")) });
  } catch (err) {
    // A refused password is an AuthError (CredentialsSignin); success is a NEXT_REDIRECT that must
    // propagate, as must anything unexpected.
    if (err instanceof AuthError) {
      return {
        error: err.type === "CredentialsSignin" ? t("wrong") : t("failed"),
        email,
      };
    }
    throw err;
  }
  return {};
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
