/**
 * The one list of customer-event attribute types, exactly as seed 000 writes them (input is accepted
 * in any case). Event types declare them, recorded attributes are checked and typed by them
 * (`value` → numValue, `Date`/`DateTime` → timeValue), and the events dialect's wire schemas use them.
 */
export const ATTRIBUTE_TYPES = ["text", "value", "Date", "DateTime"] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

const BY_LOWER = new Map<string, AttributeType>(ATTRIBUTE_TYPES.map((t) => [t.toLowerCase(), t]));

/** "TEXT" → "text", "datetime" → "DateTime"; null for anything else. */
export function canonicalAttributeType(raw: string): AttributeType | null {
  return BY_LOWER.get(raw.trim().toLowerCase()) ?? null;
}
