import type { FirmRole, TargetPriority, TargetStatus } from '../../../shared/domain/chain';
import type { Db } from '../db/open';
import type { DemoSeeder } from '../demo/seeder';
import type { Random } from '../demo/random';
import { applyTemplate, findTemplate } from './templates';

/**
 * Demo chains (fictional, like all demo data): 新能源汽车 and 集成电路 from their templates, with local firms — some
 * linked to the demo enterprise register — targets in every status, a contact log and one override with its reason.
 */

type FirmSpec = [segment: string, name: string | { industry: string }, role: FirmRole];
type TargetSpec = [segment: string, company: string, country: string, hq: string, priority: TargetPriority, status: TargetStatus, rationale: string];

const NEV_FIRMS: FirmSpec[] = [
  ['乘用车', '苏州星驰新能源汽车有限公司', 'leader'],
  ['商用车', '吴江远航电动客车有限公司', 'backbone'],
  ['电芯', '相城锂能科技有限公司', 'backbone'],
  ['电池包（PACK）', '相城锂能科技有限公司', 'supporting'],
  ['电池包（PACK）', '苏州恒储能源系统有限公司', 'supporting'],
  ['电池管理系统（BMS）', { industry: '3982' }, 'supporting'],
  ['整车控制器（VCU）', { industry: '3982' }, 'supporting'],
  ['功率半导体（IGBT/SiC）', { industry: '3972' }, 'backbone'],
  ['热管理系统', { industry: '3670' }, 'backbone'],
  ['热管理系统', { industry: '3670' }, 'supporting'],
  ['热管理系统', { industry: '3670' }, 'supporting'],
  ['车身与轻量化部件', { industry: '3670' }, 'supporting'],
  ['底盘与制动系统', { industry: '3670' }, 'backbone'],
  ['线束与连接器', { industry: '3670' }, 'supporting'],
  ['线束与连接器', { industry: '2929' }, 'supporting'],
  ['减速器', { industry: '3670' }, 'supporting'],
  ['隔膜', { industry: '2651' }, 'supporting'],
  ['驱动电机', { industry: '3811' }, 'supporting'],
  ['智能座舱', { industry: '3974' }, 'supporting'],
  ['充电桩', '姑苏易充科技有限公司', 'supporting'],
  ['汽车金融与租赁', '苏州新驰融资租赁有限公司', 'supporting'],
];

const NEV_TARGETS: TargetSpec[] = [
  ['正极材料', '凯斯特先进材料株式会社', 'KOR', '首尔', 'high', 'negotiating', '补齐正极材料环节，配套本地电芯产能'],
  ['正极材料', '北欧锂材集团', 'SWE', '斯德哥尔摩', 'medium', 'contacted', '高镍正极技术领先，有在华设厂意向'],
  ['负极材料', '东洋碳素株式会社', 'JPN', '大阪', 'high', 'contacted', '人造石墨负极，补链'],
  ['电解液', '莱茵特种化学有限公司', 'DEU', '路德维希港', 'medium', 'untouched', '电解液及添加剂，补链'],
  ['铜箔铝箔', '新加坡金箔工业集团', 'SGP', '新加坡', 'low', 'untouched', '锂电铜箔，配套电芯'],
  ['车规级MCU', '欧芯微电子股份公司', 'NLD', '埃因霍温', 'high', 'negotiating', '车规级MCU与本地整车、电控企业配套需求大'],
  ['车载传感器', '博瑞传感技术（香港）有限公司', 'HKG', '香港', 'medium', 'signed', '毫米波雷达与超声波传感器，已签约待注册'],
  ['激光雷达与摄像头', '光视界科技公司', 'USA', '圣何塞', 'medium', 'contacted', '激光雷达补链'],
  ['自动驾驶域控制器', '智行域控科技有限公司', 'SGP', '新加坡', 'high', 'landed', '已落地苏州工业园区，正在建设'],
  ['电机控制器', '阿尔卑斯电驱动公司', 'CHE', '苏黎世', 'medium', 'untouched', '电控强链'],
  ['换电站', '台湾电能服务股份有限公司', 'TWN', '台北', 'low', 'contacted', '换电运营与设备'],
  ['电池回收与梯次利用', '绿环循环资源有限公司', 'HKG', '香港', 'medium', 'negotiating', '延链：退役电池回收与梯次利用'],
  ['锂资源及锂盐', '南方锂业控股有限公司', 'AUS', '珀斯', 'low', 'untouched', '锂盐加工，保障上游供给'],
];

