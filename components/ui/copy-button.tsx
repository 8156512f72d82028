"use client";

import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  // Plain-http hosts have no Clipboard API: fall back to a hidden textarea.
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy failed");
}

/** An icon button copying `value`, with a tick for a moment after. */
export function CopyButton({ value, label, ...props }: { value: string; label?: string } & Omit<ButtonProps, "value" | "onClick">) {
  const tc = useTranslations("common");
  label ??= tc("copy");
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(t);
  }, [copied]);
  return (
    <Button
      variant="ghost"
      size="icon-sm"
      aria-label={copied ? tc("copied") : label}
      title={label}
      onClick={() =>
        copyText(value).then(
          () => setCopied(true),
          () => toast.error(tc("copyFailed")),
        )
      }
      {...props}
    >
      {copied ? <Check className="text-success" /> : <Copy />}
    </Button>
  );
}
