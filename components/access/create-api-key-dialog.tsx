"use client";

import { KeyRound, Plus, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useErrorText } from "@/components/i18n/use-error-text";
import { useFormResolver } from "@/components/i18n/use-form-resolver";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import {
  applyServerErrors,
  Form,
  FormControl,
  FormDescription,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  FormRootError,
} from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import type { CreatedApiKeyDto } from "@/lib/access/serializers";
import { SCOPES, scopeSchema } from "@/lib/access/scopes";
import { COMING_SCOPES, scopeKey } from "./scope-names";
import { useCreateApiKey } from "./use-api-keys";

/**
 * The form's own schema: lib/access/api-keys.ts holds the server's createApiKeySchema, but that module
 * imports the database client and cannot be bundled for the browser. The rules here mirror it; the
 * server validates again.
 */
const formSchema = z.object({
  name: z.string().trim().min(1, "name is required").max(100),
  scopes: z.array(scopeSchema).min(1, "choose at least one scope"),
  /** yyyy-mm-dd from <input type=date>, or "" for a key that never expires */
  expiresOn: z
    .string()
    .refine((v) => v === "" || endOfDay(v).getTime() > Date.now(), "the expiry date must be in the future"),
  ratePerSecond: z.number({ error: "a whole number of requests per second" }).int().min(1).max(10_000),
});
type FormValues = z.infer<typeof formSchema>;

const EMPTY: FormValues = { name: "", scopes: [], expiresOn: "", ratePerSecond: 50 };

/** The end of the chosen day in the admin's browser time zone. */
function endOfDay(yyyyMmDd: string): Date {
  return new Date(`${yyyyMmDd}T23:59:59`);
}

export function CreateApiKeyDialog() {
  const t = useTranslations("apiKeys");
  const tc = useTranslations("common");
  const { errorText, detailText } = useErrorText();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<(CreatedApiKeyDto & { name: string }) | null>(null);
  const create = useCreateApiKey();
  // the form's own rules, worded here: no scope chosen, an expiry date in the past
  const custom = useCallback(
    (issue: { code: string; path: PropertyKey[] }) =>
      issue.path[0] === "scopes" ? t("validation.scopes") : issue.code === "custom" && issue.path[0] === "expiresOn" ? t("validation.expiry") : undefined,
    [t],
  );
  const form = useForm<FormValues>({ resolver: useFormResolver(formSchema, custom), defaultValues: EMPTY });

  function close() {
    setOpen(false);
    // wait for the closing animation before the dialog's content changes back to the form
    setTimeout(() => {
      setCreated(null);
      form.reset(EMPTY);
    }, 200);
  }

  async function onSubmit(v: FormValues) {
    try {
      const key = await create.mutateAsync({
        name: v.name,
        scopes: v.scopes,
        expiresAt: v.expiresOn ? endOfDay(v.expiresOn).toISOString() : null,
        ratePerSecond: v.ratePerSecond,
      });
      setCreated({ ...key, name: v.name });
      toast.success(t("created", { name: v.name }));
    } catch (err) {
      if (!applyServerErrors(form, err, { detailText, errorText })) form.setError("root.server", { message: tc("couldNotSave") });
    }
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (next ? setOpen(true) : close())}>
      <DialogTrigger asChild>
        <Button>
          <Plus /> {t("new")}
        </Button>
      </DialogTrigger>
      <DialogContent
        className="sm:max-w-xl"
        // once the secret is on screen, only the explicit button closes the dialog
        onInteractOutside={(e) => created && e.preventDefault()}
        onEscapeKeyDown={(e) => created && e.preventDefault()}
        showClose={!created}
      >
        {created ? <SecretOnce created={created} onDone={close} /> : (
          <>
            <DialogHeader>
              <DialogTitle>{t("new")}</DialogTitle>
              <DialogDescription>{t("dialogDescription")}</DialogDescription>
            </DialogHeader>
            <Form {...form}>
              <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
                <FormRootError />
                <FormField
                  control={form.control}
                  name="name"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>{t("name")}</FormLabel>
                      <FormControl>
                        <Input placeholder={tc("example", { value: t("nameHint") })} autoComplete="off" {...field} />
                      </FormControl>
                      <FormDescription>{t("nameDescription")}</FormDescription>
                      <FormMessage />
                    </FormItem>
                  )}
                />
                <FormField
                  control={form.control}
                  name="scopes"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>{t("scopes")}</FormLabel>
                      <div role="group" aria-label={t("scopes")} className="grid gap-2 rounded-md border p-3">
                        {SCOPES.map((scope) => {
                          const checked = field.value.includes(scope);
                          return (
                            <label key={scope} className="flex cursor-pointer items-start gap-3 text-sm">
                              <Checkbox
                                className="mt-0.5"
                                checked={checked}
                                onCheckedChange={(on) =>
                                  field.onChange(on ? [...field.value, scope] : field.value.filter((s) => s !== scope))
                                }
                              />
                              <span className="grid gap-0.5">
                                <span className="flex flex-wrap items-center gap-1.5">
                                  {t(`scopeNames.${scopeKey(scope)}`)}
                                  {COMING_SCOPES.has(scope) && (
                                    <Badge variant="muted" title={t("comingHint")}>
                                      {t("coming")}
                                    </Badge>
                                  )}
                                </span>
                                <span className="font-mono text-xs text-muted-foreground">{scope}</span>
                              </span>
                            </label>
                          );
                        })}
                      </div>
                      <FormMessage />
                    </FormItem>
                  )}
                />
                {/* one subgrid row per label, input, hint and error, so the two columns line up whatever the wording */}
                <div className="grid gap-4 sm:grid-cols-2 sm:gap-y-2">
                  <FormField
                    control={form.control}
                    name="expiresOn"
                    render={({ field }) => (
                      <FormItem className="sm:row-span-4 sm:grid-rows-subgrid">
                        <FormLabel>{t("expiresOn")}</FormLabel>
                        <FormControl>
                          <Input type="date" {...field} />
                        </FormControl>
                        <FormDescription>{t("expiresHint")}</FormDescription>
                        <FormMessage />
                      </FormItem>
                    )}
                  />
                  <FormField
                    control={form.control}
                    name="ratePerSecond"
                    render={({ field }) => (
                      <FormItem className="sm:row-span-4 sm:grid-rows-subgrid">
                        <FormLabel>{t("rate")}</FormLabel>
                        <FormControl>
                          <Input
                            type="number"
                            min={1}
                            max={10_000}
                            {...field}
                            value={Number.isNaN(field.value) ? "" : field.value}
                            onChange={(e) => field.onChange(e.target.valueAsNumber)}
                          />
                        </FormControl>
                        <FormDescription>{t("rateHint")}</FormDescription>
                        <FormMessage />
                      </FormItem>
                    )}
                  />
                </div>
                <DialogFooter className="pt-2">
                  <Button type="button" variant="outline" onClick={close}>
                    {tc("cancel")}
                  </Button>
                  <Button type="submit" disabled={form.formState.isSubmitting}>
                    {form.formState.isSubmitting ? t("creating") : t("create")}
                  </Button>
                </DialogFooter>
              </form>
            </Form>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}

