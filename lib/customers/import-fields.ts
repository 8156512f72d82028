import type { ErrorParams, Reason } from "@/lib/errors";

/** The CSV import's fields and answers, shared by the server (import.ts) and the browser's preview. */

/** What a column can be mapped to; a custom field is `cf:<id>`. */
export const IMPORT_FIELDS = [
  "name",
  "phones",
  "email",
  "crmId",
  "companyName",
  "address",
  "type",
  "dealFlag",
  "source",
  "stage",
  "ownerLoginNo",
  "labels",
  "score",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_MAX_ROWS = 5_000;
export const IMPORT_CHUNK_SIZE = 500;

export interface RowError {
  /** the import field the error is about, when known */
  field?: string;
  reason?: Reason;
  message: string;
  params?: ErrorParams;
}

export interface RowOutcome {
  line: number;
  /** the created customer's id (a real import) */
  id?: number;
  errors: RowError[];
}

export interface ImportResult {
  dryRun: boolean;
  created: number;
  skipped: number;
  rows: RowOutcome[];
}

