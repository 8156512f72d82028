"use client";

import { ArchiveRestore, Lock } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useCallback } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { useFormResolver } from "@/components/i18n/use-form-resolver";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useEventCategories } from "@/components/event-categories/use-event-categories";
import { useStages } from "@/components/stages/use-stages";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
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
import { NativeSelect } from "@/components/ui/native-select";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast";
import type { EventCategory } from "@/lib/event-categories/schemas";
import { eventTypeFormSchema, type EventType } from "@/lib/event-types/schemas";
import { eventTypeFormDefaults } from "@/lib/event-types/serializers";
import { ApiError } from "@/lib/http/fetch-json";
import type { Stage } from "@/lib/stages/schemas";
import { AttributesEditor } from "./attributes-editor";
import { useCreateEventType, useRestoreEventType, useUpdateEventType } from "./use-event-types";

type FormIn = z.input<typeof eventTypeFormSchema>;
type FormOut = z.output<typeof eventTypeFormSchema>;

export interface EventTypeFormProps {
  /** the type to edit; omitted to create one */
  eventType?: EventType;
  canWrite: boolean;
  initialStages: Stage[];
  initialCategories: EventCategory[];
}

/**
 * Create or edit an event type, validated by the very schema the API route uses. The eventKey is
 * fixed once created (integrators and recorded events refer to it); an archived type is read-only
 * until restored.
 */
