"use client";

import { MessageSquare, PhoneCall, StickyNote, Ticket, type LucideIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { useErrorText } from "@/components/i18n/use-error-text";
import { useFormResolver } from "@/components/i18n/use-form-resolver";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { applyServerErrors, Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage, FormRootError } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { addCallLogSchema, addFollowUpSchema, addSmsSchema, addTicketSchema, type AddFeedItemInput } from "@/lib/feeds/schemas";
import { useAddFeedItem, useOptionLists } from "./use-customer";

type HistoryKind = AddFeedItemInput["kind"];

/** a key under customer.history */
type Key = string;

interface FieldSpec {
  name: string;
  label: Key;
  input: "text" | "textarea" | "number" | "select";
  options?: { value: string; label: string }[];
  /** the select's values are ids (numbers), "" meaning none */
  numeric?: boolean;
  help?: Key;
}

interface KindSpec {
  icon: LucideIcon;
  schema: typeof addFollowUpSchema | typeof addTicketSchema | typeof addCallLogSchema | typeof addSmsSchema;
  defaults: Record<string, unknown>;
  fields: FieldSpec[];
}

const DIRECTIONS = [
  { value: "inbound", label: "inbound" },
  { value: "outbound", label: "outbound" },
];

const SPECS: Record<HistoryKind, KindSpec> = {
  followUp: {
    icon: StickyNote,
    schema: addFollowUpSchema,
    defaults: { kind: "followUp", content: "", dealFlagId: null },
    fields: [
      { name: "content", label: "content", input: "textarea" },
      { name: "dealFlagId", label: "followUp.dealFlag", input: "select", numeric: true },
    ],
  },
  ticket: {
    icon: Ticket,
    schema: addTicketSchema,
    defaults: { kind: "ticket", title: "", content: "", status: "", urgency: "" },
    fields: [
      { name: "title", label: "ticket.titleField", input: "text" },
      { name: "content", label: "ticket.content", input: "textarea" },
      { name: "status", label: "status", input: "text", help: "ticket.statusHint" },
      { name: "urgency", label: "ticket.urgency", input: "text", help: "ticket.urgencyHint" },
    ],
  },
  callLog: {
    icon: PhoneCall,
    schema: addCallLogSchema,
    defaults: { kind: "callLog", callType: "outbound", phone: "", durationSec: 0, result: "" },
    fields: [
      { name: "callType", label: "direction", input: "select", options: DIRECTIONS },
      { name: "phone", label: "phone", input: "text" },
      { name: "durationSec", label: "callLog.duration", input: "number" },
      { name: "result", label: "callLog.result", input: "textarea" },
    ],
  },
  sms: {
    icon: MessageSquare,
    schema: addSmsSchema,
    defaults: { kind: "sms", direction: "outbound", phone: "", content: "", status: "sent" },
    fields: [
      { name: "direction", label: "direction", input: "select", options: DIRECTIONS },
      { name: "phone", label: "phone", input: "text" },
      { name: "content", label: "sms.message", input: "textarea" },
      {
        name: "status",
        label: "status",
        input: "select",
        options: ["sent", "delivered", "failed", "received"].map((s) => ({ value: s, label: `sms.statuses.${s}` })),
      },
    ],
  },
};

export const HISTORY_KINDS = Object.keys(SPECS) as HistoryKind[];

/** One dialog per history kind; the form validates with the same schema as POST /api/customers/[id]/feeds. */
export function AddHistoryDialog({ customerId, kind }: { customerId: number; kind: HistoryKind }) {
  const spec = SPECS[kind];
  const tr = useTranslations("customer.history");
  // the specs name their texts by key under customer.history
  const t = (key: Key) => tr(key as "phone");
  const tc = useTranslations("common");
  const { errorText, detailText } = useErrorText();
  const [open, setOpen] = useState(false);
  const add = useAddFeedItem(customerId);
  const optionLists = useOptionLists();
  const dealFlags = (optionLists.data?.dealFlag ?? []).map((o) => ({ value: String(o.id), label: o.name }));
  // one form component for four schemas: the values are the schema's, typed loosely here
  const resolver = useFormResolver(spec.schema as unknown as z.ZodType<FieldValues, FieldValues>);
  const form = useForm<FieldValues>({ resolver: resolver as Resolver<FieldValues>, defaultValues: spec.defaults });

  async function onSubmit(values: FieldValues) {
    try {
      await add.mutateAsync(values as AddFeedItemInput);
      toast.success(tr("added", { what: t(`${kind}.button`) }));
      setOpen(false);
      form.reset(spec.defaults);
    } catch (err) {
      if (!applyServerErrors(form, err, { errorText, detailText })) form.setError("root.server", { message: tc("couldNotSave") });
    }
  }

  const Icon = spec.icon;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) form.reset(spec.defaults);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <Icon /> {t(`${kind}.button`)}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t(`${kind}.title`)}</DialogTitle>
          <DialogDescription>{t(`${kind}.description`)}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" noValidate>
            <FormRootError />
            {spec.fields.map((f) => (
              <FormField
                key={f.name}
                control={form.control}
                name={f.name}
                render={({ field }) => {
                  const options = f.options ?? (f.name === "dealFlagId" ? dealFlags : []);
                  return (
                    <FormItem>
                      <FormLabel>{t(f.label)}</FormLabel>
                      <FormControl>
                        {f.input === "textarea" ? (
                          <Textarea rows={f.name === "content" && kind === "ticket" ? 6 : 3} {...field} value={field.value ?? ""} />
                        ) : f.input === "number" ? (
                          <Input
                            type="number"
                            min={0}
                            value={Number.isNaN(field.value) ? "" : (field.value ?? "")}
                            onChange={(e) => field.onChange(e.target.value === "" ? undefined : e.target.valueAsNumber)}
                          />
                        ) : f.input === "select" ? (
                          <NativeSelect
                            value={field.value == null ? "" : String(field.value)}
                            onChange={(e) => field.onChange(f.numeric ? (e.target.value === "" ? null : Number(e.target.value)) : e.target.value)}
                          >
                            {f.numeric && <option value="">—</option>}
                            {options.map((o) => (
                              <option key={o.value} value={o.value}>
                                {f.options ? t(o.label) : o.label}
                              </option>
                            ))}
                          </NativeSelect>
                        ) : (
                          <Input {...field} value={field.value ?? ""} />
                        )}
                      </FormControl>
                      {f.help && <FormDescription>{t(f.help)}</FormDescription>}
                      <FormMessage />
                    </FormItem>
                  );
                }}
              />
            ))}
            <DialogFooter className="pt-2">
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                {tc("cancel")}
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? tc("saving") : tc("save")}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
