"use client";

import { KeyRound, Pencil } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { ApiError } from "@/lib/http/fetch-json";
import { ROLES } from "@/lib/users/schemas";
import type { UserDto } from "@/lib/users/serializers";
import { useUpdateUser } from "./use-users";

export interface DepartmentRef {
  id: number;
  name: string;
}

/** Edit a user's name, role, department and login number; a taken login number shows on its field. */
export function EditUserDialog({ user, departments, self }: { user: UserDto; departments: DepartmentRef[]; self: boolean }) {
  const t = useTranslations("users");
  const tc = useTranslations("common");
  const { errorText } = useErrorText();
  const update = useUpdateUser();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState(user.role);
  const [loginNo, setLoginNo] = useState(user.loginNo);
  const [departmentId, setDepartmentId] = useState(user.department ? String(user.department.id) : "");
  const [error, setError] = useState<{ field?: string; text: string } | null>(null);

  function reset() {
    setName(user.name);
    setRole(user.role);
    setLoginNo(user.loginNo);
    setDepartmentId(user.department ? String(user.department.id) : "");
    setError(null);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await update.mutateAsync({
        id: user.id,
        name: name.trim(),
        loginNo: loginNo.trim(),
        departmentId: departmentId ? Number(departmentId) : null,
        ...(self ? {} : { role }),
      });
      toast.success(t("edit.saved", { name: name.trim() }));
      setOpen(false);
    } catch (err) {
      setError({ field: err instanceof ApiError ? err.details[0]?.path : undefined, text: errorText(err) });
    }
  }

  const fieldError = (field: string) =>
    error?.field === field ? (
      <p role="alert" className="text-sm text-destructive">
        {error.text}
      </p>
    ) : null;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm">
          <Pencil /> {t("edit.button")}
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t("edit.title", { name: user.name })}</DialogTitle>
          <DialogDescription>{t("edit.description")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          {error && !error.field && (
            <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-sm text-destructive">
              {error.text}
            </p>
          )}
          <div className="grid gap-2">
            <Label htmlFor={`user-name-${user.id}`}>{t("edit.name")}</Label>
            <Input id={`user-name-${user.id}`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
            {fieldError("name")}
          </div>
          <div className="grid gap-2">
            <Label htmlFor={`user-role-${user.id}`}>{t("edit.role")}</Label>
            <NativeSelect id={`user-role-${user.id}`} value={role} disabled={self} onChange={(e) => setRole(e.target.value)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </NativeSelect>
            {self && <p className="text-xs text-muted-foreground">{t("ownRole")}</p>}
          </div>
          <div className="grid gap-2">
            <Label htmlFor={`user-login-${user.id}`}>{t("edit.loginNo")}</Label>
            <Input id={`user-login-${user.id}`} className="font-mono" value={loginNo} onChange={(e) => setLoginNo(e.target.value)} maxLength={32} />
            {fieldError("loginNo")}
          </div>
          <div className="grid gap-2">
            <Label htmlFor={`user-dept-${user.id}`}>{t("edit.department")}</Label>
            <NativeSelect id={`user-dept-${user.id}`} value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
              <option value="">{t("edit.noDepartment")}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </NativeSelect>
            {fieldError("departmentId")}
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" disabled={update.isPending || !name.trim() || !loginNo.trim()}>
              {update.isPending ? tc("saving") : tc("save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Ten characters from an alphabet without look-alikes (0/O, 1/l/I). */
function generatePassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

/** The admin sets a new password (typed, or generated and shown here once to pass on). */
export function ResetPasswordDialog({ user }: { user: UserDto }) {
  const t = useTranslations("users.password");
  const tc = useTranslations("common");
  const { errorText } = useErrorText();
  const update = useUpdateUser();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const tooShort = password.length > 0 && password.length < 8;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (password.length < 8) return setError(t("tooShort"));
    try {
      await update.mutateAsync({ id: user.id, password });
      toast.success(t("done", { name: user.name }));
      setOpen(false);
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setPassword("");
        setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm">
          <KeyRound /> {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t("title", { name: user.name })}</DialogTitle>
          <DialogDescription>{t("description", { name: user.name })}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <div className="grid gap-2">
            <Label htmlFor={`user-password-${user.id}`}>{t("label")}</Label>
            <div className="flex gap-2">
              <Input
                id={`user-password-${user.id}`}
                className="font-mono"
                autoComplete="new-password"
                value={password}
                onChange={(e) => {
                  setPassword(e.target.value);
                  setError(null);
                }}
              />
              <Button type="button" variant="outline" onClick={() => setPassword(generatePassword())}>
                {t("generate")}
              </Button>
              {password && <CopyButton value={password} label={t("copy")} />}
            </div>
            {(error || tooShort) && (
              <p role="alert" className="text-sm text-destructive">
                {error ?? t("tooShort")}
              </p>
            )}
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" disabled={update.isPending || password.length < 8}>
              {update.isPending ? tc("saving") : t("save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
