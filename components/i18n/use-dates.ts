"use client";

import { useFormatter } from "next-intl";
import { useMemo } from "react";

export const DATE = { year: "numeric", month: "2-digit", day: "2-digit" } as const;
export const DATE_TIME = { ...DATE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/**
 * Dates and times in the user's language and the tenant's time zone (next-intl's provider carries
 * both, so the server's first paint and the browser render the same text). `—` for no date.
 */
export function useDates() {
  const format = useFormatter();
  return useMemo(
    () => ({
      date: (value: string | Date | null | undefined, empty = "—") => (value ? format.dateTime(new Date(value), DATE) : empty),
      dateTime: (value: string | Date | null | undefined, empty = "—") => (value ? format.dateTime(new Date(value), DATE_TIME) : empty),
      number: (value: number) => format.number(value),
    }),
    [format],
  );
}
