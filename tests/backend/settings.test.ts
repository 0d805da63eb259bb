import { describe, expect, it } from 'vitest';
import type { BackendEvent } from '../../shared/api';
import type { District, Platform } from '../../shared/api/settings';
import type { Backend } from '../../electron/backend/create';
import { call, tempBackend } from '../helpers/backend';

type AuditRow = { user: string; action: string; entity: string; entity_id: string | null; before: string | null; after: string | null };
const audit = (b: Backend): AuditRow[] =>
  b.ctx.db.prepare('SELECT user, action, entity, entity_id, before, after FROM audit_log ORDER BY id').all() as AuditRow[];

async function refused(b: Backend, method: string, input: unknown): Promise<string> {
  const r = await b.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error.code;
}

/** Makes every audit write fail, to prove a change and its audit entry are one transaction. */
function breakAudit(b: Backend): () => void {
  b.ctx.db.exec(`CREATE TEMP TRIGGER audit_refused BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END;`);
  return () => b.ctx.db.exec('DROP TRIGGER temp.audit_refused');
}

function events(b: Backend): BackendEvent[] {
  const seen: BackendEvent[] = [];
  b.ctx.events.on((e) => seen.push(e));
  return seen;
}

/** A minimal FDI record using a district and/or a platform. */
function recordUsing(b: Backend, districtId: number | null, platformId: number | null): void {
  b.ctx.db
    .prepare(`INSERT INTO fdi_record (period, enterprise_name, mode, district_id, platform_id, created_at) VALUES ('2025-03', '甲公司', 'new', ?, ?, '2025-03-01')`)
    .run(districtId, platformId);
}

