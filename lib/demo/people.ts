import type { Random } from "./random";

/**
 * Plausible Chinese customers for the demo: names (with pinyin for e-mail addresses), unique mobile
 * numbers, companies and addresses. Common surnames come first and are picked more often.
 */
const SURNAMES: [string, string][] = [
  ["王", "wang"], ["李", "li"], ["张", "zhang"], ["刘", "liu"], ["陈", "chen"], ["杨", "yang"], ["黄", "huang"],
  ["赵", "zhao"], ["吴", "wu"], ["周", "zhou"], ["徐", "xu"], ["孙", "sun"], ["马", "ma"], ["朱", "zhu"],
  ["胡", "hu"], ["郭", "guo"], ["何", "he"], ["林", "lin"], ["高", "gao"], ["罗", "luo"], ["郑", "zheng"],
  ["梁", "liang"], ["谢", "xie"], ["宋", "song"], ["唐", "tang"], ["韩", "han"], ["冯", "feng"], ["邓", "deng"],
  ["曹", "cao"], ["彭", "peng"], ["曾", "zeng"], ["萧", "xiao"], ["田", "tian"], ["董", "dong"], ["潘", "pan"],
];

const GIVEN: [string, string][] = [
  ["伟", "wei"], ["芳", "fang"], ["娜", "na"], ["敏", "min"], ["静", "jing"], ["丽", "li"], ["强", "qiang"],
  ["磊", "lei"], ["军", "jun"], ["洋", "yang"], ["勇", "yong"], ["艳", "yan"], ["杰", "jie"], ["娟", "juan"],
  ["涛", "tao"], ["明", "ming"], ["超", "chao"], ["秀", "xiu"], ["霞", "xia"], ["平", "ping"], ["刚", "gang"],
  ["英", "ying"], ["华", "hua"], ["玲", "ling"], ["建", "jian"], ["文", "wen"], ["婷", "ting"], ["雪", "xue"],
  ["鹏", "peng"], ["晨", "chen"], ["宇", "yu"], ["浩", "hao"], ["欣", "xin"], ["怡", "yi"], ["子", "zi"],
  ["涵", "han"], ["轩", "xuan"], ["思", "si"], ["佳", "jia"], ["俊", "jun"], ["嘉", "jia"], ["博", "bo"],
  ["慧", "hui"], ["琳", "lin"], ["凯", "kai"], ["瑶", "yao"], ["昊", "hao"], ["晓", "xiao"], ["颖", "ying"],
];

const MAIL_DOMAINS: [string, number][] = [
  ["qq.com", 10], ["163.com", 8], ["126.com", 3], ["sina.com", 1], ["outlook.com", 2], ["gmail.com", 1], ["foxmail.com", 2],
];

const MOBILE_PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "157", "158", "159", "166", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187", "188", "189", "198", "199"];

export const COMPANIES = [
  "上海云启信息科技有限公司", "杭州青禾电子商务有限公司", "深圳前海微联科技有限公司", "北京博远管理咨询有限公司",
  "苏州恒达贸易有限公司", "南京知行教育科技有限公司", "广州悦享餐饮管理有限公司", "成都蜀光文化传媒有限公司",
  "武汉楚天物流有限公司", "宁波海曙进出口有限公司", "厦门鹭岛健康科技有限公司", "无锡锡山智能制造有限公司",
];

/** City → its province and a few districts; events carry the same geography. */
export const PLACES: { province: string; city: string; districts: string[]; weight: number }[] = [
  { province: "上海市", city: "上海市", districts: ["浦东新区", "徐汇区", "静安区", "闵行区", "长宁区"], weight: 9 },
  { province: "浙江省", city: "杭州市", districts: ["西湖区", "滨江区", "余杭区", "拱墅区"], weight: 6 },
  { province: "北京市", city: "北京市", districts: ["朝阳区", "海淀区", "东城区", "丰台区"], weight: 6 },
  { province: "广东省", city: "深圳市", districts: ["南山区", "福田区", "宝安区", "龙岗区"], weight: 5 },
  { province: "广东省", city: "广州市", districts: ["天河区", "越秀区", "海珠区"], weight: 4 },
  { province: "江苏省", city: "南京市", districts: ["鼓楼区", "建邺区", "玄武区"], weight: 3 },
  { province: "江苏省", city: "苏州市", districts: ["工业园区", "姑苏区", "吴中区"], weight: 3 },
  { province: "四川省", city: "成都市", districts: ["武侯区", "锦江区", "高新区"], weight: 3 },
  { province: "湖北省", city: "武汉市", districts: ["江汉区", "洪山区", "武昌区"], weight: 2 },
];

const STREETS = ["中山路", "人民路", "解放路", "建设路", "和平路", "长江路", "文化路", "科技路", "南京路", "延安路", "淮海路", "学院路"];

export interface Person {
  name: string;
  pinyin: string;
  place: (typeof PLACES)[number];
  district: string;
}

export function person(rnd: Random): Person {
  // a skew towards the common surnames: the square of a uniform number favours small indexes
  const [surname, sp] = SURNAMES[Math.floor(rnd.next() ** 2 * SURNAMES.length)];
  const chars = rnd.chance(0.75) ? [rnd.pick(GIVEN), rnd.pick(GIVEN)] : [rnd.pick(GIVEN)];
  const place = rnd.weighted(PLACES.map((p) => [p, p.weight] as const));
  return {
    name: surname + chars.map(([c]) => c).join(""),
    pinyin: sp + chars.map(([, p]) => p).join(""),
    place,
    district: rnd.pick(place.districts),
  };
}

export function address(rnd: Random, p: Person): string {
  const city = p.place.province === p.place.city ? p.place.city : `${p.place.province}${p.place.city}`;
  return `${city}${p.district}${rnd.pick(STREETS)}${rnd.int(1, 999)}号`;
}

/** Draws values until one is not in `taken`, then records it. */
export function unique(taken: Set<string>, draw: () => string): string {
  for (;;) {
    const v = draw();
    if (!taken.has(v)) {
      taken.add(v);
      return v;
    }
  }
}

export const mobile = (rnd: Random) => rnd.pick(MOBILE_PREFIXES) + rnd.digits(8);

export function email(rnd: Random, p: Person): string {
  const local = rnd.weighted<string>([
    [p.pinyin, 3],
    [`${p.pinyin}${rnd.int(1, 99)}`, 3],
    [`${p.pinyin}${rnd.int(1970, 2005)}`, 2],
    [`${p.pinyin}.${rnd.digits(3)}`, 1],
  ]);
  return `${local}@${rnd.weighted(MAIL_DOMAINS)}`;
}
