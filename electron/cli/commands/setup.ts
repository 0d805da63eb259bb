/** Setting a bureau up without the window: its area, its districts (区县) and its platforms (园区). */
import type { MethodOutput } from '../../../shared/api';
import { PLATFORM_TYPE_CODES, PLATFORM_TYPES, type PlatformType } from '../../../shared/domain/platform';
import type { Backend } from '../../backend/create';
import { inferPlatformType } from '../../backend/fdi-import/name-match';
import { divisionFullName } from '../../backend/settings/jurisdiction';
import { callOrFail, withBackend } from '../backend';
import { EXIT, isError, refuse, requireString, type CliCommand, type CliIO, type CliValues } from '../command';

type Settings = MethodOutput<'settings.get'>;

const common = { db: { type: 'string' }, json: { type: 'boolean' } } as const;

/** Runs `run` with the settings as they are, on the database `--db` names. */
function withSettings(values: CliValues, io: CliIO, run: (backend: Backend, settings: Settings) => Promise<number>): Promise<number> {
  const db = requireString(values, 'db');
  if (isError(db)) return Promise.resolve(io.fail(db));
  return withBackend(db, io, async (backend) => {
    const settings = await callOrFail<Settings>(backend, io, 'settings.get', {});
    return 'code' in settings ? settings.code : run(backend, settings.value);
  });
}

/** A division by code, or by its name or full name (`苏州市`, `江苏省苏州市`) when only one division has it. */
function divisionCode(backend: Backend, values: CliValues): string | { detail: string } {
  if (typeof values.code === 'string') return values.code;
  const name = typeof values.name === 'string' ? values.name.trim() : '';
  if (!name) return { detail: '请给出 --code 行政区划代码（如 320500）或 --name 名称（如 江苏省苏州市）' };
  const db = backend.ctx.db;
  const candidates = (db.prepare('SELECT code, name FROM ref_division WHERE name = ? OR ? LIKE \'%\' || name').all(name, name) as Array<{ code: string; name: string }>).filter(
    (d) => d.name === name || divisionFullName(db, d.code) === name,
  );
  if (candidates.length === 1) return candidates[0]!.code;
  if (!candidates.length) return { detail: `没有名为“${name}”的行政区划` };
  return { detail: `“${name}”有 ${candidates.length} 个：${candidates.map((c) => `${divisionFullName(db, c.code)}（${c.code}）`).join('、')}；请用 --code 指定` };
}

export const jurisdictionShowCommand: CliCommand = {
  name: 'jurisdiction show',
  summary: '显示本辖区、填报单位及区县、园区数',
  usage: 'jurisdiction show --db FILE [--json]',
  options: common,
  run: (values, _pos, io) =>
    withSettings(values, io, async (_backend, s) => {
      const j = s.jurisdiction;
      io.out(
        { ...j, districts: s.districts.length, platforms: s.platforms.length },
        j.code ? `${j.name}（${j.code}）  填报单位：${j.reportingUnit}  区县 ${s.districts.length} 个，园区 ${s.platforms.length} 个` : '尚未设置辖区（jurisdiction set --code 代码）',
      );
      return EXIT.ok;
    }),
};

export const jurisdictionSetCommand: CliCommand = {
  name: 'jurisdiction set',
  summary: '设置本辖区（还没有区县时，辖区下的县级区划成为区县）',
  usage: 'jurisdiction set --db FILE (--code CODE | --name NAME) [--reporting-unit TEXT] [--json]',
  options: { ...common, code: { type: 'string' }, name: { type: 'string' }, 'reporting-unit': { type: 'string' } },
  run: (values, _pos, io) =>
    withSettings(values, io, async (backend) => {
      const code = divisionCode(backend, values);
      if (typeof code !== 'string') return io.fail(refuse('DIVISION_UNKNOWN', code.detail));
      const reportingUnit = typeof values['reporting-unit'] === 'string' ? values['reporting-unit'] : undefined;
      const set = await callOrFail<Settings['jurisdiction']>(backend, io, 'settings.setJurisdiction', { code, reportingUnit });
      if ('code' in set) return set.code;
      const after = await callOrFail<Settings>(backend, io, 'settings.get', {});
      if ('code' in after) return after.code;
      io.out({ ...set.value, districts: after.value.districts }, `已设置辖区：${set.value.name}（${set.value.code}），填报单位 ${set.value.reportingUnit}；区县 ${after.value.districts.length} 个`);
      return EXIT.ok;
    }),
};

