/**
 * Register files (project lists, enterprise registers) as bureaus lay them out, as sheet specs for the writers of
 * other-writers.ts (flat ODS through LibreOffice, or parts as Excel and WPS write them): a list whose stage column has
 * a header no list foresaw, and header blocks — a title, a 填报单位 line, two header rows with merged parents, a row
 * of column numbers, a 合计 row and a note under the table.
 */
import { orgCodeCheckChar, usccCheckChar } from '../../shared/rules/uscc';
import type { SheetSpec } from './other-writers';

/** A valid 统一社会信用代码 for a test firm (its 组织机构代码 part valid too), one per `n`. */
export function testUscc(n: number): string {
  const body = `MA${String(n).padStart(6, '0')}`;
  const first17 = `91320100${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

/**
 * The project list: the stage words sit under 项目进展情况 (which reads as 备注 by its header), a 是/否
 * column under 是否境外资金 looks like 是否再投资, and 联系电话 is a column no field takes.
 */
export const STAGE_BY_CONTENT = {
  rows: [
    { name: '丰和精密轴承扩产项目', country: '日本', stage: '签约', stageCode: 'signed', flag: '是' },
    { name: '莱茵医疗器械研发中心', country: '德国', stage: '在谈', stageCode: 'negotiating', flag: '否' },
    { name: '新港冷链物流基地', country: '新加坡', stage: '已开工', stageCode: 'construction', flag: '否' },
    { name: '韩华光伏组件二期', country: '韩国', stage: '竣工投产', stageCode: 'operating', flag: '是' },
    { name: '维港数据中心项目', country: '中国香港', stage: '落地', stageCode: 'registered', flag: '否' },
  ],
  sheet(): SheetSpec {
    return {
      name: '项目清单',
      rows: [
        ['江北区2025年重点外资项目清单'],
        ['序号', '项目名称', '外方投资者', '国别', '项目进展情况', '是否境外资金', '联系电话'],
        ...this.rows.map((r, i): Array<string | number> => [i + 1, r.name, `${r.name.slice(0, 2)}株式会社`, r.country, r.stage, r.flag, `0519-8800${i}`]),
      ],
      merges: ['A1:G1'],
    };
  },
};

/** A project list with a header block: title, 填报单位, parents over children, a row of column numbers, 合计 and a note. */
export const PROJECT_BLOCK = {
  rows: [
    { name: '安川机器人华东基地', investor: '安川电机株式会社', country: '日本', total: 12000, contracted: 5000, stage: '洽谈中', stageCode: 'negotiating' },
    { name: '巴斯夫特种化学品项目', investor: '巴斯夫欧洲公司', country: '德国', total: 30000, contracted: 18000, stage: '已签约', stageCode: 'signed' },
    { name: '星展金融科技中心', investor: '星展银行', country: '新加坡', total: 8000, contracted: 8000, stage: '在建', stageCode: 'construction' },
  ],
  sheet(): SheetSpec {
    const sum = (k: 'total' | 'contracted') => this.rows.reduce((s, r) => s + r[k], 0);
    return {
      name: '重点项目',
      rows: [
        ['2025年重点外资项目推进情况表'],
        ['填报单位：江北区商务局', null, null, null, null, null, '单位：万美元'],
        ['序号', '项目名称', '外方情况', null, '投资额', null, '项目阶段', '备注'],
        [null, null, '外方投资者', '国别（地区）', '总投资', '合同外资', null, null],
        ['甲', '乙', '1', '2', '3', '4', '5', '6'],
        ...this.rows.map((r, i): Array<string | number | null> => [i + 1, r.name, r.investor, r.country, r.total, r.contracted, r.stage, null]),
        ['合计', null, null, null, sum('total'), sum('contracted'), null, null],
        ['注：金额单位为万美元，阶段按最新进展填写。'],
      ],
      merges: ['A1:H1', 'A3:A4', 'B3:B4', 'C3:D3', 'E3:F3', 'G3:G4', 'H3:H4'],
    };
  },
};

/** An enterprise register with a header block, and 外资比例 written as a bureau would: 81, 45%, 0.3 (a percent cell). */
export const ENTERPRISE_BLOCK = {
  rows: [
    { name: '苏州安川机电有限公司', uscc: testUscc(1), investor: '安川电机株式会社', country: '日本', capital: 2000, share: 81 as number | string, expectedShare: 81 },
    { name: '江北巴斯夫化工有限公司', uscc: testUscc(2), investor: '巴斯夫欧洲公司', country: '德国', capital: 5000, share: '45%', expectedShare: 45 },
    { name: '星展咨询（江北）有限公司', uscc: testUscc(3), investor: '星展银行', country: '新加坡', capital: 300, share: 0.3, expectedShare: 30 },
  ],
  sheet(): SheetSpec {
    return {
      name: '企业名录',
      rows: [
        ['江北区外商投资企业名录（2025年）'],
        ['企业名称', '统一社会信用代码', '外方情况', null, '注册资本（万美元）', '外资比例（%）', '联系人'],
        [null, null, '外方投资者', '国别', null, null, null],
        ['甲', '乙', '1', '2', '3', '4', '5'],
        ...this.rows.map((r) => [r.name, r.uscc, r.investor, r.country, r.capital, r.share, '王经理']),
      ],
      merges: ['A1:G1', 'A2:A3', 'B2:B3', 'C2:D2', 'E2:E3', 'F2:F3', 'G2:G3'],
    };
  },
};
