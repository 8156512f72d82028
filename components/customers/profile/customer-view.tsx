"use client";

import { useTranslations } from "next-intl";
import { Suspense } from "react";
import { CustomerSegmentsCard } from "@/components/segments/customer-segments-card";
import { CustomerRunsCard } from "@/components/scenarios/customer-runs-card";
import { CustomerTimeline } from "@/components/timeline/customer-timeline";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { CustomerProfile } from "@/lib/customers/serializers";
import type { Author } from "@/lib/feeds/authors";
import { AddHistoryDialog, HISTORY_KINDS } from "./add-history-dialog";
import { EditCustomerSheet, type AssignmentRefs } from "./edit-customer-sheet";
import { ProfileCard } from "./profile-card";
import { RecordEventDialog } from "./record-event-dialog";
import { useCustomer, useEventTypes } from "./use-customer";

/** The customer page: the profile on the left, the actions and the one timeline on the right. A viewer gets no write controls. */
interface CustomerViewProps {
  initial: CustomerProfile;
  /** present when the user may write */
  assignment?: AssignmentRefs;
  /** who created the customer, named by the server */
  createdBy: Author | null;
}

export function CustomerView({ initial, assignment, createdBy }: CustomerViewProps) {
  const t = useTranslations("customer");
  const tt = useTranslations("timeline");
  const canWrite = assignment !== undefined;
  const customer = useCustomer(initial.id, initial).data ?? initial;
  const eventTypes = useEventTypes().data ?? [];
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(18rem,24rem)_1fr]">
      <div>
        <ProfileCard customer={customer} createdBy={createdBy} actions={assignment ? <EditCustomerSheet customer={customer} assignment={assignment} /> : undefined} />
        <CustomerSegmentsCard customerId={customer.id} />
        <CustomerRunsCard customerId={customer.id} canWrite={canWrite} />
      </div>
      <Card>
        <CardHeader className="flex-row flex-wrap items-center justify-between gap-3">
          <CardTitle>{tt("title")}</CardTitle>
          {canWrite && (
            <div className="flex flex-wrap gap-2" role="group" aria-label={t("addToTimeline")}>
              {HISTORY_KINDS.map((k) => (
                <AddHistoryDialog key={k} customerId={customer.id} kind={k} />
              ))}
              <RecordEventDialog customerId={customer.id} eventTypes={eventTypes} />
            </div>
          )}
        </CardHeader>
        <CardContent>
          <Suspense fallback={<Skeleton className="h-40 w-full" />}>
            <CustomerTimeline customerId={customer.id} eventTypes={eventTypes} />
          </Suspense>
        </CardContent>
      </Card>
    </div>
  );
}
