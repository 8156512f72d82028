/** What every new tenant starts with: lifecycle stages, event categories and the seed's option lists. */
export const DEFAULT_STAGES = [
  { name: "新客户", sort: 1 },
  { name: "意向客户", sort: 2 },
  { name: "成交客户", sort: 3 },
  { name: "复购客户", sort: 4 },
  { name: "流失客户", sort: 5 },
];

export const DEFAULT_EVENT_CATEGORIES = [
  { code: "trade", name: "交易行为", sort: 1 },
  { code: "interact", name: "互动行为", sort: 2 },
];

/** Seed 002's filter_customers example values. */
export const DEFAULT_OPTIONS: Record<"custFrom" | "custType" | "dealFlag", { name: string; value: string }[]> = {
  custFrom: [
    { name: "天猫", value: "0" },
    { name: "京东", value: "1" },
    { name: "百度", value: "2" },
    { name: "线下", value: "3" },
    { name: "代理商", value: "4" },
    { name: "老客户介绍", value: "5" },
  ],
  custType: [
    { name: "潜在客户", value: "0" },
    { name: "签约客户", value: "1" },
    { name: "重复购买", value: "2" },
    { name: "流失客户", value: "3" },
  ],
  dealFlag: [
    { name: "未处理", value: "0" },
    { name: "不需要", value: "2" },
    { name: "无法接通", value: "8" },
    { name: "继续跟踪", value: "10" },
    { name: "客户签约", value: "11" },
  ],
};
