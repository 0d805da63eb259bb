/**
 * Project lists as bureaus keep them, written at test time: a title line, a 填报单位/单位 line, a two-row header
 * with merged cells, stage and flag words as people write them, dates in several forms, a 合计 row and a note.
 * Each row carries what it should become once imported.
 */
import ExcelJS from 'exceljs';
import type { ProjectStage } from '../../shared/domain/project';

export interface MessyRow {
  cells: {
    name: string;
    investor: string;
    country: string;
    industry: string | number;
    district: string;
    platform: string;
    total: number | string;
    contracted: number | string;
    stage: string;
    reinvest: string;
    signed: Date | string | null;
    owner: string;
  };
  expected: {
    name: string;
    countryCode: string;
    industryCode: string;
    district: string;
    platform: string | null;
    totalInvestment: number;
    contractedFdi: number | null;
    stage: ProjectStage;
    reinvestment: boolean;
    signedDate: string | null;
    ownerPerson: string;
  };
}

/** Rows for the demo jurisdiction (苏州市: its districts and platforms). */
export const MESSY_ROWS: MessyRow[] = [
  {
    cells: { name: '东洋精机新能源汽车零部件项目', investor: '东洋精机株式会社', country: '日本', industry: 3670, district: '吴江区', platform: '吴江经济技术开发区', total: 12000, contracted: '5,000.5', stage: '在谈', reinvest: '否', signed: null, owner: '张伟' },
    expected: { name: '东洋精机新能源汽车零部件项目', countryCode: 'JPN', industryCode: '3670', district: '吴江区', platform: '吴江经济技术开发区', totalInvestment: 12000, contractedFdi: 5000.5, stage: 'negotiating', reinvestment: false, signedDate: null, ownerPerson: '张伟' },
  },
  {
    cells: { name: '汇丰达物流分拨中心', investor: '香港汇丰达投资有限公司', country: '香港', industry: 'G5612', district: '相城', platform: '', total: '8000', contracted: 3000, stage: '已签约', reinvest: '否', signed: new Date(Date.UTC(2025, 2, 15)), owner: '王芳' },
    expected: { name: '汇丰达物流分拨中心', countryCode: 'HKG', industryCode: '5612', district: '相城区', platform: null, totalInvestment: 8000, contractedFdi: 3000, stage: 'signed', reinvestment: false, signedDate: '2025-03-15', ownerPerson: '王芳' },
  },
  {
    cells: { name: '克劳斯机械真空泵项目', investor: '克劳斯机械股份公司', country: '德国', industry: '泵及真空设备制造', district: '虎丘区', platform: '苏州高新技术产业开发区', total: 20000, contracted: 9000, stage: '落地', reinvest: '', signed: '2025.01.20', owner: '李强' },
    expected: { name: '克劳斯机械真空泵项目', countryCode: 'DEU', industryCode: '3441', district: '虎丘区', platform: '苏州高新技术产业开发区', totalInvestment: 20000, contractedFdi: 9000, stage: 'registered', reinvestment: false, signedDate: '2025-01-20', ownerPerson: '李强' },
  },
  {
    cells: { name: '博泰电子增资扩产项目', investor: '博泰集团', country: '新加坡', industry: '3982', district: '苏州工业园区', platform: '苏州工业园区', total: 6000, contracted: '-', stage: '在建', reinvest: '是', signed: '2024年11月8日', owner: '陈静' },
    expected: { name: '博泰电子增资扩产项目', countryCode: 'SGP', industryCode: '3982', district: '苏州工业园区', platform: '苏州工业园区', totalInvestment: 6000, contractedFdi: null, stage: 'construction', reinvestment: true, signedDate: '2024-11-08', ownerPerson: '陈静' },
  },
  {
    cells: { name: '森科仪器研发中心', investor: '森科仪器股份公司', country: '瑞士', industry: 'M7320', district: '昆山市', platform: '', total: 3000.25, contracted: 3000.25, stage: '竣工投产', reinvest: '否', signed: '2023-06-30', owner: '赵磊' },
    expected: { name: '森科仪器研发中心', countryCode: 'CHE', industryCode: '7320', district: '昆山市', platform: null, totalInvestment: 3000.25, contractedFdi: 3000.25, stage: 'operating', reinvestment: false, signedDate: '2023-06-30', ownerPerson: '赵磊' },
  },
  {
    cells: { name: '韩星电子显示模组项目', investor: '韩星电子株式会社', country: '韩国', industry: 3974, district: '常熟市', platform: '常熟经济技术开发区', total: 15000, contracted: 7000, stage: '洽谈中', reinvest: '否', signed: null, owner: '黄敏' },
    expected: { name: '韩星电子显示模组项目', countryCode: 'KOR', industryCode: '3974', district: '常熟市', platform: '常熟经济技术开发区', totalInvestment: 15000, contractedFdi: 7000, stage: 'negotiating', reinvestment: false, signedDate: null, ownerPerson: '黄敏' },
  },
];

const TOP = ['序号', '项目名称', '外方投资方', '国别', '所属行业', '所在地', '', '投资额（万美元）', '', '项目进展阶段', '是否境内再投资', '签约时间', '联系人'];
const SUB = ['', '', '', '', '', '县（市、区）', '载体', '总投资', '合同外资', '', '', '', ''];

/** Writes the rows the way a bureau's list looks; `override` replaces cells of one row (for refusals). */
export async function writeMessyProjectList(file: string, rows: MessyRow[] = MESSY_ROWS, override?: { index: number; cells: Partial<MessyRow['cells']> }): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('重点项目');
  sheet.addRow(['2025年度重点外资项目推进清单']);
  sheet.mergeCells(1, 1, 1, TOP.length);
  sheet.addRow(['填报单位：苏州市商务局（盖章）', '', '', '', '', '', '', '', '', '', '单位：万美元']);
  sheet.addRow(TOP);
  sheet.addRow(SUB);
  for (const col of [1, 2, 3, 4, 5, 10, 11, 12, 13]) sheet.mergeCells(3, col, 4, col);
  sheet.mergeCells(3, 6, 3, 7);
  sheet.mergeCells(3, 8, 3, 9);
  rows.forEach((r, i) => {
    const c = override && override.index === i ? { ...r.cells, ...override.cells } : r.cells;
    sheet.addRow([i + 1, c.name, c.investor, c.country, c.industry, c.district, c.platform, c.total, c.contracted, c.stage, c.reinvest, c.signed, c.owner]);
  });
  sheet.addRow(['合计', '', '', '', '', '', '', 64000.25, 27000.75]);
  sheet.addRow([]);
  sheet.addRow(['注：项目阶段按最近一次调度填写。']);
  await workbook.xlsx.writeFile(file);
}