/** A `… list` command: the settings' list under `key` (JSON), one line per item for people. */
function listCommand<K extends 'districts' | 'platforms'>(key: K, summary: string, line: (item: Settings[K][number], s: Settings) => string, none: string): CliCommand {
  return {
    name: `${key} list`,
    summary,
    usage: `${key} list --db FILE [--json]`,
    options: common,
    run: (values, _pos, io) =>
      withSettings(values, io, async (_backend, s) => {
        const items: Array<Settings[K][number]> = s[key];
        io.out({ [key]: items }, items.length ? items.map((item) => line(item, s)).join('\n') : none);
        return EXIT.ok;
      }),
  };
}

export const districtsListCommand = listCommand('districts', '列出区县', (d) => `${d.id}  ${d.name}${d.code ? `（${d.code}）` : ''}`, '还没有区县');

export const districtsAddCommand: CliCommand = {
  name: 'districts add',
  summary: '新增区县（可一次多个）',
  usage: 'districts add NAME... --db FILE [--code CODE] [--json]',
  options: { ...common, code: { type: 'string' } },
  run: (values, names, io) => {
    if (!names.length) return Promise.resolve(io.fail(refuse('INVALID_INPUT', '请给出区县名称，如 districts add 吴江区')));
    if (typeof values.code === 'string' && names.length > 1) return Promise.resolve(io.fail(refuse('INVALID_INPUT', '--code 只能与一个区县名称一起用')));
    return withSettings(values, io, async (backend) => {
      const added = [];
      for (const name of names) {
        const saved = await callOrFail<Settings['districts'][number]>(backend, io, 'settings.saveDistrict', { name, code: typeof values.code === 'string' ? values.code : null });
        if ('code' in saved) return saved.code;
        added.push(saved.value);
      }
      io.out({ added }, added.map((d) => `已新增区县：${d.name}`).join('\n'));
      return EXIT.ok;
    });
  },
};

export const platformsListCommand = listCommand(
  'platforms',
  '列出园区（开发区、综保区、自贸片区…）及其类型、所属区县',
  (p, s) => `${p.id}  ${p.name}  ${PLATFORM_TYPES[p.type]}  ${s.districts.find((d) => d.id === p.districtId)?.name ?? ''}`,
  '还没有园区',
);

/** A platform type by its code (`bonded_zone`) or its Chinese name (`综合保税区`). */
function platformType(text: string): PlatformType | null {
  if ((PLATFORM_TYPE_CODES as readonly string[]).includes(text)) return text as PlatformType;
  return (Object.entries(PLATFORM_TYPES).find(([, name]) => name === text)?.[0] as PlatformType | undefined) ?? null;
}

export const platformsAddCommand: CliCommand = {
  name: 'platforms add',
  summary: '新增园区；不给 --type 时按名称推断类型（经开区、高新区、综保区、自贸片区…）',
  usage: 'platforms add NAME --db FILE [--type TYPE] [--district NAME] [--json]',
  options: { ...common, type: { type: 'string' }, district: { type: 'string' } },
  run: (values, names, io) => {
    const [name] = names;
    if (!name || names.length > 1) return Promise.resolve(io.fail(refuse('INVALID_INPUT', '请给出一个园区名称，如 platforms add 吴江经济技术开发区')));
    const type = typeof values.type === 'string' ? platformType(values.type) : inferPlatformType(name);
    if (!type) return Promise.resolve(io.fail(refuse('INVALID_INPUT', `--type 应为 ${PLATFORM_TYPE_CODES.join('、')} 或 ${Object.values(PLATFORM_TYPES).join('、')}`)));
    return withSettings(values, io, async (backend, s) => {
      let districtId: number | null = null;
      if (typeof values.district === 'string') {
        const found = s.districts.find((d) => d.name === values.district);
        if (!found) return io.fail(refuse('DISTRICT_UNKNOWN', `“${values.district}”不在区县中（districts list 可查看）`));
        districtId = found.id;
      }
      const saved = await callOrFail<Settings['platforms'][number]>(backend, io, 'settings.savePlatform', { name, type, districtId });
      if ('code' in saved) return saved.code;
      io.out({ added: saved.value }, `已新增园区：${saved.value.name}（${PLATFORM_TYPES[saved.value.type]}）`);
      return EXIT.ok;
    });
  },
};

export const SETUP_COMMANDS: CliCommand[] = [
  jurisdictionShowCommand,
  jurisdictionSetCommand,
  districtsListCommand,
  districtsAddCommand,
  platformsListCommand,
  platformsAddCommand,
];
