import { z } from "zod";
import { expected } from "@/lib/validation/messages";

/** Labels (标签): tenant-wide names attached to customers; created on first use. */
export const LABEL_NAME_MAX = 50;

export const labelNameSchema = z
  .string({ error: expected("a string") })
  .trim()
  .min(1, "is required")
  .max(LABEL_NAME_MAX, `must be at most ${LABEL_NAME_MAX} characters`)
  .describe("Label name, unique within the tenant");

export const createLabelSchema = z.object({ name: labelNameSchema });
export type CreateLabelInput = z.input<typeof createLabelSchema>;

export interface Label {
  id: number;
  name: string;
  customerCount: number;
}

/** "标签1,标签2" (also the full-width comma "，") → distinct trimmed names, in order. */
export function splitLabelList(text: string): string[] {
  return [...new Set(text.split(/[,，]/).map((s) => s.trim()).filter(Boolean))];
}
