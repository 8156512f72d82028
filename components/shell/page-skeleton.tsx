import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * What a console page shows while its server component loads (a route's loading.tsx): the shape of
 * the page to come, announced once to screen readers.
 */
export async function PageSkeleton({ variant }: { variant: "list" | "detail" | "dashboard" | "form" | "cards" }) {
  const t = await getTranslations("common");
  return (
    <div aria-busy="true" data-testid="page-skeleton">
      <span className="sr-only" role="status">
        {t("loading")}
      </span>
      <div className="mb-6 space-y-2">
        <Skeleton className="h-8 w-56" />
        <Skeleton className="h-4 w-full max-w-md" />
      </div>
      {variant === "list" && (
        <div className="space-y-3">
          <Skeleton className="h-9 w-full max-w-xs" />
          <div className="space-y-2 rounded-lg border p-3">
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} className="h-8 w-full" />
            ))}
          </div>
        </div>
      )}
      {variant === "detail" && (
        <div className="grid gap-6 lg:grid-cols-[minmax(18rem,24rem)_1fr]">
          <Skeleton className="h-96 w-full" />
          <div className="space-y-3">
            <Skeleton className="h-10 w-full" />
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} className="h-20 w-full" />
            ))}
          </div>
        </div>
      )}
      {variant === "dashboard" && (
        <div className="space-y-6">
          <div className="grid gap-4 sm:grid-cols-3">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-28 w-full" />
            ))}
          </div>
          <div className="grid gap-4 lg:grid-cols-3">
            <Skeleton className="h-80 w-full lg:col-span-2" />
            <Skeleton className="h-80 w-full" />
          </div>
        </div>
      )}
      {variant === "form" && (
        <div className="grid max-w-5xl gap-4 md:grid-cols-2">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-16 w-full" />
          ))}
        </div>
      )}
      {variant === "cards" && (
        <div className="grid gap-3 sm:grid-cols-2">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-24 w-full" />
          ))}
        </div>
      )}
    </div>
  );
}
