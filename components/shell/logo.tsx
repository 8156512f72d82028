import { cn } from "@/lib/utils";

/** The console's mark and name. */
export function Logo({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <svg viewBox="0 0 24 24" aria-hidden className="size-6 text-primary">
        <rect x="2" y="2" width="20" height="20" rx="6" fill="currentColor" />
        <circle cx="9" cy="10" r="2.2" fill="var(--primary-foreground)" />
        <circle cx="15.5" cy="9" r="1.6" fill="var(--primary-foreground)" opacity="0.8" />
        <circle cx="14" cy="15.5" r="2" fill="var(--primary-foreground)" opacity="0.9" />
      </svg>
      CDP Console
    </span>
  );
}
