import type { z } from 'zod';
import type { AppErrorData } from '../../shared/result';
import { refuse, type CliOptions, type CliValues } from './command';

/**
 * CLI flags read from a method's zod input schema, so that a command does not describe its input a second time: a
 * field `domesticReinvestment` is `--domestic-reinvestment`; numbers, booleans, enums and lists (comma-separated) are
 * coerced and checked with Chinese messages; a field without default that is not optional is required; the usage and
 * help lines come from the same description. The method's own schema still checks what the flags give (ranges,
 * patterns), through the dispatcher, as for every other caller.
 */

type Kind = 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'list';

export interface SchemaFlag {
  /** The input field. */
  key: string;
  /** The flag without its dashes (kebab-case). */
  flag: string;
  kind: Kind;
  /** Allowed values of an enum (or of a list's items). */
  choices: readonly string[];
  /** What each item of a list is. */
  item?: Exclude<Kind, 'list' | 'boolean'>;
  required: boolean;
  /** The value as the usage line shows it (YYYY-MM, N, a|b). */
  placeholder: string;
  /** The default the method uses when the flag is absent, for the help. */
  fallback?: unknown;
}

interface Shape {
  kind: Kind;
  choices: readonly string[];
  item?: SchemaFlag['item'];
  optional: boolean;
  fallback?: unknown;
}

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; entries?: Record<string, string>; options?: z.ZodType[]; element?: z.ZodType; defaultValue?: unknown };
const defOf = (t: z.ZodType) => (t as unknown as { _zod: { def: Def } })._zod.def;

function shapeOf(field: z.ZodType): Shape {
  let t = field;
  let optional = false;
  let fallback: unknown;
  for (let def = defOf(t); ; def = defOf(t)) {
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'prefault') && def.innerType) {
      optional = true;
      if (def.type !== 'optional') fallback = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
      t = def.innerType;
    } else if (def.type === 'nullable' && def.innerType) t = def.innerType;
    else if (def.type === 'pipe' && def.in) t = def.in;
    else break;
  }
  const def = defOf(t);
  const base = { optional, fallback };
  switch (def.type) {
    case 'boolean':
      return { ...base, kind: 'boolean', choices: [] };
    case 'number':
      return { ...base, kind: (t as z.ZodNumber).format?.includes('int') ? 'integer' : 'number', choices: [] };
    case 'enum':
      return { ...base, kind: 'enum', choices: Object.values(def.entries ?? {}) };
    case 'union': {
      // an enum or free text (a custom indicator): the enum's values are shown, any text is passed on
      const choices = (def.options ?? []).flatMap((o) => (defOf(o).type === 'enum' ? Object.values(defOf(o).entries ?? {}) : []));
      return { ...base, kind: 'string', choices };
    }
    case 'array': {
      const item = def.element ? shapeOf(def.element) : null;
      const itemKind = item && item.kind !== 'list' && item.kind !== 'boolean' ? item.kind : 'string';
      return { ...base, kind: 'list', item: itemKind, choices: item?.choices ?? [] };
    }
    default:
      return { ...base, kind: 'string', choices: [] };
  }
}

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function placeholderOf(s: Shape): string {
  if (s.kind === 'enum') return s.choices.join('|');
  if (s.kind === 'list') return s.choices.length ? s.choices.join(',') : s.item === 'number' || s.item === 'integer' ? 'N,N' : 'A,B';
  if (s.kind === 'number' || s.kind === 'integer') return 'N';
  return 'TEXT';
}

/**
 * The flags of an input schema's fields (`pick`: only these, in this order), with placeholders for the usage line
 * where a field's own description is not what people type (`{ from: 'YYYY-MM' }`).
 */
