"use client";

import { Command } from "cmdk";
import { ChevronsUpDown, Loader2 } from "lucide-react";
import { Popover } from "radix-ui";
import { useEffect, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

export interface ComboboxOption {
  id: number;
  label: string;
  /** a second line (phone, member count) */
  hint?: string;
  disabled?: boolean;
  /** a badge at the right ("Member") */
  badge?: string;
}

export interface SearchComboboxProps {
  /** the button's content while closed */
  trigger: ReactNode;
  /** the button's accessible name */
  label: string;
  placeholder: string;
  emptyText: string;
  loadingText: string;
  /** the options for the (debounced) search text; the server filters, cmdk does not */
  useOptions: (search: string) => { options: ComboboxOption[]; isFetching: boolean };
  onSelect: (option: ComboboxOption) => void;
  disabled?: boolean;
  className?: string;
  /** the button's id, for a form's <label htmlFor> */
  id?: string;
  /** the current choice is wrong (a form shows why beside it) */
  invalid?: boolean;
}

/** A button that opens a server-side search (cmdk in a Radix popover): customers to add, groups to join. */
export function SearchCombobox({ trigger, label, placeholder, emptyText, loadingText, useOptions, onSelect, disabled, className, id, invalid }: SearchComboboxProps) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [search, setSearch] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const { options, isFetching } = useOptions(open ? search : "");
  return (
    <Popover.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setText("");
      }}
    >
      <Popover.Trigger asChild>
        <Button
          id={id}
          variant="outline"
          role="combobox"
          aria-expanded={open}
          aria-label={label}
          aria-invalid={invalid || undefined}
          disabled={disabled}
          className={cn("justify-between", invalid && "border-destructive text-destructive", className)}
        >
          {trigger}
          <ChevronsUpDown className="opacity-50" />
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="start" sideOffset={4} className="z-50 w-80 rounded-md border bg-popover p-0 text-popover-foreground shadow-md">
          <Command shouldFilter={false} label={label}>
            <div className="flex items-center border-b px-3">
              <Command.Input value={text} onValueChange={setText} placeholder={placeholder} className="h-9 w-full bg-transparent text-sm outline-none placeholder:text-muted-foreground" />
              {isFetching && <Loader2 className="size-4 animate-spin text-muted-foreground" aria-label={loadingText} />}
            </div>
            <Command.List className="max-h-72 overflow-y-auto p-1">
              {!isFetching && <Command.Empty className="py-6 text-center text-sm text-muted-foreground">{emptyText}</Command.Empty>}
              {options.map((o) => (
                <Command.Item
                  key={o.id}
                  value={String(o.id)}
                  disabled={o.disabled}
                  onSelect={() => {
                    onSelect(o);
                    setOpen(false);
                    setText("");
                  }}
                  className="flex cursor-pointer items-center justify-between gap-2 rounded-sm px-2 py-1.5 text-sm data-[disabled=true]:cursor-default data-[disabled=true]:opacity-50 data-[selected=true]:bg-accent data-[selected=true]:text-accent-foreground"
                >
                  <span className="grid min-w-0">
                    <span className="truncate">{o.label}</span>
                    {o.hint && <span className="truncate text-xs text-muted-foreground">{o.hint}</span>}
                  </span>
                  {o.badge && <span className="shrink-0 text-xs text-muted-foreground">{o.badge}</span>}
                </Command.Item>
              ))}
            </Command.List>
          </Command>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
