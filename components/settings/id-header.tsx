/** A column header with the field's human name first and its API name as a secondary hint. */
export function ApiNameHeader({ label, apiName }: { label: string; apiName: string }) {
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-1">
      {label}
      <span className="font-mono text-[11px] font-normal text-muted-foreground">({apiName})</span>
    </span>
  );
}