export function EventTypeForm({ eventType, canWrite, initialStages, initialCategories }: EventTypeFormProps) {
  const t = useTranslations("eventTypes");
  const tc = useTranslations("common");
  const { errorText, detailText, toastError } = useErrorText();
  const router = useRouter();
  const editing = eventType !== undefined;
  const readOnly = !canWrite || !!eventType?.archived;
  const stages = useStages(initialStages);
  const categories = useEventCategories(initialCategories);
  const create = useCreateEventType();
  const update = useUpdateEventType(eventType?.id ?? 0);
  const restore = useRestoreEventType();

  const form = useForm<FormIn, unknown, FormOut>({
    resolver: useFormResolver(
      eventTypeFormSchema,
      useCallback(
        (issue: { code: string; path: PropertyKey[]; message: string }) => {
          const [head, index, leaf] = issue.path;
          if (head !== "attributes" || leaf !== "attrKey" || typeof index !== "number") return undefined;
          const twice = issue.code === "custom" && /\(also item (\d+)\)/.exec(issue.message);
          if (twice) return t("attributes.usedTwice", { key: (/^"(.*)" is used twice/.exec(issue.message)?.[1] ?? ""), n: Number(twice[1]) + 1 });
          return issue.code === "invalid_format" ? t("attributes.keyFormat") : undefined;
        },
        [t],
      ),
    ),
    defaultValues: eventTypeFormDefaults(eventType),
    // live: a duplicate attribute key or a bad eventKey shows as it is typed
    mode: "onChange",
  });

  async function onSubmit(values: FormOut) {
    try {
      if (editing) {
        const { eventKey: _fixed, ...patch } = values;
        const saved = await update.mutateAsync(patch);
        toast.success(t("savedToast", { name: saved.name }));
      } else {
        const saved = await create.mutateAsync(values);
        toast.success(t("createdToast", { name: saved.name }));
      }
      router.push("/event-types");
      router.refresh();
    } catch (err) {
      // a taken key is a conflict with no field path: it belongs next to the key all the same
      if (!editing && err instanceof ApiError && err.kind === "conflict" && err.message.includes("eventKey")) {
        form.setError("eventKey", { type: "server", message: errorText(err) });
      } else if (!applyServerErrors(form, err, { errorText, detailText })) {
        form.setError("root.server", { message: tc("couldNotSave") });
      }
    }
  }

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="grid max-w-5xl gap-6" noValidate>
        {eventType?.archived && (
          <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-warning/40 bg-warning/10 px-4 py-3 text-sm">
            <span className="flex items-center gap-2">
              <Lock className="size-4" /> {t("form.archivedBanner")}
            </span>
            {canWrite && (
              <Button
                variant="outline"
                size="sm"
                disabled={restore.isPending}
                onClick={() =>
                  restore.mutate(eventType.id, {
                    onSuccess: () => {
                      toast.success(t("restoredToast", { name: eventType.name }));
                      router.refresh();
                    },
                    onError: (e) => toastError(e),
                  })
                }
              >
                <ArchiveRestore /> {t("restore")}
              </Button>
            )}
          </div>
        )}
        <FormRootError />
        <fieldset disabled={readOnly} className="grid gap-6">
          <Card>
            <CardContent className="grid items-start gap-4 pt-6 md:grid-cols-2">
              <FormField
                control={form.control}
                name="eventKey"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>{t("form.eventKey")}</FormLabel>
                    <FormControl>
                      <Input placeholder={tc("example", { value: t("form.eventKeyHint") })} className="font-mono" autoComplete="off" readOnly={editing} {...field} />
                    </FormControl>
                    <FormDescription>
                      {editing ? t("form.eventKeyFixed") : t("form.eventKeyNew")}
                    </FormDescription>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="name"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>{t("form.name")}</FormLabel>
                    <FormControl>
                      <Input placeholder={tc("example", { value: t("form.nameHint") })} autoComplete="off" {...field} />
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="stageId"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>{t("form.stage")}</FormLabel>
                    <FormControl>
                      <NativeSelect
                        name={field.name}
                        ref={field.ref}
                        onBlur={field.onBlur}
                        value={field.value ? String(field.value) : ""}
                        onChange={(e) => field.onChange(e.target.value === "" ? 0 : Number(e.target.value))}
                      >
                        <option value="" disabled>
                          {stages.isPending ? t("form.loadingStages") : t("form.chooseStage")}
                        </option>
                        {(stages.data ?? []).map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.name}
                          </option>
                        ))}
                      </NativeSelect>
                    </FormControl>
                    <FormDescription>
                      {t.rich("form.stageHint", {
                        link: (c) => (
                          <Link href="/settings/stages" className="underline underline-offset-2">
                            {c}
                          </Link>
                        ),
                      })}
                    </FormDescription>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="categoryCode"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>{t("form.category")}</FormLabel>
                    <FormControl>
                      <NativeSelect
                        name={field.name}
                        ref={field.ref}
                        onBlur={field.onBlur}
                        value={field.value ?? ""}
                        onChange={(e) => field.onChange(e.target.value === "" ? null : e.target.value)}
                      >
                        <option value="">{t("form.noCategory")}</option>
                        {(categories.data ?? []).map((c) => (
                          <option key={c.id} value={c.code}>
                            {c.name} ({c.code})
                          </option>
                        ))}
                      </NativeSelect>
                    </FormControl>
                    <FormDescription>{t("form.categoryHint")}</FormDescription>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="rating"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>{t("form.rating")}</FormLabel>
                    <FormControl>
                      <Input
                        type="number"
                        inputMode="numeric"
                        step={1}
                        placeholder={t("form.ratingPlaceholder")}
                        name={field.name}
                        ref={field.ref}
                        onBlur={field.onBlur}
                        value={field.value ?? ""}
                        // empty means "no rating"; anything else is checked by the schema (an integer)
                        onChange={(e) => field.onChange(e.target.value === "" ? null : e.target.valueAsNumber)}
                      />
                    </FormControl>
                    <FormDescription>{t("form.ratingHint")}</FormDescription>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="isInteract"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>{t("form.interactive")}</FormLabel>
                    <div className="flex h-9 items-center gap-3">
                      <FormControl>
                        <Switch checked={field.value} onCheckedChange={field.onChange} onBlur={field.onBlur} ref={field.ref} />
                      </FormControl>
                      <span className="text-sm text-muted-foreground">{field.value ? t("form.interaction") : t("form.notInteraction")}</span>
                    </div>
                    <FormMessage />
                  </FormItem>
                )}
              />
            </CardContent>
          </Card>
          <AttributesEditor readOnly={readOnly} />
        </fieldset>
        <div className="flex items-center gap-2">
          {!readOnly && (
            <Button type="submit" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? tc("saving") : editing ? t("form.saveChanges") : t("form.create")}
            </Button>
          )}
          <Button asChild variant="outline">
            <Link href="/event-types">{readOnly ? t("form.backToList") : tc("cancel")}</Link>
          </Button>
        </div>
      </form>
    </Form>
  );
}
