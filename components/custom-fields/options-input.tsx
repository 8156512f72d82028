"use client";

import { useState, type ComponentProps } from "react";
import { Textarea } from "@/components/ui/textarea";

interface OptionsInputProps extends Omit<ComponentProps<"textarea">, "value" | "onChange"> {
  value: string[] | null | undefined;
  onChange: (options: string[]) => void;
}

/**
 * A select field's allowed values, one per line. The text is kept as typed (so a new line can be
 * started); the form receives the non-blank lines.
 */
export function OptionsInput({ value, onChange, ...props }: OptionsInputProps) {
  const [text, setText] = useState(() => (value ?? []).join("\n"));
  return (
    <Textarea
      {...props}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(
          e.target.value
            .split("\n")
            .map((line) => line.trim())
            .filter(Boolean),
        );
      }}
    />
  );
}