function SecretField({ id, label, value, hint }: { id: string; label: string; value: string; hint?: string }) {
  const t = useTranslations("apiKeys");
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex items-center gap-1">
        <Input id={id} readOnly value={value} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        <CopyButton value={value} label={t("copy", { what: label })} />
      </div>
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
    </div>
  );
}

/** The one and only display of a new key's secret. */
function SecretOnce({ created, onDone }: { created: CreatedApiKeyDto & { name: string }; onDone: () => void }) {
  const t = useTranslations("apiKeys");
  return (
    <>
      <DialogHeader>
        <DialogTitle className="flex items-center gap-2">
          <KeyRound className="size-5 text-primary" /> {t("secretTitle", { name: created.name })}
        </DialogTitle>
        <DialogDescription>{t("secretDescription")}</DialogDescription>
      </DialogHeader>
      <div
        role="alert"
        className="flex gap-3 rounded-md border border-warning/50 bg-warning/15 p-3 text-sm text-foreground"
      >
        <TriangleAlert className="mt-0.5 size-4 shrink-0 text-warning-foreground dark:text-warning" />
        <p>{t.rich("secretOnce", { strong: (c) => <strong>{c}</strong> })}</p>
      </div>
      <div className="grid gap-4">
        <SecretField id="new-app-key" label={t("appKey")} value={created.appKey} />
        <SecretField id="new-secret" label={t("secret")} value={created.secret} />
        <SecretField
          id="new-combined"
          label={t("combined")}
          value={`${created.appKey}.${created.secret}`}
          hint={t("combinedHint")}
        />
      </div>
      <DialogFooter>
        <Button onClick={onDone}>{t("done")}</Button>
      </DialogFooter>
    </>
  );
}
