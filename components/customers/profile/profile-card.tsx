"use client";

import { Mail, Phone } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useDates } from "@/components/i18n/use-dates";
import { Actor } from "@/components/timeline/actor";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Separator } from "@/components/ui/separator";
import type { CustomerProfile } from "@/lib/customers/serializers";
import type { Author } from "@/lib/feeds/authors";

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="grid grid-cols-[7.5rem_1fr] gap-2 py-1 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words" data-testid={testId}>
        {children ?? <span className="text-muted-foreground">—</span>}
      </dd>
    </div>
  );
}

/** The customer's profile at a glance: contact, classification, ownership, stage and score, custom fields. */
export function ProfileCard({ customer, createdBy, actions }: { customer: CustomerProfile; createdBy: Author | null; actions?: ReactNode }) {
  const t = useTranslations("customer.profile");
  const dates = useDates();
  return (
    <Card>
      <CardHeader className="flex-row items-start justify-between gap-3">
        <div className="min-w-0 space-y-1.5">
          <CardTitle className="text-xl" data-testid="customer-name">
            {customer.name}
          </CardTitle>
          <div className="flex flex-wrap gap-1.5" aria-label={t("labels")}>
            {customer.labels.length === 0 ? (
              <span className="text-xs text-muted-foreground">{t("noLabels")}</span>
            ) : (
              customer.labels.map((l) => (
                <Badge key={l.id} variant="secondary">
                  {l.name}
                </Badge>
              ))
            )}
          </div>
        </div>
        {actions}
      </CardHeader>
      <CardContent className="space-y-4">
        <div className="grid grid-cols-2 gap-3">
          <div className="rounded-md border p-3">
            <div className="text-xs text-muted-foreground">{t("stage")}</div>
            <div className="mt-1 font-semibold" data-testid="customer-stage">
              {customer.stage?.name ?? "—"}
            </div>
          </div>
          <div className="rounded-md border p-3">
            <div className="text-xs text-muted-foreground">{t("score")}</div>
            <div className="mt-1 font-semibold tabular-nums" data-testid="customer-score">
              {customer.score}
            </div>
          </div>
        </div>
        <dl>
          <Row label={t("phones")} testId="customer-phones">
            {customer.phones.length ? (
              <ul className="space-y-0.5">
                {customer.phones.map((p) => (
                  <li key={p.id} className="flex items-center gap-1.5 font-mono">
                    <Phone className="size-3.5 text-muted-foreground" />
                    {p.number}
                  </li>
                ))}
              </ul>
            ) : null}
          </Row>
          <Row label={t("email")}>
            {customer.email ? (
              <span className="flex items-center gap-1.5">
                <Mail className="size-3.5 text-muted-foreground" />
                {customer.email}
              </span>
            ) : null}
          </Row>
          <Row label={t("company")} testId="customer-company">
            {customer.companyName}
          </Row>
          <Row label={t("address")}>{customer.address}</Row>
          <Row label={t("crmId")}>{customer.crmId}</Row>
        </dl>
        <Separator />
        <dl>
          <Row label={t("type")}>{customer.type?.name}</Row>
          <Row label={t("dealFlag")}>{customer.dealFlag?.name}</Row>
          <Row label={t("source")}>{customer.source?.name}</Row>
          <Row label={t("owner")} testId="customer-owner">{customer.owner ? `${customer.owner.name} (${customer.owner.loginNo})` : null}</Row>
          <Row label={t("department")} testId="customer-department">{customer.department?.name}</Row>
          <Row label={t("task")} testId="customer-task">{customer.task?.name}</Row>
          <Row label={t("followUps")}>
            {customer.lastFollowTime
              ? t("lastFollowUp", { count: customer.followNum, date: dates.dateTime(customer.lastFollowTime) })
              : customer.followNum}
          </Row>
        </dl>
        {customer.customFields.length > 0 && (
          <>
            <Separator />
            <dl aria-label={t("customFields")}>
              {customer.customFields.map((f) => (
                <Row key={f.fieldId} label={f.name}>
                  {f.value}
                </Row>
              ))}
            </dl>
          </>
        )}
        <Separator />
        <p className="text-xs text-muted-foreground">
          {createdBy
            ? t.rich("createdBy", { date: dates.dateTime(customer.createdAt), actor: () => <Actor author={createdBy} /> })
            : t("created", { date: dates.dateTime(customer.createdAt) })}
          {" · "}
          {t("updated", { date: dates.dateTime(customer.updatedAt) })}
        </p>
      </CardContent>
    </Card>
  );
}
