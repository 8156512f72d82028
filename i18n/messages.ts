// The console's texts, one file per namespace and language under messages/<locale>/<namespace>.json.
// Add a namespace by importing both files here; lib/i18n/messages.test.ts fails when a file is not
// imported, or a key exists in one language and not the other.
import enApiDocs from "@/messages/en/apiDocs.json";
import enApiKeys from "@/messages/en/apiKeys.json";
import enAudit from "@/messages/en/audit.json";
import enAuth from "@/messages/en/auth.json";
import enCategories from "@/messages/en/categories.json";
import enComing from "@/messages/en/coming.json";
import enCommon from "@/messages/en/common.json";
import enCustomFields from "@/messages/en/customFields.json";
import enCustomer from "@/messages/en/customer.json";
import enCustomers from "@/messages/en/customers.json";
import enDashboard from "@/messages/en/dashboard.json";
import enDepartments from "@/messages/en/departments.json";
import enErrors from "@/messages/en/errors.json";
import enEventTypes from "@/messages/en/eventTypes.json";
import enGroups from "@/messages/en/groups.json";
import enOptions from "@/messages/en/options.json";
import enPalette from "@/messages/en/palette.json";
import enScenarios from "@/messages/en/scenarios.json";
import enSegments from "@/messages/en/segments.json";
import enSettings from "@/messages/en/settings.json";
import enShell from "@/messages/en/shell.json";
import enStages from "@/messages/en/stages.json";
import enTasks from "@/messages/en/tasks.json";
import enTimeline from "@/messages/en/timeline.json";
import enUsers from "@/messages/en/users.json";
import zhApiDocs from "@/messages/zh-CN/apiDocs.json";
import zhApiKeys from "@/messages/zh-CN/apiKeys.json";
import zhAudit from "@/messages/zh-CN/audit.json";
import zhAuth from "@/messages/zh-CN/auth.json";
import zhCategories from "@/messages/zh-CN/categories.json";
import zhComing from "@/messages/zh-CN/coming.json";
import zhCommon from "@/messages/zh-CN/common.json";
import zhCustomFields from "@/messages/zh-CN/customFields.json";
import zhCustomer from "@/messages/zh-CN/customer.json";
import zhCustomers from "@/messages/zh-CN/customers.json";
import zhDashboard from "@/messages/zh-CN/dashboard.json";
import zhDepartments from "@/messages/zh-CN/departments.json";
import zhErrors from "@/messages/zh-CN/errors.json";
import zhEventTypes from "@/messages/zh-CN/eventTypes.json";
import zhGroups from "@/messages/zh-CN/groups.json";
import zhOptions from "@/messages/zh-CN/options.json";
import zhPalette from "@/messages/zh-CN/palette.json";
import zhScenarios from "@/messages/zh-CN/scenarios.json";
import zhSegments from "@/messages/zh-CN/segments.json";
import zhSettings from "@/messages/zh-CN/settings.json";
import zhShell from "@/messages/zh-CN/shell.json";
import zhStages from "@/messages/zh-CN/stages.json";
import zhTasks from "@/messages/zh-CN/tasks.json";
import zhTimeline from "@/messages/zh-CN/timeline.json";
import zhUsers from "@/messages/zh-CN/users.json";
import type { Locale } from "@/lib/i18n/locales";

const en = {
  apiDocs: enApiDocs,
  apiKeys: enApiKeys,
  audit: enAudit,
  auth: enAuth,
  categories: enCategories,
  coming: enComing,
  common: enCommon,
  customFields: enCustomFields,
  customer: enCustomer,
  customers: enCustomers,
  dashboard: enDashboard,
  departments: enDepartments,
  errors: enErrors,
  eventTypes: enEventTypes,
  groups: enGroups,
  options: enOptions,
  palette: enPalette,
  scenarios: enScenarios,
  segments: enSegments,
  settings: enSettings,
  shell: enShell,
  stages: enStages,
  tasks: enTasks,
  timeline: enTimeline,
  users: enUsers,
};

export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = {
  en,
  "zh-CN": {
    apiDocs: zhApiDocs,
    apiKeys: zhApiKeys,
    audit: zhAudit,
    auth: zhAuth,
    categories: zhCategories,
    coming: zhComing,
    common: zhCommon,
    customFields: zhCustomFields,
    customer: zhCustomer,
    customers: zhCustomers,
    dashboard: zhDashboard,
    departments: zhDepartments,
    errors: zhErrors,
    eventTypes: zhEventTypes,
    groups: zhGroups,
    options: zhOptions,
    palette: zhPalette,
    scenarios: zhScenarios,
    segments: zhSegments,
    settings: zhSettings,
    shell: zhShell,
    stages: zhStages,
    tasks: zhTasks,
    timeline: zhTimeline,
    users: zhUsers,
  },
};
