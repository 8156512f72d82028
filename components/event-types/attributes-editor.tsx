"use client";

import { useTranslations } from "next-intl";
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import type { ComponentProps } from "react";
import { useFieldArray, useFormContext, useFormState, useWatch, type FieldPath } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormControl, FormField, FormItem, FormLabel, useFormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Switch } from "@/components/ui/switch";
import { ATTRIBUTE_TYPES, MAX_ATTRIBUTES, type EventTypeFormValues } from "@/lib/event-types/schemas";

type KeyPath = FieldPath<EventTypeFormValues> & `attributes.${number}.attrKey`;

const NEW_ROW = { attrKey: "", attrName: "", type: "text", showInFlow: false } as const;

/**
 * A row field's error once it holds text, has been left, or the form was submitted. The whole list is
 * validated on every change (the key refinement spans rows), so without this a new row's empty
 * name would turn red while its key is still being typed.
 */
function useVisibleError() {
  const { name, error, isTouched } = useFormField();
  const { isSubmitted } = useFormState();
  const value: unknown = useWatch({ name });
  // (isDirty would not do: every field of an appended row counts as dirty)
  const typed = typeof value === "string" && value !== "";
  return error && (isTouched || typed || isSubmitted) ? error : undefined;
}

function RowControl(props: ComponentProps<typeof FormControl>) {
  const error = useVisibleError();
  return <FormControl {...props} aria-invalid={!!error} />;
}

function RowMessage() {
  const { formMessageId } = useFormField();
  const error = useVisibleError();
  if (!error?.message) return null;
  return (
    <p id={formMessageId} role="alert" className="text-xs text-destructive">
      {String(error.message)}
    </p>
  );
}

/**
 * The event type's attributes (useFieldArray): add, remove, reorder. Key uniqueness is the schema's
 * refinement (shared with the API), so a duplicate is flagged on the later row as it is typed.
 */
export function AttributesEditor({ readOnly }: { readOnly: boolean }) {
  const t = useTranslations("eventTypes.attributes");
  const form = useFormContext<EventTypeFormValues>();
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: "attributes" });

  /** A key changed: re-check the other rows it may now clash with, or stop clashing with. */
  function revalidateOtherKeys(index: number, value: string) {
    const attrs = form.getValues("attributes");
    const others = attrs.flatMap((a, j): KeyPath[] => {
      if (j === index) return [];
      const path: KeyPath = `attributes.${j}.attrKey`;
      const clashes = a.attrKey.trim() !== "" && a.attrKey.trim() === value.trim();
      return clashes || form.getFieldState(path).error ? [path] : [];
    });
    if (others.length > 0) void form.trigger(others);
  }

  function reorder(from: number, to: number) {
    move(from, to);
    // the refinement names "the later row": after a move that may be another one
    if (form.formState.isSubmitted) void form.trigger("attributes");
  }

  return (
    <div className="grid gap-3">
      <div className="flex items-center justify-between gap-3">
        <div>
          <h2 className="font-medium">{t("title")}</h2>
          <p className="text-xs text-muted-foreground">
            {t("description")}
          </p>
        </div>
        {!readOnly && (
          <Button variant="outline" size="sm" disabled={fields.length >= MAX_ATTRIBUTES} onClick={() => append({ ...NEW_ROW })}>
            <Plus /> {t("add")}
          </Button>
        )}
      </div>
      {fields.length === 0 ? (
        <p className="rounded-md border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">{t("none")}</p>
      ) : (
        <ol className="grid gap-2" aria-label={t("title")}>
          <li
            aria-hidden
            className="hidden grid-cols-[2rem_1fr_1fr_11rem_5.5rem_6.5rem] gap-2 px-2 text-xs font-medium text-muted-foreground md:grid"
          >
            <span>#</span>
            <span>{t("key")}</span>
            <span>{t("name")}</span>
            <span>{t("type")}</span>
            <span>{t("inFlow")}</span>
            <span />
          </li>
          {fields.map((row, i) => (
            <li
              key={row.id}
              data-testid="attribute-row"
              className="grid grid-cols-1 items-start gap-2 rounded-md border bg-card p-2 md:grid-cols-[2rem_1fr_1fr_11rem_5.5rem_6.5rem]"
            >
              <span className="pt-2 text-center text-xs text-muted-foreground tabular-nums">{i + 1}</span>
              <FormField
                control={form.control}
                name={`attributes.${i}.attrKey`}
                render={({ field }) => (
                  <FormItem className="gap-1">
                    <FormLabel className="sr-only">{t("keyOf", { n: i + 1 })}</FormLabel>
                    <RowControl>
                      <Input
                        placeholder={t("keyHint")}
                        className="font-mono"
                        autoComplete="off"
                        {...field}
                        onChange={(e) => {
                          field.onChange(e);
                          revalidateOtherKeys(i, e.target.value);
                        }}
                      />
                    </RowControl>
                    <RowMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name={`attributes.${i}.attrName`}
                render={({ field }) => (
                  <FormItem className="gap-1">
                    <FormLabel className="sr-only">{t("nameOf", { n: i + 1 })}</FormLabel>
                    <RowControl>
                      <Input placeholder={t("nameHint")} autoComplete="off" {...field} />
                    </RowControl>
                    <RowMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name={`attributes.${i}.type`}
                render={({ field }) => (
                  <FormItem className="gap-1">
                    <FormLabel className="sr-only">{t("typeOf", { n: i + 1 })}</FormLabel>
                    <RowControl>
                      <NativeSelect {...field}>
                        {ATTRIBUTE_TYPES.map((type) => (
                          <option key={type} value={type}>
                            {t(`types.${type}`)} ({type})
                          </option>
                        ))}
                      </NativeSelect>
                    </RowControl>
                    <RowMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name={`attributes.${i}.showInFlow`}
                render={({ field }) => (
                  <FormItem className="flex h-9 flex-row items-center gap-2">
                    <RowControl>
                      <Switch checked={field.value} onCheckedChange={field.onChange} onBlur={field.onBlur} ref={field.ref} />
                    </RowControl>
                    <FormLabel className="text-xs font-normal text-muted-foreground md:sr-only">{t("showInFlow", { n: i + 1 })}</FormLabel>
                  </FormItem>
                )}
              />
              {!readOnly && (
                <div className="flex items-center justify-end gap-0.5">
                  <Button variant="ghost" size="icon-sm" aria-label={t("up", { n: i + 1 })} disabled={i === 0} onClick={() => reorder(i, i - 1)}>
                    <ArrowUp />
                  </Button>
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    aria-label={t("down", { n: i + 1 })}
                    disabled={i === fields.length - 1}
                    onClick={() => reorder(i, i + 1)}
                  >
                    <ArrowDown />
                  </Button>
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    className="text-destructive hover:text-destructive"
                    aria-label={t("remove", { n: i + 1 })}
                    onClick={() => remove(i)}
                  >
                    <Trash2 />
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
