import fs from 'node:fs';
import path from 'node:path';
import { convertWithLibreOffice } from './fdi-fixtures';

/**
 * A key-project list as a bureau might keep it, in sectors the 2024 negative list prohibits, restricts, partly
 * covers, or leaves open. The names are invented; `access` and `measure` are what the list says of each industry.
 */
export const POLICY_PROJECTS = [
  { name: '环球财经资讯华东分社项目', investor: '英国某财经资讯集团', country: '英国', code: '8610', industry: '新闻业', access: 'prohibited', measure: 23 },
  { name: '跨境图书合作出版项目', investor: '新加坡某出版集团', country: '新加坡', code: '8621', industry: '图书出版', access: 'prohibited', measure: 24 },
  { name: '国际影视制作基地项目', investor: '美国某影业公司', country: '美国', code: '8730', industry: '影视节目制作', access: 'prohibited', measure: 26 },
  { name: '九年一贯制国际学校项目', investor: '香港某教育集团', country: '中国香港', code: '8321', industry: '普通小学教育', access: 'prohibited', measure: 21 },
  { name: '卷烟批发分销中心项目', investor: '日本某烟草商社', country: '日本', code: '5128', industry: '烟草制品批发', access: 'prohibited', measure: 7 },
  { name: '沿海核电站二期合资项目', investor: '法国某能源集团', country: '法国', code: '4414', industry: '核力发电', access: 'restricted', measure: 6 },
  { name: '中外合资综合医院项目', investor: '香港某医疗集团', country: '中国香港', code: '8411', industry: '综合医院', access: 'restricted', measure: 22 },
  { name: '内河集装箱航运公司项目', investor: '新加坡某航运公司', country: '新加坡', code: '5523', industry: '内河货物运输', access: 'restricted', measure: 8 },
  { name: '移动通信转售业务项目', investor: '韩国某电信公司', country: '韩国', code: '6312', industry: '移动电信服务', access: 'restricted', measure: 12 },
  { name: '消费者市场调查公司项目', investor: '美国某市场研究公司', country: '美国', code: '7242', industry: '市场调查', access: 'restricted', measure: 15 },
  { name: '涉外律师事务所代表处项目', investor: '英国某律师事务所', country: '英国', code: '7231', industry: '律师及相关法律服务', access: 'partial', measure: 14 },
  { name: '新能源汽车电驱系统项目', investor: '德国某汽车零部件公司', country: '德国', code: '3670', industry: '汽车零部件及配件制造', access: null, measure: null },
  { name: '工业机器人研发制造项目', investor: '日本某机器人公司', country: '日本', code: '3491', industry: '工业机器人制造', access: null, measure: null },
  { name: '高端医疗影像设备生产基地', investor: '美国某医疗器械公司', country: '美国', code: '3581', industry: '医疗诊断、监护及治疗设备制造', access: null, measure: null },
  { name: '跨境电商智能仓储项目', investor: '新加坡某物流公司', country: '新加坡', code: '5920', industry: '通用仓储', access: null, measure: null },
  { name: '工业软件研发中心项目', investor: '印度某软件公司', country: '印度', code: '6513', industry: '应用软件开发', access: null, measure: null },
] as const;

const STAGES = ['洽谈', '签约', '线索', '洽谈'];

/**
 * Writes the list the way a bureau's spreadsheet would (title line, 填报单位, header, rows, a note under the table)
 * and has LibreOffice save it as .xlsx, so it is read as a file no code of ours wrote. Returns the .xlsx path.
 */
export function writePolicyProjectList(dir: string): string {
  const lines = [
    ['2026年重点外资项目推进清单'],
    ['填报单位：某市商务局外资科', '', '', '', '', '', '单位：万美元'],
    ['序号', '项目名称', '外方投资者', '国别（地区）', '行业代码', '所属行业', '项目阶段', '总投资', '责任单位'],
    ...POLICY_PROJECTS.map((p, i) => [String(i + 1), p.name, p.investor, p.country, p.code, p.industry, STAGES[i % STAGES.length]!, String(1000 * (i + 1)), '投资促进中心']),
    ['注：行业代码按《国民经济行业分类》（GB/T 4754-2017）填写。'],
  ];
  const csv = path.join(dir, '重点外资项目清单.csv');
  fs.writeFileSync(csv, lines.map((l) => l.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n');
  return convertWithLibreOffice([csv], path.join(dir, 'libreoffice'))[0]!;
}