const IC_FIRMS: FirmSpec[] = [
  ['传统封装', { industry: '3972' }, 'backbone'],
  ['传统封装', { industry: '3982' }, 'supporting'],
  ['芯片测试', { industry: '3982' }, 'supporting'],
  ['清洗设备', { industry: '3562' }, 'supporting'],
  ['检测与量测设备', { industry: '3562' }, 'supporting'],
  ['消费电子', { industry: '3974' }, 'backbone'],
  ['汽车电子', '苏州星驰新能源汽车有限公司', 'supporting'],
  ['模拟芯片', '苏州芯源微电子有限公司', 'backbone'],
];

const IC_TARGETS: TargetSpec[] = [
  ['先进封装', '新科先进封装（新加坡）私人有限公司', 'SGP', '新加坡', 'high', 'negotiating', '先进封装补链，与本地封测企业协同'],
  ['光刻胶', '东都化成株式会社', 'JPN', '东京', 'high', 'contacted', '光刻胶国产化配套'],
  ['电子特气', '欧洲工业气体集团', 'FRA', '巴黎', 'medium', 'untouched', '电子特气补链'],
  ['EDA工具', '硅谷设计软件公司', 'USA', '圣克拉拉', 'low', 'untouched', '设计环节生态'],
  ['硅片', '台积硅材股份有限公司', 'TWN', '新竹', 'medium', 'signed', '12英寸硅片，已签约'],
];

const CONTACT_NOTES = ['初次电话沟通，介绍园区政策', '赴对方总部拜访，交流投资意向', '对方来苏考察，参观拟选地块', '召开专题协调会，商谈投资协议要点'];

function seedChain(db: Db, rng: Random, templateKey: string, owner: string, firms: FirmSpec[], targets: TargetSpec[], today: Date): number {
  const template = findTemplate(templateKey);
  const now = today.toISOString();
  const chainId = Number(
    db
      .prepare(
        `INSERT INTO chain (name, owner, description, strong_threshold, template, is_demo, created_at, updated_at) VALUES (?, ?, ?, 3, ?, 1, ?, ?)`,
      )
      .run(template.name, owner, `${template.name}产业链（演示数据）`, template.name, now, now).lastInsertRowid,
  );
  const ids = applyTemplate(db, chainId, template);
  const enterprisesOf = db.prepare('SELECT id, name FROM enterprise WHERE industry_code = ? AND is_demo = 1 ORDER BY id');
  const used = new Set<number>();
  const insertFirm = db.prepare('INSERT INTO segment_enterprise (segment_id, enterprise_id, company_name, role, notes) VALUES (?, ?, ?, ?, ?)');
  for (const [segment, who, role] of firms) {
    const segmentId = ids.get(segment)!;
    if (typeof who === 'string') {
      insertFirm.run(segmentId, null, who, role, '');
      continue;
    }
    const pool = (enterprisesOf.all(who.industry) as { id: number; name: string }[]).filter((e) => !used.has(e.id));
    if (pool.length === 0) continue;
    const e = rng.pick(pool);
    used.add(e.id);
    insertFirm.run(segmentId, e.id, e.name, role, '');
  }
  const insertTarget = db.prepare(
    `INSERT INTO target (segment_id, company, country_code, headquarters, rationale, priority, status, owner, project_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertContact = db.prepare('INSERT INTO target_contact (target_id, date, notes, by) VALUES (?, ?, ?, ?)');
  const owners = ['张伟', '李娜', '王强', '陈静'];
  const project = db.prepare('SELECT id FROM project ORDER BY id LIMIT 1').get() as { id: number } | undefined;
  for (const [segment, company, country, hq, priority, status, rationale] of targets) {
    const linkProject = (status === 'signed' || status === 'landed') && project ? project.id : null;
    const targetId = Number(insertTarget.run(ids.get(segment)!, company, country, hq, rationale, priority, status, rng.pick(owners), linkProject, now, now).lastInsertRowid);
    const contacts = status === 'untouched' ? 0 : Math.min(CONTACT_NOTES.length, { contacted: 1, negotiating: 3, signed: 4, landed: 4 }[status]);
    for (let k = 0; k < contacts; k++) {
      const day = new Date(today.getTime() - (contacts - k) * rng.int(12, 40) * 86_400_000).toISOString().slice(0, 10);
      insertContact.run(targetId, day, CONTACT_NOTES[k]!, rng.pick(owners));
    }
  }
  return chainId;
}

export const seedDemoChains: DemoSeeder = (db, rng, _area, today) => {
  const nev = seedChain(db, rng, 'nev', '市发展改革委主任（演示）', NEV_FIRMS, NEV_TARGETS, today);
  db.prepare("UPDATE segment SET status_override = 'strong', override_reason = ? WHERE chain_id = ? AND name = '充电桩'").run(
    '全市公共充电网络已由多家运营商覆盖，本环节不再列为招商重点',
    nev,
  );
  seedChain(db, rng, 'ic', '市工业和信息化局局长（演示）', IC_FIRMS, IC_TARGETS, today);
};