export function schemaFlags(schema: z.ZodType, options: { pick?: readonly string[]; placeholders?: Record<string, string> } = {}): SchemaFlag[] {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape) throw new Error('schemaFlags: the input is not an object schema');
  const keys = options.pick ?? Object.keys(shape);
  return keys.map((key) => {
    const field = shape[key];
    if (!field) throw new Error(`schemaFlags: no field ${key}`);
    const s = shapeOf(field);
    return { key, flag: kebab(key), kind: s.kind, choices: s.choices, item: s.item, required: !s.optional, placeholder: options.placeholders?.[key] ?? placeholderOf(s), fallback: s.fallback };
  });
}

/** The flags as node:util parseArgs options. */
export function flagOptions(flags: readonly SchemaFlag[]): CliOptions {
  return Object.fromEntries(flags.map((f) => [f.flag, { type: f.kind === 'boolean' ? 'boolean' : 'string' } as const]));
}

/** `--from YYYY-MM [--comparable] [--scope all|excl-finance]`: required flags bare, the others in brackets. */
export function flagsUsage(flags: readonly SchemaFlag[]): string {
  return flags.map((f) => (f.kind === 'boolean' ? `[--${f.flag}]` : f.required ? `--${f.flag} ${f.placeholder}` : `[--${f.flag} ${f.placeholder}]`)).join(' ');
}

/** Two lines a flag for `cli <command> --help`: the flag, then what it takes, whether it is required, its default. */
export function flagsHelp(flags: readonly SchemaFlag[]): string[] {
  const what: Record<Kind, string> = { string: '文本', number: '数字', integer: '整数', boolean: '开关', enum: '其一', list: '逗号分隔的多个值' };
  return flags.map((f) => {
    const head = `--${f.flag}${f.kind === 'boolean' ? '' : ` ${f.placeholder}`}`;
    const notes = [what[f.kind], f.required ? '必填' : '可选', f.fallback !== undefined && f.kind !== 'boolean' ? `默认 ${String(f.fallback)}` : ''].filter(Boolean).join('，');
    return `${head}\n      ${notes}`;
  });
}

function coerce(f: SchemaFlag, kind: Exclude<Kind, 'list' | 'boolean'>, text: string): unknown | AppErrorData {
  if (kind === 'number' || kind === 'integer') {
    const n = text.trim() !== '' ? Number(text) : NaN;
    if (!Number.isFinite(n)) return refuse('INVALID_INPUT', `--${f.flag} 不是有效数字：${text}`);
    if (kind === 'integer' && !Number.isInteger(n)) return refuse('INVALID_INPUT', `--${f.flag} 应为整数：${text}`);
    return n;
  }
  if (kind === 'enum' && !f.choices.includes(text)) return refuse('INVALID_INPUT', `--${f.flag} 应为 ${f.choices.join('、')} 之一：${text}`);
  return text;
}

const isRefusal = (v: unknown): v is AppErrorData => typeof v === 'object' && v !== null && 'code' in v && 'message' in v;

/** The flags given, as the method's input fields (absent flags left out, so the method's defaults apply). */
export function readSchemaFlags(values: CliValues, flags: readonly SchemaFlag[]): Record<string, unknown> | AppErrorData {
  const input: Record<string, unknown> = {};
  for (const f of flags) {
    const v = values[f.flag];
    if (v === undefined || v === false) {
      if (f.required && f.kind !== 'boolean') return refuse('INVALID_INPUT', `缺少 --${f.flag}`);
      continue;
    }
    if (f.kind === 'boolean') {
      input[f.key] = true;
      continue;
    }
    const text = String(v);
    if (f.kind === 'list') {
      const items = text.split(',').map((x) => x.trim()).filter(Boolean);
      if (items.length === 0) return refuse('INVALID_INPUT', `--${f.flag} 未写值`);
      const kind = f.item ?? 'string';
      const out = items.map((x) => coerce(f, kind, x));
      const bad = out.find(isRefusal);
      if (bad) return bad;
      input[f.key] = out;
      continue;
    }
    const value = coerce(f, f.kind, text);
    if (isRefusal(value)) return value;
    input[f.key] = value;
  }
  return input;
}
