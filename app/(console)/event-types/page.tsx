import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { EventTypesTable } from "@/components/event-types/event-types-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Event types" };

export default async function EventTypesPage() {
  const user = await requireUser();
  const canWrite = can(user.role, "write");
  return (
    <>
      <PageHeader
        title="Event types"
        description="The kinds of customer events your systems record (事件类型): their key, the stage they move a customer to, their score and attributes."
        actions={
          canWrite && (
            <Button asChild>
              <Link href="/event-types/new">
                <Plus /> New event type
              </Link>
            </Button>
          )
        }
      />
      {/* the table reads ?q= and ?archived= from the URL */}
      <Suspense>
        <EventTypesTable canWrite={canWrite} />
      </Suspense>
    </>
  );
}
