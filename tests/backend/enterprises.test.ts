import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../electron/backend/demo/random';
import { fakeUscc } from '../../electron/backend/demo/uscc';
import type { EnterpriseDetail } from '../../shared/api/enterprises';
import { call, tempBackend } from '../helpers/backend';

const rng = seededRandom(42);
const codeA = fakeUscc(rng, '320500');
const codeB = fakeUscc(rng, '320500');

async function setup() {
  const backend = await tempBackend();
  await call(backend, 'settings.setPreferences', { userName: '测试员' });
  return backend;
}

describe('enterprise register', () => {
  it('checks the 统一社会信用代码, normalising how people paste it', async () => {
    const backend = await setup();
    const created = await call<EnterpriseDetail>(backend, 'enterprises.create', { name: '苏州甲有限公司', uscc: ` ${codeA.toLowerCase()} `, countryCode: 'JPN' });
    expect(created.enterprise).toMatchObject({ uscc: codeA, countryName: '日本', fdiRecords: 0, projects: 0 });
    const broken = codeA.slice(0, 17) + (codeA.endsWith('0') ? '1' : '0');
    const bad = await backend.dispatch('enterprises.create', { name: '苏州乙有限公司', uscc: broken });
    expect(bad.ok === false && bad.error).toMatchObject({ code: 'USCC_INVALID', message: expect.stringContaining('校验位不符') });
    const short = await backend.dispatch('enterprises.create', { name: '苏州乙有限公司', uscc: '123' });
    expect(short.ok === false && short.error.message).toContain('应为18位');
  });

  it('refuses a second enterprise with the same code (CONFLICT naming the holder), on create and on edit', async () => {
    const backend = await setup();
    const a = await call<EnterpriseDetail>(backend, 'enterprises.create', { name: '苏州甲有限公司', uscc: codeA });
    const dup = await backend.dispatch('enterprises.create', { name: '苏州甲公司（重复录入）', uscc: codeA });
    expect(dup.ok === false && dup.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('苏州甲有限公司') });
    const b = await call<EnterpriseDetail>(backend, 'enterprises.create', { name: '苏州乙有限公司' });
    const edit = await backend.dispatch('enterprises.update', { id: b.enterprise.id, uscc: codeA });
    expect(edit.ok === false && edit.error.code).toBe('CONFLICT');
    // editing the holder itself with its own code is no conflict
    await call(backend, 'enterprises.update', { id: a.enterprise.id, uscc: codeA, investor: '甲控股' });
    const history = await call(backend, 'enterprises.history', { id: a.enterprise.id });
    expect(history.map((h: { action: string }) => h.action)).toEqual(['update', 'create']);
    expect(history[0]).toMatchObject({ user: '测试员', before: { investor: '' }, after: { investor: '甲控股' } });
  });

  it('merges a duplicate: FDI records, projects and chain roles move over, blanks are filled, the duplicate goes', async () => {
    const backend = await setup();
    const db = backend.ctx.db;
    const keep = await call<EnterpriseDetail>(backend, 'enterprises.create', { name: '苏州甲有限公司', uscc: codeA });
    const dup = await call<EnterpriseDetail>(backend, 'enterprises.create', { name: '苏州甲公司', investor: '甲控股', countryCode: 'KOR' });
    db.prepare(`INSERT INTO fdi_record (period, enterprise_id, enterprise_name, mode, contracted_fdi, actual_fdi, created_at) VALUES ('2025-03', ?, '苏州甲公司', 'new', 100, 40, '')`).run(dup.enterprise.id);
    const project = await call(backend, 'projects.create', { name: '甲扩产项目', reinvestment: true, reinvestEnterpriseId: dup.enterprise.id });
    const chain = Number(db.prepare(`INSERT INTO chain (name, created_at, updated_at) VALUES ('集成电路', '', '')`).run().lastInsertRowid);
    const segment = Number(db.prepare(`INSERT INTO segment (chain_id, name, tier) VALUES (?, '封装测试', 'midstream')`).run(chain).lastInsertRowid);
    db.prepare(`INSERT INTO segment_enterprise (segment_id, enterprise_id, company_name, role) VALUES (?, ?, '苏州甲公司', 'leader')`).run(segment, dup.enterprise.id);

    const merged = await call<EnterpriseDetail>(backend, 'enterprises.merge', { keepId: keep.enterprise.id, mergeId: dup.enterprise.id });
    expect(merged.enterprise).toMatchObject({ name: '苏州甲有限公司', uscc: codeA, investor: '甲控股', countryCode: 'KOR', fdiRecords: 1, projects: 1 });
    expect(merged.totals).toEqual({ contractedFdi: 100, actualFdi: 40 });
    expect(merged.projects).toEqual([{ id: project.project.id, name: '甲扩产项目', stage: 'lead', link: 'reinvestment' }]);
    expect(merged.chainRoles).toEqual([{ chainId: chain, chainName: '集成电路', segmentId: segment, segmentName: '封装测试', tier: 'midstream', role: 'leader' }]);
    expect((await backend.dispatch('enterprises.get', { id: dup.enterprise.id })).ok).toBe(false);
    const audit = db.prepare(`SELECT action, entity_id FROM audit_log WHERE entity = 'enterprise' ORDER BY id`).all();
    expect(audit).toEqual([
      { action: 'create', entity_id: String(keep.enterprise.id) },
      { action: 'create', entity_id: String(dup.enterprise.id) },
      { action: 'delete', entity_id: String(dup.enterprise.id) },
      { action: 'update', entity_id: String(keep.enterprise.id) },
      { action: 'update', entity_id: String(keep.enterprise.id) },
    ]);
  });

  it('refuses to merge two firms with different codes, leaving both untouched', async () => {
    const backend = await setup();
    const a = await call<EnterpriseDetail>(backend, 'enterprises.create', { name: '甲', uscc: codeA });
    const b = await call<EnterpriseDetail>(backend, 'enterprises.create', { name: '乙', uscc: codeB });
    const refused = await backend.dispatch('enterprises.merge', { keepId: a.enterprise.id, mergeId: b.enterprise.id });
    expect(refused.ok === false && refused.error.code).toBe('REFUSED');
    expect((await call(backend, 'enterprises.list', {})).total).toBe(2);
  });

  it('finds enterprises by name, investor or the start of the code, and pages', async () => {
    const backend = await tempBackend({ demo: true });
    const all = await call(backend, 'enterprises.list', { limit: 500 });
    expect(all.total).toBeGreaterThan(100);
    const one = all.rows[17];
    const byCode = await call(backend, 'enterprises.list', { filter: { text: one.uscc.slice(0, 12).toLowerCase() } });
    expect(byCode.rows.map((r: { id: number }) => r.id)).toContain(one.id);
    const byName = await call(backend, 'enterprises.list', { filter: { text: one.name.slice(2, 6) } });
    expect(byName.rows.every((r: { name: string; investor: string }) => r.name.includes(one.name.slice(2, 6)) || r.investor.includes(one.name.slice(2, 6)))).toBe(true);
    const page2 = await call(backend, 'enterprises.list', { offset: 50, limit: 50 });
    expect(page2.rows.map((r: { id: number }) => r.id)).toEqual(all.rows.slice(50, 100).map((r: { id: number }) => r.id));
    const detail = await call<EnterpriseDetail>(backend, 'enterprises.get', { id: one.id });
    expect(detail.fdiRecords.length).toBe(one.fdiRecords);
    expect(detail.totals.actualFdi).toBeCloseTo(detail.fdiRecords.reduce((s, r) => s + r.actualFdi, 0), 4);
  });
});
