"use client";

import { Area, AreaChart, ResponsiveContainer } from "recharts";

/** Entries per day over 30 days, as a tiny area without axes; the total is said beside it. */
export function Sparkline({ data, label }: { data: { day: string; entries: number }[]; label: string }) {
  return (
    <div className="h-8 w-28" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 2, right: 0, bottom: 2, left: 0 }}>
          <Area type="monotone" dataKey="entries" stroke="var(--primary)" fill="var(--primary)" fillOpacity={0.15} strokeWidth={1.5} isAnimationActive={false} dot={false} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
