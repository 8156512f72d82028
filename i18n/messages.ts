// The console's texts, one file per namespace and language under messages/<locale>/<namespace>.json.
// Add a namespace by importing both files here; lib/i18n/messages.test.ts fails when a key exists in
// one language and not the other.
import enAudit from "@/messages/en/audit.json";
import enCommon from "@/messages/en/common.json";
import enCustomers from "@/messages/en/customers.json";
import enErrors from "@/messages/en/errors.json";
import enPalette from "@/messages/en/palette.json";
import enShell from "@/messages/en/shell.json";
import enUsers from "@/messages/en/users.json";
import zhAudit from "@/messages/zh-CN/audit.json";
import zhCommon from "@/messages/zh-CN/common.json";
import zhCustomers from "@/messages/zh-CN/customers.json";
import zhErrors from "@/messages/zh-CN/errors.json";
import zhPalette from "@/messages/zh-CN/palette.json";
import zhShell from "@/messages/zh-CN/shell.json";
import zhUsers from "@/messages/zh-CN/users.json";
import type { Locale } from "@/lib/i18n/locales";

const en = {
  audit: enAudit,
  common: enCommon,
  customers: enCustomers,
  errors: enErrors,
  palette: enPalette,
  shell: enShell,
  users: enUsers,
};

export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = {
  en,
  "zh-CN": {
    audit: zhAudit,
    common: zhCommon,
    customers: zhCustomers,
    errors: zhErrors,
    palette: zhPalette,
    shell: zhShell,
    users: zhUsers,
  },
};
