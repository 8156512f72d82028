"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useErrorText } from "@/components/i18n/use-error-text";
import { useFormResolver } from "@/components/i18n/use-form-resolver";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { applyServerErrors, Form, FormControl, FormField, FormItem, FormLabel, FormMessage, FormRootError } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { ApiError } from "@/lib/http/fetch-json";
import { createSegmentSchema, type Rule } from "@/lib/segments/schemas";
import { missingParts } from "./catalog";
import { RuleJsonDialog } from "./json-dialog";
import { PreviewPanel } from "./preview-panel";
import { ProblemsContext, type RuleProblems } from "./problems";
import type { SegmentRefs } from "./refs";
import { asRootGroup, RuleBuilder } from "./rule-builder";
import { SnapshotDialog } from "./snapshot-dialog";
import { useCreateSegment, useLivePreview, useUpdateSegment, type Segment } from "./use-segments";

const detailsSchema = z.object({
  name: createSegmentSchema.shape.name,
  description: z.string().trim().max(500, "must be at most 500 characters"),
});
type Details = z.infer<typeof detailsSchema>;

/** The server's refusal of a rule: path → messages (`all.2.where.0.attr`). */
function refusedOf(err: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!(err instanceof ApiError) || err.reason !== "segment_rule_invalid") return out;
  for (const d of err.details) out.set(d.path ?? "", [...(out.get(d.path ?? "") ?? []), d.message]);
  return out;
}

export interface SegmentEditorProps {
  /** the saved segment; absent for a new one */
  segment?: Segment;
  refs: SegmentRefs;
  canWrite: boolean;
}

/** Name, rule builder, live count and first members, save; the JSON and a snapshot for a saved segment. */
export function SegmentEditor({ segment, refs, canWrite }: SegmentEditorProps) {
  const t = useTranslations("segments.editor");
  const router = useRouter();
  const { errorText, detailText } = useErrorText();
  const saved = useMemo(() => asRootGroup(segment?.rules ?? { all: [] }), [segment]);
  const [rule, setRule] = useState<Rule>(saved);
  const [saveRefusal, setSaveRefusal] = useState<{ rule: Rule; refused: Map<string, string[]> } | null>(null);
  const create = useCreateSegment();
  const update = useUpdateSegment();
  const form = useForm<Details>({
    resolver: useFormResolver(detailsSchema),
    defaultValues: { name: segment?.name ?? "", description: segment?.description ?? "" },
  });

  const missing = useMemo(() => missingParts(rule), [rule]);
  const preview = useLivePreview(rule, missing.length === 0);
  const problems: RuleProblems = useMemo(() => {
    const refused = saveRefusal?.rule === rule ? saveRefusal.refused : refusedOf(preview.error);
    const worded = new Map([...refused].map(([p, ms]) => [p, ms.map((m) => t("refusedDetail", { message: m }))]));
    return { missing: new Set(missing), refused: worded };
  }, [missing, preview.error, saveRefusal, rule, t]);
  const unsaved = JSON.stringify(rule) !== JSON.stringify(saved);

  async function onSubmit(values: Details) {
    if (missing.length) {
      form.setError("root.server", { message: t("finishFirst") });
      return;
    }
    const body = { name: values.name, description: values.description || null, rules: rule };
    try {
      if (segment) {
        await update.mutateAsync({ id: segment.id, ...body });
        toast.success(t("savedToast", { name: values.name }));
        router.refresh();
      } else {
        const created = await create.mutateAsync(body);
        toast.success(t("createdToast", { name: created.name }));
        router.replace(`/segments/${created.id}`);
      }
    } catch (err) {
      const refused = refusedOf(err);
      if (refused.size) {
        setSaveRefusal({ rule, refused });
        form.setError("root.server", { message: errorText(err) });
      } else if (!applyServerErrors(form, err, { detailText, errorText })) form.setError("root.server", { message: errorText(err) });
    }
  }

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-4">
          <Card>
            <CardContent className="grid gap-4 pt-5 sm:grid-cols-2">
              <FormField
                control={form.control}
                name="name"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>{t("name")}</FormLabel>
                    <FormControl>
                      <Input placeholder={t("nameHint")} autoComplete="off" readOnly={!canWrite} {...field} />
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="description"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>{t("description")}</FormLabel>
                    <FormControl>
                      <Input autoComplete="off" readOnly={!canWrite} {...field} />
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )}
              />
            </CardContent>
          </Card>
          <ProblemsContext.Provider value={problems}>
            <RuleBuilder rule={rule} onChange={setRule} refs={refs} disabled={!canWrite} />
          </ProblemsContext.Provider>
          <FormRootError />
          <div className="flex flex-wrap items-center gap-2">
            {canWrite && (
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? t("saving") : segment ? t("save") : t("create")}
              </Button>
            )}
            <RuleJsonDialog rule={rule} onApply={canWrite ? (r) => setRule(asRootGroup(r)) : undefined} />
            {segment && canWrite && <SnapshotDialog segmentId={segment.id} segmentName={segment.name} groups={refs.groups} unsaved={unsaved} />}
            {canWrite && unsaved && <span className="text-sm text-muted-foreground">{t("unsaved")}</span>}
          </div>
        </div>
        <div className="xl:sticky xl:top-4 xl:self-start">
          <PreviewPanel preview={preview} incomplete={missing.length > 0} />
        </div>
      </form>
    </Form>
  );
}