describe('settings.setJurisdiction', () => {
  it('refuses a code that is no division with DIVISION_UNKNOWN, changing nothing', async () => {
    const b = await tempBackend();
    expect(await refused(b, 'settings.setJurisdiction', { code: '3299' })).toBe('DIVISION_UNKNOWN');
    expect(await refused(b, 'settings.setJurisdiction', { code: 'abc' })).toBe('INVALID_INPUT');
    expect((await call(b, 'settings.get')).jurisdiction).toEqual({ code: null, name: '', reportingUnit: '' });
    expect(audit(b)).toEqual([]);
  });

  it('sets a city with its full name, a default reporting unit, and its counties as districts', async () => {
    const b = await tempBackend();
    const seen = events(b);
    const j = await call(b, 'settings.setJurisdiction', { code: '3205' });
    expect(j).toEqual({ code: '3205', name: '江苏省苏州市', reportingUnit: '苏州市商务局' });
    const settings = await call(b, 'settings.get');
    expect(settings.jurisdiction).toEqual(j);
    const counties = await call<{ code: string; name: string }[]>(b, 'reference.listDivisions', { parent: '3205' });
    expect(settings.districts.map((d: District) => [d.name, d.code])).toEqual(counties.map((c) => [c.name, c.code]));
    expect(seen).toContainEqual({ type: 'changed', areas: ['settings', 'audit'] });
    const [entry] = audit(b);
    expect(entry).toMatchObject({ action: 'update', entity: 'jurisdiction' });
    expect(JSON.parse(entry!.before!)).toEqual({ code: null, name: '', reportingUnit: '' });
    expect(JSON.parse(entry!.after!)).toEqual(j);
  });

  it('keeps the reporting unit given, and the districts once there are some', async () => {
    const b = await tempBackend();
    await call(b, 'settings.setJurisdiction', { code: '3205' });
    const first = (await call(b, 'settings.get')).districts;
    const j = await call(b, 'settings.setJurisdiction', { code: '3201', reportingUnit: '南京市商务局外资处' });
    expect(j).toEqual({ code: '3201', name: '江苏省南京市', reportingUnit: '南京市商务局外资处' });
    expect((await call(b, 'settings.get')).districts).toEqual(first);
  });

  it('a county has no children: no districts are made up', async () => {
    const b = await tempBackend();
    expect(await call(b, 'settings.setJurisdiction', { code: '320505' })).toEqual({ code: '320505', name: '江苏省苏州市虎丘区', reportingUnit: '虎丘区商务局' });
    expect((await call(b, 'settings.get')).districts).toEqual([]);
  });

  it('a municipality gets its real districts, not the 市辖区 placeholder level', async () => {
    const b = await tempBackend();
    expect(await call(b, 'settings.setJurisdiction', { code: '11' })).toMatchObject({ name: '北京市', reportingUnit: '北京市商务局' });
    const names = (await call(b, 'settings.get')).districts.map((d: District) => d.name);
    expect(names).toHaveLength(16);
    expect(names).toEqual(expect.arrayContaining(['东城区', '海淀区', '延庆区']));
    const chongqing = await tempBackend();
    await call(chongqing, 'settings.setJurisdiction', { code: '50' });
    const cq = (await call(chongqing, 'settings.get')).districts.map((d: District) => d.name);
    expect(cq).toEqual(expect.arrayContaining(['渝中区', '城口县']));
    expect(cq).not.toContain('市辖区');
    expect(cq).not.toContain('县');
  });

  it('full names leave out the placeholder levels of the NBS list', async () => {
    const b = await tempBackend();
    for (const [code, name] of [['110108', '北京市海淀区'], ['500229', '重庆市城口县'], ['469001', '海南省五指山市'], ['320576', '江苏省苏州市苏州工业园区']]) {
      expect((await call(b, 'settings.setJurisdiction', { code })).name, code).toBe(name);
    }
  });

  it('a province lists its cities and its directly administered counties, never a placeholder', async () => {
    const b = await tempBackend();
    await call(b, 'settings.setJurisdiction', { code: '41' });
    const names = (await call(b, 'settings.get')).districts.map((d: District) => d.name);
    expect(names).toEqual(expect.arrayContaining(['郑州市', '济源市']));
    expect(names.some((n: string) => n.includes('直辖'))).toBe(false);
  });

  it('the change and its audit entry are one transaction', async () => {
    const b = await tempBackend();
    const restore = breakAudit(b);
    expect(await refused(b, 'settings.setJurisdiction', { code: '3205' })).toBe('INTERNAL');
    restore();
    const settings = await call(b, 'settings.get');
    expect(settings.jurisdiction.code).toBeNull();
    expect(settings.districts).toEqual([]);
  });
});

