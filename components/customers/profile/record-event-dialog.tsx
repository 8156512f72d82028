"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Sparkles } from "lucide-react";
import { useState, type ComponentProps } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { applyServerErrors, Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage, FormRootError } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { createCustomerEventBody } from "@/lib/customer-events/schemas";
import type { EventAttribute, EventType } from "@/lib/event-types/schemas";
import { useRecordEvent, type ConsoleEventInput } from "./use-customer";

interface Values {
  event: string;
  eventValue: string;
  /** datetime-local ("yyyy-MM-ddTHH:mm"), the tenant's wall clock; "" = now */
  happenTime: string;
  /** attribute values by attrKey, as the inputs give them */
  attrs: Record<string, string>;
}

/** "2026-03-01T09:30" (datetime-local) → "2026-03-01 09:30:00" (the API's wall-clock form). */
const wallClock = (local: string) => (local.length === 16 ? `${local.replace("T", " ")}:00` : local.replace("T", " "));

function toBody(v: Values, types: EventType[]): ConsoleEventInput {
  const type = types.find((t) => t.eventKey === v.event);
  const attrValueList = (type?.attributes ?? [])
    .filter((a) => (v.attrs[a.attrKey] ?? "") !== "")
    .map((a) => ({ attrKey: a.attrKey, attrValue: a.type === "DateTime" ? wallClock(v.attrs[a.attrKey]) : v.attrs[a.attrKey], type: a.type }));
  return {
    event: v.event,
    eventValue: v.eventValue || undefined,
    happenTime: v.happenTime ? wallClock(v.happenTime) : undefined,
    attrValueList,
  };
}

/**
 * The form checks what the API will check, with the API's own schema (createCustomerEventBody): the
 * body is built from the inputs and parsed, and each issue is put back on the input it came from.
 */
function formSchema(types: EventType[], customerId: number) {
  return z
    .object({ event: z.string().min(1, "Choose an event type"), eventValue: z.string(), happenTime: z.string(), attrs: z.record(z.string(), z.string()) })
    .superRefine((v, ctx) => {
      const body = toBody(v, types);
      // a blank time means "now" (the route fills it in); any valid time stands in for it here
      const parsed = createCustomerEventBody.safeParse({ ...body, customerId, happenTime: body.happenTime ?? "2000-01-01 00:00:00" });
      if (parsed.success) return;
      for (const issue of parsed.error.issues) {
        const [head, index] = issue.path;
        if (head === "attrValueList" && typeof index === "number") {
          ctx.addIssue({ code: "custom", message: issue.message, path: ["attrs", body.attrValueList![index].attrKey] });
        } else if (head === "event" || head === "eventValue" || head === "happenTime") {
          ctx.addIssue({ code: "custom", message: issue.message, path: [head] });
        } else ctx.addIssue({ code: "custom", message: issue.message, path: [] });
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
  const [open, setOpen] = useState(false);
  const record = useRecordEvent(customerId);
  const form = useForm<Values>({ resolver: zodResolver(formSchema(eventTypes, customerId)), defaultValues: EMPTY });
  const chosen = eventTypes.find((t) => t.eventKey === form.watch("event"));

  async function onSubmit(values: Values) {
    try {
      await record.mutateAsync(toBody(values, eventTypes));
      toast.success(`${chosen?.name ?? values.event} recorded`);
      setOpen(false);
      form.reset(EMPTY);
    } catch (err) {
      if (!applyServerErrors(form, err)) form.setError("root.server", { message: "Could not record the event; try again." });
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
          <Sparkles /> Record event
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Record an event</DialogTitle>
          <DialogDescription>As if your systems had sent it: it moves the customer to the type&apos;s stage and adds its rating to the score.</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
            <FormRootError />
            <FormField
              control={form.control}
              name="event"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Event type</FormLabel>
                  <FormControl>
                    <NativeSelect
                      value={field.value}
                      onChange={(e) => {
                        field.onChange(e.target.value);
                        form.setValue("attrs", {});
                      }}
                    >
                      <option value="">Choose…</option>
                      {eventTypes.map((t) => (
                        <option key={t.id} value={t.eventKey}>
                          {t.name} ({t.eventKey})
                        </option>
                      ))}
                    </NativeSelect>
                  </FormControl>
                  {chosen && (
                    <FormDescription>
                      {chosen.stage ? `Moves to ${chosen.stage.name}. ` : "Does not move the stage. "}
                      {chosen.rating ? `Adds ${chosen.rating} to the score.` : "Does not change the score."}
                    </FormDescription>
                  )}
                  <FormMessage />
                </FormItem>
              )}
            />
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
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField
                control={form.control}
                name="eventValue"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>Event value</FormLabel>
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
                    <FormLabel>Happened at</FormLabel>
                    <FormControl>
                      <Input type="datetime-local" {...field} />
                    </FormControl>
                    <FormDescription>Optional; now when empty. Your tenant&apos;s time zone.</FormDescription>
                    <FormMessage />
                  </FormItem>
                )}
              />
            </div>
            <DialogFooter className="pt-2">
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? "Recording…" : "Record"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
