"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FileUp } from "lucide-react";
import { useTranslations } from "next-intl";
import Papa from "papaparse";
import { useEffect, useMemo, useState } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CustomFieldDefinition } from "@/lib/custom-fields/schemas";
import { IMPORT_FIELDS, IMPORT_MAX_ROWS, type ImportResult, type RowError } from "@/lib/customers/import-fields";
import { customerKeys } from "@/lib/customers/query-keys";
import { fetchJson } from "@/lib/http/fetch-json";
import { labelKeys } from "@/lib/labels/query-keys";
import { autoMap, mappedRows, type Mapping } from "./import-mapping";

interface Parsed {
  headers: string[];
  data: Record<string, string>[];
}

const PREVIEW_ROWS = 50;
/** Rows per request: a request body stays well under the console's 1 MiB limit. */
const ROWS_PER_REQUEST = 1_000;

type Rows = ReturnType<typeof mappedRows>;

/** Sends the rows in batches, one after the other, and adds up the answers. */
async function postInBatches(url: string, rows: Rows): Promise<ImportResult> {
  const total: ImportResult = { dryRun: false, created: 0, skipped: 0, rows: [] };
  for (let i = 0; i < rows.length; i += ROWS_PER_REQUEST) {
    const r = await fetchJson<ImportResult>(url, { method: "POST", body: { rows: rows.slice(i, i + ROWS_PER_REQUEST) } });
    total.dryRun = r.dryRun;
    total.created += r.created;
    total.skipped += r.skipped;
    total.rows.push(...r.rows);
  }
  return total;
}

/** Words one row error: the field's name, then the reason in the user's language. */
function useRowErrorText(customFields: CustomFieldDefinition[]) {
  const t = useTranslations("customers.import");
  const cols = useTranslations("customers.csvColumns");
  const errors = useTranslations("errors");
  return (e: RowError) => {
    const text =
      e.reason === "duplicate" && e.params?.line
        ? t("repeats", { line: e.params.line })
        : e.reason && errors.has(e.reason as never)
          ? errors(e.reason as never)
          : e.message;
    const cf = e.field?.startsWith("cf:") ? customFields.find((f) => `cf:${f.id}` === e.field)?.name : undefined;
    const field = cf ?? (e.field && cols.has(e.field as never) ? cols(e.field as never) : undefined);
    return field ? t("fieldError", { field, error: text }) : text;
  };
}

