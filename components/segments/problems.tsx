"use client";

import { AlertCircle } from "lucide-react";
import { createContext, useContext } from "react";

/**
 * Problems of the rule being edited, by their path in the rule (`all.2.where.0.attr`): what is still
 * missing (worded here) and what the server refused (its details). Each row shows its own.
 */
export interface RuleProblems {
  missing: Set<string>;
  /** the server's details: path → messages */
  refused: Map<string, string[]>;
}

export const ProblemsContext = createContext<RuleProblems>({ missing: new Set(), refused: new Map() });

/** The problems at `path` and, unless `exact`, under it (but not under `except`). */
export function useProblemsAt(path: string, opts: { exact?: boolean; except?: string } = {}) {
  const { missing, refused } = useContext(ProblemsContext);
  const mine = (p: string) =>
    (p === path || (!opts.exact && (path === "" || p.startsWith(`${path}.`)))) && !(opts.except && p.startsWith(opts.except));
  return {
    missing: [...missing].some(mine),
    refused: [...refused].filter(([p]) => mine(p)).flatMap(([, m]) => m),
    /** is this exact spot (a value, an attribute) refused or missing? */
    at: (p: string) => missing.has(p) || refused.has(p),
  };
}

export function RowProblems({ refused, missingText }: { refused: string[]; missingText?: string }) {
  if (!refused.length && !missingText) return null;
  return (
    <div className="mt-1.5 space-y-0.5 text-xs">
      {refused.map((m, i) => (
        <p key={i} role="alert" data-testid="rule-problem" className="flex items-center gap-1 text-destructive">
          <AlertCircle className="size-3.5 shrink-0" />
          {m}
        </p>
      ))}
      {!refused.length && missingText && <p className="text-muted-foreground">{missingText}</p>}
    </div>
  );
}
