"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { KeyRound, Plus, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
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
import { SCOPE_LABELS, SCOPES, scopeSchema } from "@/lib/access/scopes";
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
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<(CreatedApiKeyDto & { name: string }) | null>(null);
  const create = useCreateApiKey();
  const form = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: EMPTY });

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
      toast.success(`API key “${v.name}” created`);
    } catch (err) {
      if (!applyServerErrors(form, err)) form.setError("root.server", { message: "Could not create the key; try again." });
    }
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (next ? setOpen(true) : close())}>
      <DialogTrigger asChild>
        <Button>
          <Plus /> New API key
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
              <DialogTitle>New API key</DialogTitle>
              <DialogDescription>For one integration. Give it only the scopes it needs.</DialogDescription>
            </DialogHeader>
            <Form {...form}>
              <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
                <FormRootError />
                <FormField
                  control={form.control}
                  name="name"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>Name</FormLabel>
                      <FormControl>
                        <Input placeholder="CRM sync" autoComplete="off" {...field} />
                      </FormControl>
                      <FormDescription>To recognise the key by; the integration never sees it.</FormDescription>
                      <FormMessage />
                    </FormItem>
                  )}
                />
                <FormField
                  control={form.control}
                  name="scopes"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>Scopes</FormLabel>
                      <div role="group" aria-label="Scopes" className="grid gap-2 rounded-md border p-3">
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
                                <span className="font-mono text-xs">{scope}</span>
                                <span className="text-muted-foreground">{SCOPE_LABELS[scope]}</span>
                              </span>
                            </label>
                          );
                        })}
                      </div>
                      <FormMessage />
                    </FormItem>
                  )}
                />
                <div className="grid gap-4 sm:grid-cols-2">
                  <FormField
                    control={form.control}
                    name="expiresOn"
                    render={({ field }) => (
                      <FormItem>
                        <FormLabel>Expires on</FormLabel>
                        <FormControl>
                          <Input type="date" {...field} />
                        </FormControl>
                        <FormDescription>Optional. Leave empty for a key that does not expire.</FormDescription>
                        <FormMessage />
                      </FormItem>
                    )}
                  />
                  <FormField
                    control={form.control}
                    name="ratePerSecond"
                    render={({ field }) => (
                      <FormItem>
                        <FormLabel>Requests per second</FormLabel>
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
                        <FormDescription>Above this the API answers 429.</FormDescription>
                        <FormMessage />
                      </FormItem>
                    )}
                  />
                </div>
                <DialogFooter className="pt-2">
                  <Button variant="outline" onClick={close}>
                    Cancel
                  </Button>
                  <Button type="submit" disabled={form.formState.isSubmitting}>
                    {form.formState.isSubmitting ? "Creating…" : "Create key"}
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
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex items-center gap-1">
        <Input id={id} readOnly value={value} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
      </div>
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
    </div>
  );
}

/** The one and only display of a new key's secret. */
function SecretOnce({ created, onDone }: { created: CreatedApiKeyDto & { name: string }; onDone: () => void }) {
  return (
    <>
      <DialogHeader>
        <DialogTitle className="flex items-center gap-2">
          <KeyRound className="size-5 text-primary" /> Save the secret of “{created.name}”
        </DialogTitle>
        <DialogDescription>Copy these into the integration&apos;s configuration now.</DialogDescription>
      </DialogHeader>
      <div
        role="alert"
        className="flex gap-3 rounded-md border border-warning/50 bg-warning/15 p-3 text-sm text-foreground"
      >
        <TriangleAlert className="mt-0.5 size-4 shrink-0 text-warning-foreground dark:text-warning" />
        <p>
          <strong>This secret is shown only once.</strong> It cannot be displayed again. If it is lost, revoke this key and
          create a new one.
        </p>
      </div>
      <div className="grid gap-4">
        <SecretField id="new-app-key" label="App key" value={created.appKey} />
        <SecretField id="new-secret" label="Secret" value={created.secret} />
        <SecretField
          id="new-combined"
          label="Combined key"
          value={`${created.appKey}.${created.secret}`}
          hint="appKey.secret, for the x-api-key (scenarios) and bitkey (groups) headers."
        />
      </div>
      <DialogFooter>
        <Button onClick={onDone}>I have saved the secret</Button>
      </DialogFooter>
    </>
  );
}