/** "Import CSV": pick a file, check the column matches, see each row's errors, then import the valid rows. */
export function ImportDialog({ customFields }: { customFields: CustomFieldDefinition[] }) {
  const t = useTranslations("customers.import");
  const cols = useTranslations("customers.csvColumns");
  const { errorText } = useErrorText();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const wordError = useRowErrorText(customFields);

  const rows = useMemo(() => (parsed ? mappedRows(parsed.data, mapping) : []), [parsed, mapping]);
  const hasName = Object.values(mapping).includes("name");

  const check = useMutation({
    mutationFn: (body: { rows: Rows }) => postInBatches("/api/customers/import/preview", body.rows),
    onSuccess: setPreview,
  });
  const run = useMutation({
    mutationFn: (body: { rows: Rows }) => postInBatches("/api/customers/import", body.rows),
    onSuccess: (r) => {
      setResult(r);
      void qc.invalidateQueries({ queryKey: customerKeys.all });
      void qc.invalidateQueries({ queryKey: labelKeys.all });
    },
  });
  const { mutate: checkRows } = check;

  // every change of the file or of a column's match checks the rows again (a dry run on the server)
  useEffect(() => {
    setPreview(null);
    if (rows.length && hasName) checkRows({ rows });
  }, [rows, hasName, checkRows]);

  function reset() {
    setParsed(null);
    setFileError(null);
    setMapping({});
    setPreview(null);
    setResult(null);
    check.reset();
    run.reset();
  }

  function onFile(file: File | undefined) {
    reset();
    if (!file) return;
    Papa.parse<Record<string, string>>(file, {
      header: true,
      skipEmptyLines: "greedy",
      complete: (res) => {
        const headers = (res.meta.fields ?? []).filter((h) => h.trim() !== "");
        if (!headers.length) return setFileError(t("parseFailed"));
        if (!res.data.length) return setFileError(t("empty"));
        if (res.data.length > IMPORT_MAX_ROWS) return setFileError(t("tooMany", { max: IMPORT_MAX_ROWS, count: res.data.length }));
        setMapping(autoMap(headers, customFields));
        setParsed({ headers, data: res.data });
      },
      error: () => setFileError(t("parseFailed")),
    });
  }

  const valid = preview ? preview.rows.filter((r) => r.errors.length === 0) : [];
  const invalid = preview ? preview.rows.filter((r) => r.errors.length > 0) : [];
  const shown = [...invalid, ...valid].slice(0, PREVIEW_ROWS).sort((a, b) => a.line - b.line);
  const byLine = new Map(rows.map((r) => [r.line, r]));

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <FileUp /> {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        {result ? (
          <div className="grid gap-3" data-testid="import-result">
            <p role="status" className="font-medium">
              {t("done", { created: result.created, skipped: result.skipped })}
            </p>
            {result.skipped > 0 && (
              <div>
                <p className="mb-1 text-sm font-medium">{t("skippedTitle")}</p>
                <ul className="grid gap-1 text-sm text-muted-foreground">
                  {result.rows
                    .filter((r) => r.errors.length)
                    .map((r) => (
                      <li key={r.line}>
                        {t("line")} {r.line}: {r.errors.map(wordError).join("; ")}
                      </li>
                    ))}
                </ul>
              </div>
            )}
            <DialogFooter>
              <Button onClick={() => setOpen(false)}>{t("close")}</Button>
            </DialogFooter>
          </div>
        ) : (
          <div className="grid gap-4">
            <div className="grid gap-2">
              <Label htmlFor="import-file">{t("file")}</Label>
              <Input id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => onFile(e.target.files?.[0])} />
              {fileError && (
                <p role="alert" className="text-sm text-destructive">
                  {fileError}
                </p>
              )}
            </div>
            {parsed && (
              <fieldset className="grid gap-2 sm:grid-cols-2">
                <legend className="mb-2 text-sm font-medium">{t("mapping")}</legend>
                {parsed.headers.map((h) => (
                  <label key={h} className="grid gap-1 text-sm">
                    <span className="truncate text-muted-foreground">{t("column", { header: h })}</span>
                    <NativeSelect aria-label={t("column", { header: h })} value={mapping[h] ?? ""} onChange={(e) => setMapping({ ...mapping, [h]: e.target.value })}>
                      <option value="">{t("ignore")}</option>
                      {IMPORT_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {cols(f)}
                        </option>
                      ))}
                      {customFields.map((f) => (
                        <option key={f.id} value={`cf:${f.id}`}>
                          {t("customField", { name: f.name })}
                        </option>
                      ))}
                    </NativeSelect>
                  </label>
                ))}
              </fieldset>
            )}
            {parsed && !hasName && <p className="text-sm text-destructive">{t("noName")}</p>}
            {check.isPending && <p className="text-sm text-muted-foreground">{t("checking")}</p>}
            {check.isError && (
              <p role="alert" className="text-sm text-destructive">
                {errorText(check.error)}
              </p>
            )}
            {run.isError && (
              <p role="alert" className="text-sm text-destructive">
                {errorText(run.error)}
              </p>
            )}
            {preview && (
              <div className="grid gap-2">
                <p role="status" className="text-sm font-medium">
                  {t("summary", { valid: valid.length, invalid: invalid.length })}
                </p>
                <div className="rounded-md border">
                  <Table>
                    <TableHeader>
                      <TableRow>
                        <TableHead className="w-14">{t("line")}</TableHead>
                        <TableHead>{cols("name")}</TableHead>
                        <TableHead>{cols("phones")}</TableHead>
                        <TableHead>{t("status")}</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {shown.map((r) => (
                        <TableRow key={r.line} data-state={r.errors.length ? "invalid" : "valid"}>
                          <TableCell className="tabular-nums">{r.line}</TableCell>
                          <TableCell>{byLine.get(r.line)?.values.name}</TableCell>
                          <TableCell className="font-mono text-xs">{byLine.get(r.line)?.values.phones}</TableCell>
                          <TableCell className={r.errors.length ? "text-destructive" : "text-muted-foreground"}>
                            {r.errors.length ? r.errors.map(wordError).join("; ") : t("ok")}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              </div>
            )}
            <DialogFooter>
              <Button variant="outline" onClick={() => setOpen(false)}>
                {t("close")}
              </Button>
              <Button
                disabled={!preview || valid.length === 0 || run.isPending || check.isPending}
                // every row goes: the server writes the valid ones and reports the rest as skipped, with reasons
                onClick={() => run.mutate({ rows })}
              >
                {run.isPending ? t("importing") : t("submit", { count: valid.length })}
              </Button>
            </DialogFooter>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
