"use client";

import { Sparkles } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo, useState, type ComponentProps } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { useFormResolver } from "@/components/i18n/use-form-resolver";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { applyServerErrors, Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage, FormRootError } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { createCustomerEventBody } from "@/lib/openapi/events/customer-events";
import type { EventAttribute, EventType } from "@/lib/event-types/schemas";
import { useRecordEvent, type ConsoleEventInput } from "./use-customer";

interface Values {
  event: string;
  eventValue: string;
  /** datetime-local ("yyyy-MM-ddTHH:mm"), the tenant's wall clock; "" = now */
  happenTime: string;
  /** attribute values by attrKey, as the inputs give them (an input never touched has none) */
  attrs: Record<string, string | undefined>;
}

/** "2026-03-01T09:30" (datetime-local) → "2026-03-01 09:30:00" (the API's wall-clock form). */
const wallClock = (local: string) => (local.length === 16 ? `${local.replace("T", " ")}:00` : local.replace("T", " "));

function toBody(v: Values, types: EventType[]): ConsoleEventInput {
  const type = types.find((t) => t.eventKey === v.event);
  const attrValueList = (type?.attributes ?? [])
    // every attribute is optional (event types do not mark any as required): empty inputs are left out
    .flatMap((a) => {
      const value = (v.attrs[a.attrKey] ?? "").trim();
      return value === "" ? [] : [{ attrKey: a.attrKey, attrValue: a.type === "DateTime" ? wallClock(value) : value, type: a.type }];
    });
  return {
    event: v.event,
    eventValue: v.eventValue || undefined,
    happenTime: v.happenTime ? wallClock(v.happenTime) : undefined,
    attrValueList: attrValueList.length ? attrValueList : undefined,
  };
}

/**
 * The form checks what the API will check, with the API's own schema (createCustomerEventBody): the
 * body is built from the inputs and parsed, and each issue is put back on the input it came from.
 */
function formSchema(types: EventType[], customerId: number, chooseType: string) {
  return z
    .object({ event: z.string().min(1, chooseType), eventValue: z.string(), happenTime: z.string(), attrs: z.record(z.string(), z.string().optional()) })
    .superRefine((v, ctx) => {
      const body = toBody(v, types);
      // a blank time means "now" (the route fills it in); any valid time stands in for it here
      const parsed = createCustomerEventBody.safeParse({ ...body, customerId, happenTime: body.happenTime ?? "2000-01-01 00:00:00" });
      if (parsed.success) return;
      for (const issue of parsed.error.issues) {
        const [head, index] = issue.path;
        if (head === "attrValueList" && typeof index === "number") {
          ctx.addIssue({ ...issue, path: ["attrs", body.attrValueList![index].attrKey] } as never);
        } else if (head === "event" || head === "eventValue" || head === "happenTime") {
          ctx.addIssue({ ...issue, path: [head] } as never);
        } else ctx.addIssue({ ...issue, path: [] } as never);
      }
    });
}

/** An input typed by the attribute: number for value, date for Date, datetime-local for DateTime, else text. */
function AttributeInput({
  attr,
  value,
  onChange,
  ...rest // id and aria-* from <FormControl>, which tie the input to its label and message
}: { attr: EventAttribute; value: string; onChange: (v: string) => void } & Omit<ComponentProps<"input">, "value" | "onChange">) {
  const type = attr.type === "value" ? "number" : attr.type === "Date" ? "date" : attr.type === "DateTime" ? "datetime-local" : "text";
  const step = attr.type === "value" ? "any" : attr.type === "DateTime" ? 1 : undefined;
  return <Input {...rest} type={type} step={step} value={value} onChange={(e) => onChange(e.target.value)} />;
}

const EMPTY: Values = { event: "", eventValue: "", happenTime: "", attrs: {} };

/** Records an event by hand: the customer moves to the type's stage and gains its rating. */
export function RecordEventDialog({ customerId, eventTypes }: { customerId: number; eventTypes: EventType[] }) {
  const t = useTranslations("customer.record");
  const tc = useTranslations("common");
  const { errorText, detailText } = useErrorText();
  const [open, setOpen] = useState(false);
  const record = useRecordEvent(customerId);
  const schema = useMemo(() => formSchema(eventTypes, customerId, t("chooseType")), [eventTypes, customerId, t]);
  const resolver = useFormResolver(schema, (issue) => (issue.path[0] === "event" ? t("chooseType") : undefined));
  const form = useForm<Values>({ resolver, defaultValues: EMPTY });
  const chosen = eventTypes.find((t) => t.eventKey === form.watch("event"));

  async function onSubmit(values: Values) {
    try {
      await record.mutateAsync(toBody(values, eventTypes));
      toast.success(t("recorded", { name: chosen?.name ?? values.event }));
      setOpen(false);
      form.reset(EMPTY);
    } catch (err) {
      if (!applyServerErrors(form, err, { errorText, detailText })) form.setError("root.server", { message: tc("couldNotSave") });
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) form.reset(EMPTY);
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm">
          <Sparkles /> {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
            <FormRootError />
            <FormField
              control={form.control}
              name="event"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("eventType")}</FormLabel>
                  <FormControl>
                    <NativeSelect
                      value={field.value}
                      onChange={(e) => {
                        field.onChange(e.target.value);
                        form.setValue("attrs", {});
                      }}
                    >
                      <option value="">{t("choose")}</option>
                      {eventTypes.map((type) => (
                        <option key={type.id} value={type.eventKey}>
                          {type.name} ({type.eventKey})
                        </option>
                      ))}
                    </NativeSelect>
                  </FormControl>
                  {chosen && (
                    <FormDescription>
                      {chosen.stage ? t("movesTo", { stage: chosen.stage.name }) : t("noStage")}{" "}
                      {chosen.rating ? t("adds", { rating: chosen.rating }) : t("noScore")}
                    </FormDescription>
                  )}
                  <FormMessage />
                </FormItem>
              )}
            />
            {chosen && chosen.attributes.length > 0 && <p className="-mb-2 text-xs text-muted-foreground">{t("attributesHint")}</p>}
            {chosen?.attributes.map((a) => (
              <FormField
                key={a.attrKey}
                control={form.control}
                name={`attrs.${a.attrKey}`}
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>
                      {a.attrName} <span className="font-mono text-xs text-muted-foreground">{a.attrKey}</span>
                    </FormLabel>
                    <FormControl>
                      <AttributeInput attr={a} value={field.value ?? ""} onChange={field.onChange} />
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )}
              />
            ))}
            {/* the two columns line up at the top: the hint under one input does not push the other down */}
            <div className="grid items-start gap-4 sm:grid-cols-2">
              <FormField
                control={form.control}
                name="eventValue"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>{t("eventValue")}</FormLabel>
                    <FormControl>
                      <Input {...field} />
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="happenTime"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>{t("happenedAt")}</FormLabel>
                    <FormControl>
                      <Input type="datetime-local" {...field} />
                    </FormControl>
                    <FormDescription>{t("happenedAtHint")}</FormDescription>
                    <FormMessage />
                  </FormItem>
                )}
              />
            </div>
            <DialogFooter className="pt-2">
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                {tc("cancel")}
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? t("recording") : t("submit")}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
