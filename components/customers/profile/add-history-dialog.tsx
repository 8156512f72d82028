"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { MessageSquare, PhoneCall, StickyNote, Ticket, type LucideIcon } from "lucide-react";
import { useState } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
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

interface FieldSpec {
  name: string;
  label: string;
  input: "text" | "textarea" | "number" | "select";
  options?: { value: string; label: string }[];
  /** the select's values are ids (numbers), "" meaning none */
  numeric?: boolean;
  help?: string;
}

interface KindSpec {
  title: string;
  button: string;
  icon: LucideIcon;
  description: string;
  schema: typeof addFollowUpSchema | typeof addTicketSchema | typeof addCallLogSchema | typeof addSmsSchema;
  defaults: Record<string, unknown>;
  fields: FieldSpec[];
}

const DIRECTIONS = [
  { value: "inbound", label: "Inbound" },
  { value: "outbound", label: "Outbound" },
];

const SPECS: Record<HistoryKind, KindSpec> = {
  followUp: {
    title: "Add a follow-up",
    button: "Follow-up",
    icon: StickyNote,
    description: "What was said or agreed. A deal flag given here also becomes the customer's.",
    schema: addFollowUpSchema,
    defaults: { kind: "followUp", content: "", dealFlagId: null },
    fields: [
      { name: "content", label: "Content", input: "textarea" },
      { name: "dealFlagId", label: "Deal flag reached", input: "select", numeric: true },
    ],
  },
  ticket: {
    title: "Add a ticket",
    button: "Ticket",
    icon: Ticket,
    description: "The body is HTML; scripts and unsafe attributes are removed when it is saved.",
    schema: addTicketSchema,
    defaults: { kind: "ticket", title: "", content: "", status: "", urgency: "" },
    fields: [
      { name: "title", label: "Title", input: "text" },
      { name: "content", label: "Content (HTML)", input: "textarea" },
      { name: "status", label: "Status", input: "text", help: "Default 正常工单" },
      { name: "urgency", label: "Urgency", input: "text", help: "Default 普通" },
    ],
  },
  callLog: {
    title: "Log a call",
    button: "Call log",
    icon: PhoneCall,
    description: "A call with this customer and how it went.",
    schema: addCallLogSchema,
    defaults: { kind: "callLog", callType: "outbound", phone: "", durationSec: 0, result: "" },
    fields: [
      { name: "callType", label: "Direction", input: "select", options: DIRECTIONS },
      { name: "phone", label: "Phone", input: "text" },
      { name: "durationSec", label: "Duration (seconds)", input: "number" },
      { name: "result", label: "Result", input: "textarea" },
    ],
  },
  sms: {
    title: "Log an SMS",
    button: "SMS log",
    icon: MessageSquare,
    description: "A text message sent to or received from this customer.",
    schema: addSmsSchema,
    defaults: { kind: "sms", direction: "outbound", phone: "", content: "", status: "sent" },
    fields: [
      { name: "direction", label: "Direction", input: "select", options: DIRECTIONS },
      { name: "phone", label: "Phone", input: "text" },
      { name: "content", label: "Message", input: "textarea" },
      {
        name: "status",
        label: "Status",
        input: "select",
        options: ["sent", "delivered", "failed", "received"].map((s) => ({ value: s, label: s })),
      },
    ],
  },
};

export const HISTORY_KINDS = Object.keys(SPECS) as HistoryKind[];

/** One dialog per history kind; the form validates with the same schema as POST /api/customers/[id]/feeds. */
export function AddHistoryDialog({ customerId, kind }: { customerId: number; kind: HistoryKind }) {
  const spec = SPECS[kind];
  const [open, setOpen] = useState(false);
  const add = useAddFeedItem(customerId);
  const optionLists = useOptionLists();
  const dealFlags = (optionLists.data?.dealFlag ?? []).map((o) => ({ value: String(o.id), label: o.name }));
  // one form component for four schemas: the values are the schema's, typed loosely here
  const form = useForm<FieldValues>({ resolver: zodResolver(spec.schema) as unknown as Resolver<FieldValues>, defaultValues: spec.defaults });

  async function onSubmit(values: FieldValues) {
    try {
      await add.mutateAsync(values as AddFeedItemInput);
      toast.success(`${spec.button} added`);
      setOpen(false);
      form.reset(spec.defaults);
    } catch (err) {
      if (!applyServerErrors(form, err)) form.setError("root.server", { message: "Could not save; try again." });
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
          <Icon /> {spec.button}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{spec.title}</DialogTitle>
          <DialogDescription>{spec.description}</DialogDescription>
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
                      <FormLabel>{f.label}</FormLabel>
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
                                {o.label}
                              </option>
                            ))}
                          </NativeSelect>
                        ) : (
                          <Input {...field} value={field.value ?? ""} />
                        )}
                      </FormControl>
                      {f.help && <FormDescription>{f.help}</FormDescription>}
                      <FormMessage />
                    </FormItem>
                  );
                }}
              />
            ))}
            <DialogFooter className="pt-2">
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? "Saving…" : "Save"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