describe('districts', () => {
  it('create, rename, delete, each with an audit entry and a changed event', async () => {
    const b = await tempBackend();
    await call(b, 'settings.setPreferences', { userName: '张科长' });
    const seen = events(b);
    const created = await call<District>(b, 'settings.saveDistrict', { name: '  高新区  ' });
    expect(created).toEqual({ id: expect.any(Number), name: '高新区', code: null });
    const renamed = await call<District>(b, 'settings.saveDistrict', { id: created.id, name: '高新区（虎丘区）', code: '320505' });
    expect(renamed).toEqual({ id: created.id, name: '高新区（虎丘区）', code: '320505' });
    expect((await call(b, 'settings.get')).districts).toEqual([renamed]);
    expect(await call(b, 'settings.deleteDistrict', { id: created.id })).toEqual({});
    expect((await call(b, 'settings.get')).districts).toEqual([]);

    const rows = audit(b).filter((r) => r.entity === 'district');
    expect(rows.map((r) => [r.action, r.entity_id, r.user])).toEqual([
      ['create', String(created.id), '张科长'],
      ['update', String(created.id), '张科长'],
      ['delete', String(created.id), '张科长'],
    ]);
    expect(JSON.parse(rows[1]!.before!)).toEqual({ id: created.id, name: '高新区', code: null });
    expect(JSON.parse(rows[1]!.after!)).toEqual(renamed);
    expect(JSON.parse(rows[2]!.before!)).toEqual(renamed);
    expect(seen.filter((e) => e.type === 'changed')).toHaveLength(3);
  });

  it('a duplicate name is CONFLICT, on create and on rename, and nothing is written', async () => {
    const b = await tempBackend();
    const a = await call<District>(b, 'settings.saveDistrict', { name: '姑苏区' });
    await call<District>(b, 'settings.saveDistrict', { name: '吴中区' });
    const before = audit(b).length;
    const dup = await b.dispatch('settings.saveDistrict', { name: '吴中区' });
    expect(dup.ok ? null : dup.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('吴中区') });
    expect(await refused(b, 'settings.saveDistrict', { id: a.id, name: '吴中区' })).toBe('CONFLICT');
    expect((await call(b, 'settings.get')).districts.map((d: District) => d.name)).toEqual(['姑苏区', '吴中区']);
    expect(audit(b)).toHaveLength(before);
  });

  it('unknown ids are NOT_FOUND', async () => {
    const b = await tempBackend();
    expect(await refused(b, 'settings.saveDistrict', { id: 99, name: '某区' })).toBe('NOT_FOUND');
    expect(await refused(b, 'settings.deleteDistrict', { id: 99 })).toBe('NOT_FOUND');
    expect((await call(b, 'settings.get')).districts).toEqual([]);
  });

  it('a district that FDI records or import batches use cannot be deleted', async () => {
    const b = await tempBackend();
    const used = await call<District>(b, 'settings.saveDistrict', { name: '吴江区' });
    recordUsing(b, used.id, null);
    const r = await b.dispatch('settings.deleteDistrict', { id: used.id });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'REFUSED', message: expect.stringContaining('1 条外资统计记录') });

    const batchOnly = await call<District>(b, 'settings.saveDistrict', { name: '相城区' });
    b.ctx.db
      .prepare(`INSERT INTO import_batch (kind, file_name, file_hash, district_id, rows, created_at) VALUES ('fdi', '相城区3月.xlsx', 'h', ?, 0, '2025-04-01')`)
      .run(batchOnly.id);
    expect(await refused(b, 'settings.deleteDistrict', { id: batchOnly.id })).toBe('REFUSED');
    expect((await call(b, 'settings.get')).districts).toHaveLength(2);
    expect(audit(b).filter((a) => a.action === 'delete')).toEqual([]);
  });

  it('deleting a district leaves its platforms with no district', async () => {
    const b = await tempBackend();
    const d = await call<District>(b, 'settings.saveDistrict', { name: '虎丘区' });
    const p = await call<Platform>(b, 'settings.savePlatform', { name: '苏州高新区', type: 'hitech_zone', districtId: d.id });
    await call(b, 'settings.deleteDistrict', { id: d.id });
    expect((await call(b, 'settings.get')).platforms).toEqual([{ ...p, districtId: null }]);
  });

  it('the change and its audit entry are one transaction', async () => {
    const b = await tempBackend();
    const restore = breakAudit(b);
    expect(await refused(b, 'settings.saveDistrict', { name: '姑苏区' })).toBe('INTERNAL');
    restore();
    expect((await call(b, 'settings.get')).districts).toEqual([]);
  });
});

