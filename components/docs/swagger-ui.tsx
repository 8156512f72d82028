"use client";

import { FileWarning, LoaderCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import Script from "next/script";
import { useEffect, useRef, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";

/** The part of swagger-ui-bundle.js's global that this page uses. */
interface SwaggerUIBundleFn {
  (options: {
    domNode: HTMLElement;
    spec: unknown;
    deepLinking?: boolean;
    presets?: unknown[];
    layout?: string;
    docExpansion?: "list" | "full" | "none";
    defaultModelsExpandDepth?: number;
    tryItOutEnabled?: boolean;
    persistAuthorization?: boolean;
  }): unknown;
  presets: { apis: unknown };
}

declare global {
  interface Window {
    SwaggerUIBundle?: SwaggerUIBundleFn;
  }
}

const ASSETS = "/docs/api/assets";

type SpecState = { kind: "loading" } | { kind: "ok"; spec: unknown } | { kind: "error"; status: string };

class SpecError extends Error {
  constructor(readonly status: number) {
    super(`answered ${status}`);
  }
}

/** Renders an OpenAPI document with Swagger UI, loaded from this server (works offline). */
export function SwaggerUi({ specUrl }: { specUrl: string }) {
  const t = useTranslations("apiDocs");
  const host = useRef<HTMLDivElement>(null);
  const [spec, setSpec] = useState<SpecState>({ kind: "loading" });
  const [scriptReady, setScriptReady] = useState(false);

  useEffect(() => {
    let live = true;
    fetch(specUrl, { headers: { accept: "application/json" } })
      .then(async (res) => {
        if (!res.ok) throw new SpecError(res.status);
        return res.json() as Promise<unknown>;
      })
      .then(
        (doc) => live && setSpec({ kind: "ok", spec: doc }),
        (err: unknown) => live && setSpec({ kind: "error", status: err instanceof SpecError ? String(err.status) : "—" }),
      );
    return () => {
      live = false;
    };
  }, [specUrl]);

  useEffect(() => {
    const bundle = window.SwaggerUIBundle;
    if (!scriptReady || spec.kind !== "ok" || !bundle || !host.current) return;
    bundle({
      domNode: host.current,
      spec: spec.spec,
      deepLinking: true,
      presets: [bundle.presets.apis],
      layout: "BaseLayout",
      docExpansion: "list",
      defaultModelsExpandDepth: 0,
      persistAuthorization: false,
    });
  }, [scriptReady, spec]);

  return (
    <>
      {/* React 19 hoists this into <head> and waits for it before showing the content */}
      <link rel="stylesheet" href={`${ASSETS}/swagger-ui.css`} precedence="default" />
      <Script src={`${ASSETS}/swagger-ui-bundle.js`} strategy="afterInteractive" onReady={() => setScriptReady(true)} />
      {spec.kind === "error" ? (
        <EmptyState
          icon={FileWarning}
          title={t("loadFailed")}
          description={t("loadFailedHint", { status: spec.status, url: specUrl })}
        />
      ) : spec.kind === "loading" || !scriptReady ? (
        <div className="flex items-center gap-2 py-10 text-sm text-muted-foreground">
          <LoaderCircle className="size-4 animate-spin" /> {t("loading")}
        </div>
      ) : null}
      <div ref={host} className="swagger-host rounded-lg border bg-white" hidden={spec.kind !== "ok" || !scriptReady} />
    </>
  );
}
