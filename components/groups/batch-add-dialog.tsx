"use client";

import { ListPlus, Upload } from "lucide-react";
import { useTranslations } from "next-intl";
import Papa from "papaparse";
import { useRef, useState } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import type { Resolution } from "@/lib/groups/identifiers";
import { MAX_BATCH } from "@/lib/groups/schemas";
import { useAddMembers, usePreviewRows } from "./use-groups";

/** Header cells that name the column to read (lower-cased). */
const KNOWN_COLUMNS = ["customerid", "id", "phone", "mobile", "name", "客户id", "手机", "手机号", "姓名", "客户名"];

/** The identifiers of a parsed CSV: the first known column when the first row is a header, else the first column. */
export function identifiersOfCsv(rows: string[][]): string[] {
  if (!rows.length) return [];
  const header = rows[0].map((c) => c.trim().replace(/^\uFEFF/, "").toLowerCase());
  const col = KNOWN_COLUMNS.map((k) => header.indexOf(k)).find((i) => i >= 0);
  return (col === undefined ? rows : rows.slice(1)).map((r) => (r[col ?? 0] ?? "").trim()).filter((s) => s !== "");
}

/**
 * Batch add: paste ids, phones or names (one per line) or upload a CSV (parsed in the browser by
 * papaparse), preview on the server — which rows match nobody or several customers — and only then
 * add the matched ones, all in one transaction.
 */
export function BatchAddDialog({ groupId }: { groupId: number }) {
  const t = useTranslations("groups.batch");
  const tc = useTranslations("common");
  const { errorText } = useErrorText();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [file, setFile] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [resolution, setResolution] = useState<Resolution | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const preview = usePreviewRows();
  const add = useAddMembers();

  const rows = text.split(/\r?\n/);
  const filled = rows.filter((r) => r.trim() !== "").length;

  function reset() {
    setText("");
    setFile(null);
    setProblem(null);
    setResolution(null);
  }

  function upload(f: File) {
    setProblem(null);
    Papa.parse<string[]>(f, {
      skipEmptyLines: true,
      complete: (res) => {
        const ids = identifiersOfCsv(res.data);
        if (res.errors.length && !ids.length) return setProblem(t("csvFailed"));
        setText(ids.join("\n"));
        setFile(t("uploaded", { file: f.name, count: ids.length }));
      },
      error: () => setProblem(t("csvFailed")),
    });
  }

  async function runPreview() {
    setProblem(null);
    if (filled > MAX_BATCH) return setProblem(t("tooMany", { max: MAX_BATCH }));
    try {
      setResolution(await preview.mutateAsync({ groupId, rows }));
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  async function addMatched() {
    if (!resolution?.customerIds.length) return;
    setProblem(null);
    try {
      await add.mutateAsync({ groupId, customerIds: resolution.customerIds });
      toast.success(t("added", { count: resolution.customerIds.length }));
      setOpen(false);
      reset();
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  const problems = resolution?.rows.filter((r) => r.status !== "matched") ?? [];
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (preview.isPending || add.isPending) return;
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <ListPlus /> {t("open")}
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        {problem && (
          <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-sm text-destructive">
            {problem}
          </p>
        )}
        {!resolution ? (
          <div className="grid gap-3">
            <div className="grid gap-2">
              <Label htmlFor="batch-rows">{t("paste")}</Label>
              <Textarea
                id="batch-rows"
                rows={8}
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  setFile(null);
                }}
                placeholder={t("pastePlaceholder")}
                className="font-mono text-sm"
              />
            </div>
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <input
                ref={fileInput}
                type="file"
                accept=".csv,text/csv,text/plain"
                className="sr-only"
                aria-label={t("upload")}
                data-testid="batch-csv"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) upload(f);
                  e.target.value = "";
                }}
              />
              <Button type="button" variant="outline" size="sm" onClick={() => fileInput.current?.click()}>
                <Upload /> {t("upload")}
              </Button>
              {file && <span className="text-muted-foreground">{file}</span>}
            </div>
            <p className="text-xs text-muted-foreground">{t("csvColumnHint")}</p>
          </div>
        ) : (
          <div className="grid gap-3" data-testid="batch-preview">
            <p className="text-sm">{t("summary", resolution.counts)}</p>
            {problems.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("allMatched")}</p>
            ) : (
              <div className="grid gap-2">
                <p className="text-sm font-medium">{t("onlyProblems")}</p>
                <div className="max-h-64 overflow-y-auto rounded-md border">
                  <Table>
                    <TableHeader>
                      <TableRow>
                        <TableHead className="w-16">{t("row")}</TableHead>
                        <TableHead>{t("input")}</TableHead>
                        <TableHead>{t("result")}</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {problems.map((r) => (
                        <TableRow key={r.row} data-status={r.status}>
                          <TableCell className="tabular-nums">{r.row}</TableCell>
                          <TableCell className="font-mono text-xs">{r.input}</TableCell>
                          <TableCell className="text-destructive">
                            {r.status === "unknown" ? t("unknown") : t("ambiguous", { names: r.customers.map((c) => `${c.name} (#${c.id})`).join(", ") })}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              </div>
            )}
            {resolution.customerIds.length === 0 && <p className="text-sm text-muted-foreground">{t("nothingToAdd")}</p>}
          </div>
        )}
        <DialogFooter>
          {!resolution ? (
            <>
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                {tc("cancel")}
              </Button>
              <Button type="button" disabled={filled === 0 || preview.isPending} onClick={runPreview}>
                {preview.isPending ? t("previewing") : t("preview")}
              </Button>
            </>
          ) : (
            <>
              <Button type="button" variant="outline" disabled={add.isPending} onClick={() => setResolution(null)}>
                {t("edit")}
              </Button>
              <Button type="button" disabled={!resolution.customerIds.length || add.isPending} onClick={addMatched}>
                {add.isPending ? t("adding") : t("addMatched", { count: resolution.customerIds.length })}
              </Button>
            </>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
