"use client";

import { Braces } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Textarea } from "@/components/ui/textarea";
import { ruleSchema, type Rule } from "@/lib/segments/schemas";

/**
 * The rule as JSON — the format `segment:create --rules` and the API take — to read and copy; a
 * writer may paste one in (shape-checked here, then checked by the server's live count as usual).
 */
export function RuleJsonDialog({ rule, onApply }: { rule: Rule; onApply?: (rule: Rule) => void }) {
  const t = useTranslations("segments.json");
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const json = JSON.stringify(rule, null, 2);
  function apply() {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return setProblem(t("notJson"));
    }
    const result = ruleSchema.safeParse(parsed);
    if (!result.success) return setProblem(t("notRule", { path: result.error.issues[0]?.path.join(".") || "—" }));
    onApply?.(result.data);
    setOpen(false);
  }
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setText(json);
          setProblem(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant="outline">
          <Braces /> {t("open")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{onApply ? t("descriptionWriter") : t("description")}</DialogDescription>
        </DialogHeader>
        <div className="relative">
          <Textarea
            aria-label={t("title")}
            data-testid="rule-json"
            className="min-h-72 font-mono text-xs"
            spellCheck={false}
            readOnly={!onApply}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setProblem(null);
            }}
          />
          <CopyButton value={text} label={t("copy")} className="absolute top-2 right-2" />
        </div>
        {problem && (
          <p role="alert" className="text-sm text-destructive">
            {problem}
          </p>
        )}
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => setOpen(false)}>
            {t("close")}
          </Button>
          {onApply && (
            <Button type="button" onClick={apply} disabled={text === json}>
              {t("apply")}
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
