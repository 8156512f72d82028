"use client";

import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { FlowEditor } from "./flow-editor";
import { RunsPanel } from "./runs-panel";
import { TriggerPanel } from "./trigger-panel";
import { useCustomEvents, useScenario, type Scenario } from "./use-scenarios";

const TABS = ["flow", "runs", "trigger"];

/**
 * A saved scenario: its flow, its runs (and who waits where), and, for a custom-event trigger, the
 * panel that fires it. `?tab=runs&run=<id>` (a customer's timeline links so) opens the run history at that run.
 */
export function ScenarioView({ initial, canWrite }: { initial: Scenario; canWrite: boolean }) {
  const t = useTranslations("scenarios");
  const sp = useSearchParams();
  const [tab, setTab] = useState(() => (TABS.includes(sp.get("tab") ?? "") ? sp.get("tab")! : "flow"));
  const runId = Number(sp.get("run"));
  const scenario = useScenario(initial.id, initial).data ?? initial;
  const trigger = scenario.document.trigger;
  const customEvent = (useCustomEvents().data ?? []).find((c) => "customEvent" in trigger && c.id === trigger.customEvent);
  return (
    <Tabs value={tab === "trigger" && !(canWrite && customEvent) ? "flow" : tab} onValueChange={setTab}>
      <TabsList>
        <TabsTrigger value="flow">{t("tabs.flow")}</TabsTrigger>
        <TabsTrigger value="runs">{t("tabs.runs")}</TabsTrigger>
        {canWrite && customEvent && <TabsTrigger value="trigger">{t("tabs.trigger")}</TabsTrigger>}
      </TabsList>
      <TabsContent value="flow" className="pt-2">
        {/* keyed by version and status: a save or a state change brings the server's document */}
        <FlowEditor key={`${scenario.version}-${scenario.status}`} scenario={scenario} canWrite={canWrite} />
      </TabsContent>
      <TabsContent value="runs" className="pt-2">
        <RunsPanel scenarioId={scenario.id} canWrite={canWrite} focusRunId={Number.isInteger(runId) && runId > 0 ? runId : undefined} />
      </TabsContent>
      {canWrite && customEvent && (
        <TabsContent value="trigger" className="pt-2">
          <Card>
            <CardHeader>
              <CardTitle>{t("trigger.title", { name: customEvent.name })}</CardTitle>
            </CardHeader>
            <CardContent>
              <TriggerPanel customEvent={customEvent} />
            </CardContent>
          </Card>
        </TabsContent>
      )}
    </Tabs>
  );
}
