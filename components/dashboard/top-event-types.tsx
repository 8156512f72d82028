import { EmptyState } from "@/components/ui/empty-state";
import type { EventTypeCount } from "@/lib/dashboard/schemas";

/** The most recorded event types, each with its share of the largest as a bar. */
export function TopEventTypes({ items }: { items: EventTypeCount[] }) {
  if (items.length === 0) {
    return <EmptyState title="No events yet" description="Events recorded through the API show up here." className="border-0 py-6" />;
  }
  const max = Math.max(...items.map((i) => i.count));
  const fmt = new Intl.NumberFormat();
  return (
    <ol className="space-y-3" aria-label="Top event types">
      {items.map((t) => (
        <li key={t.eventTypeId} className="space-y-1">
          <div className="flex items-baseline justify-between gap-3 text-sm">
            <span className="min-w-0 truncate">
              <span className="font-medium">{t.name}</span>{" "}
              <span className="font-mono text-xs text-muted-foreground">{t.eventKey}</span>
            </span>
            <span className="tabular-nums">{fmt.format(t.count)}</span>
          </div>
          <div className="h-1.5 rounded-full bg-muted">
            <div className="h-1.5 rounded-full bg-primary" style={{ width: `${Math.max(2, (t.count / max) * 100)}%` }} />
          </div>
        </li>
      ))}
    </ol>
  );
}