describe('platforms', () => {
  it('create, change, delete, each audited', async () => {
    const b = await tempBackend();
    const d = await call<District>(b, 'settings.saveDistrict', { name: '苏州工业园区' });
    const p = await call<Platform>(b, 'settings.savePlatform', { name: '苏州工业园区', type: 'national_etdz', districtId: d.id });
    expect(p).toEqual({ id: expect.any(Number), name: '苏州工业园区', type: 'national_etdz', districtId: d.id });
    const q = await call<Platform>(b, 'settings.savePlatform', { name: '苏州工业园综合保税区', type: 'bonded_zone' });
    expect(q.districtId).toBeNull();
    const changed = await call<Platform>(b, 'settings.savePlatform', { id: q.id, name: '苏州工业园综合保税区', type: 'bonded_zone', districtId: d.id });
    expect((await call(b, 'settings.get')).platforms).toEqual([p, changed]);
    await call(b, 'settings.deletePlatform', { id: p.id });
    expect((await call(b, 'settings.get')).platforms).toEqual([changed]);
    expect(audit(b).filter((r) => r.entity === 'platform').map((r) => r.action)).toEqual(['create', 'create', 'update', 'delete']);
  });

  it('duplicate names are CONFLICT, unknown types INVALID_INPUT, unknown ids and districts NOT_FOUND', async () => {
    const b = await tempBackend();
    await call(b, 'settings.savePlatform', { name: '吴江经开区', type: 'national_etdz' });
    expect(await refused(b, 'settings.savePlatform', { name: '吴江经开区', type: 'other' })).toBe('CONFLICT');
    expect(await refused(b, 'settings.savePlatform', { name: '月球基地', type: 'moon_base' })).toBe('INVALID_INPUT');
    expect(await refused(b, 'settings.savePlatform', { id: 99, name: '某园区', type: 'other' })).toBe('NOT_FOUND');
    expect(await refused(b, 'settings.savePlatform', { name: '某园区', type: 'other', districtId: 99 })).toBe('NOT_FOUND');
    expect(await refused(b, 'settings.deletePlatform', { id: 99 })).toBe('NOT_FOUND');
    expect((await call(b, 'settings.get')).platforms).toHaveLength(1);
  });

  it('a platform that FDI records use cannot be deleted', async () => {
    const b = await tempBackend();
    const p = await call<Platform>(b, 'settings.savePlatform', { name: '常熟经开区', type: 'national_etdz' });
    recordUsing(b, null, p.id);
    recordUsing(b, null, p.id);
    const r = await b.dispatch('settings.deletePlatform', { id: p.id });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'REFUSED', message: expect.stringContaining('2 条外资统计记录') });
    expect((await call(b, 'settings.get')).platforms).toEqual([p]);
  });

  it('the change and its audit entry are one transaction', async () => {
    const b = await tempBackend();
    const p = await call<Platform>(b, 'settings.savePlatform', { name: '常熟经开区', type: 'national_etdz' });
    const restore = breakAudit(b);
    expect(await refused(b, 'settings.deletePlatform', { id: p.id })).toBe('INTERNAL');
    restore();
    expect((await call(b, 'settings.get')).platforms).toEqual([p]);
  });
});

describe('preferences', () => {
  it('defaults, partial updates merged, audited, and the user name used in the audit log', async () => {
    const b = await tempBackend();
    expect((await call(b, 'settings.get')).preferences).toEqual({ userName: '', locale: 'zh-CN', followUpDays: 30 });
    expect(await call(b, 'settings.setPreferences', { userName: '李四' })).toEqual({ userName: '李四', locale: 'zh-CN', followUpDays: 30 });
    expect(await call(b, 'settings.setPreferences', { followUpDays: 14, locale: 'en-US' })).toEqual({ userName: '李四', locale: 'en-US', followUpDays: 14 });
    expect((await call(b, 'settings.get')).preferences).toEqual({ userName: '李四', locale: 'en-US', followUpDays: 14 });
    expect(b.ctx.userName()).toBe('李四');
    const rows = audit(b).filter((r) => r.entity === 'preferences');
    expect(rows.map((r) => r.action)).toEqual(['update', 'update']);
    expect(JSON.parse(rows[1]!.before!)).toEqual({ userName: '李四', locale: 'zh-CN', followUpDays: 30 });
    expect(JSON.parse(rows[1]!.after!)).toEqual({ userName: '李四', locale: 'en-US', followUpDays: 14 });
    expect(await refused(b, 'settings.setPreferences', { userName: 'x'.repeat(41) })).toBe('INVALID_INPUT');
  });

  it('the change and its audit entry are one transaction', async () => {
    const b = await tempBackend();
    const restore = breakAudit(b);
    expect(await refused(b, 'settings.setPreferences', { userName: '王五' })).toBe('INTERNAL');
    restore();
    expect((await call(b, 'settings.get')).preferences.userName).toBe('');
  });
});
