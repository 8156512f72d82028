"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ArchiveRestore, Lock } from "lucide-react";
import Link from "next/link";
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
import { toast, toastError } from "@/components/ui/toast";
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
  const router = useRouter();
  const editing = eventType !== undefined;
  const readOnly = !canWrite || !!eventType?.archived;
  const stages = useStages(initialStages);
  const categories = useEventCategories(initialCategories);
  const create = useCreateEventType();
  const update = useUpdateEventType(eventType?.id ?? 0);
  const restore = useRestoreEventType();

  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(eventTypeFormSchema),
    defaultValues: eventTypeFormDefaults(eventType),
    // live: a duplicate attribute key or a bad eventKey shows as it is typed
    mode: "onChange",
  });

  async function onSubmit(values: FormOut) {
    try {
      if (editing) {
        const { eventKey: _fixed, ...patch } = values;
        const saved = await update.mutateAsync(patch);
        toast.success(`${saved.name} is saved`);
      } else {
        const saved = await create.mutateAsync(values);
        toast.success(`${saved.name} is created`);
      }
      router.push("/event-types");
      router.refresh();
    } catch (err) {
      // a taken key is a conflict with no field path: it belongs next to the key all the same
      if (!editing && err instanceof ApiError && err.kind === "conflict" && err.message.includes("eventKey")) {
        form.setError("eventKey", { type: "server", message: err.message });
      } else if (!applyServerErrors(form, err)) {
        form.setError("root.server", { message: "Could not save the event type; try again." });
      }
    }
  }

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="grid max-w-5xl gap-6" noValidate>
        {eventType?.archived && (
          <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-warning/40 bg-warning/10 px-4 py-3 text-sm">
            <span className="flex items-center gap-2">
              <Lock className="size-4" /> This event type is archived: it accepts no new events and cannot be edited.
            </span>
            {canWrite && (
              <Button
                variant="outline"
                size="sm"
                disabled={restore.isPending}
                onClick={() =>
                  restore.mutate(eventType.id, {
                    onSuccess: () => {
                      toast.success(`${eventType.name} is restored`);
                      router.refresh();
                    },
                    onError: (e) => toastError(e),
                  })
                }
              >
                <ArchiveRestore /> Restore
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
                    <FormLabel>Event key</FormLabel>
                    <FormControl>
                      <Input placeholder="order_paid" className="font-mono" autoComplete="off" readOnly={editing} {...field} />
                    </FormControl>
                    <FormDescription>
                      {editing ? "Fixed: integrators and recorded events refer to it." : "How the events API names this type; cannot change later."}
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
                    <FormLabel>Name</FormLabel>
                    <FormControl>
                      <Input placeholder="订单支付" autoComplete="off" {...field} />
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
                    <FormLabel>Stage</FormLabel>
                    <FormControl>
                      <NativeSelect
                        name={field.name}
                        ref={field.ref}
                        onBlur={field.onBlur}
                        value={field.value ? String(field.value) : ""}
                        onChange={(e) => field.onChange(e.target.value === "" ? 0 : Number(e.target.value))}
                      >
                        <option value="" disabled>
                          {stages.isPending ? "Loading stages…" : "Choose a stage"}
                        </option>
                        {(stages.data ?? []).map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.name}
                          </option>
                        ))}
                      </NativeSelect>
                    </FormControl>
                    <FormDescription>
                      Recording an event moves the customer here. <Link href="/settings/stages" className="underline underline-offset-2">Manage stages</Link>
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
                    <FormLabel>Category</FormLabel>
                    <FormControl>
                      <NativeSelect
                        name={field.name}
                        ref={field.ref}
                        onBlur={field.onBlur}
                        value={field.value ?? ""}
                        onChange={(e) => field.onChange(e.target.value === "" ? null : e.target.value)}
                      >
                        <option value="">None (ungrouped)</option>
                        {(categories.data ?? []).map((c) => (
                          <option key={c.id} value={c.code}>
                            {c.name} ({c.code})
                          </option>
                        ))}
                      </NativeSelect>
                    </FormControl>
                    <FormDescription>Groups the type in the automation editor’s event picker.</FormDescription>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="rating"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>Rating</FormLabel>
                    <FormControl>
                      <Input
                        type="number"
                        inputMode="numeric"
                        step={1}
                        placeholder="None"
                        name={field.name}
                        ref={field.ref}
                        onBlur={field.onBlur}
                        value={field.value ?? ""}
                        // empty means "no rating"; anything else is checked by the schema (an integer)
                        onChange={(e) => field.onChange(e.target.value === "" ? null : e.target.valueAsNumber)}
                      />
                    </FormControl>
                    <FormDescription>Added to the customer’s score for each event; empty for none.</FormDescription>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="isInteract"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>Interactive</FormLabel>
                    <div className="flex h-9 items-center gap-3">
                      <FormControl>
                        <Switch checked={field.value} onCheckedChange={field.onChange} onBlur={field.onBlur} ref={field.ref} />
                      </FormControl>
                      <span className="text-sm text-muted-foreground">{field.value ? "An interaction (互动行为)" : "Not an interaction"}</span>
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
              {form.formState.isSubmitting ? "Saving…" : editing ? "Save changes" : "Create event type"}
            </Button>
          )}
          <Button asChild variant="outline">
            <Link href="/event-types">{readOnly ? "Back to event types" : "Cancel"}</Link>
          </Button>
        </div>
      </form>
    </Form>
  );
}
