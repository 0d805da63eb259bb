export type Locale = 'zh-CN' | 'en-US';

/**
 * A feature's messages: zh-CN is the source and complete; en-US must have exactly the same keys (checked by the type
 * and by tests/unit/i18n.test.ts). `{name}` placeholders are filled by `t`.
 */
export function defineMessages<const Z extends Record<string, string>>(catalogue: {
  'zh-CN': Z;
  'en-US': { [K in keyof Z]: string };
}) {
  return catalogue;
}

export type Catalogue = ReturnType<typeof defineMessages<Record<string, string>>>;

export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in params ? String(params[key]) : m));
}

/** Domain names as message keys: `{lead: '线索'}` with prefix `stage` → `{'stage.lead': '线索'}`. */
export const prefixed = <P extends string, T extends Record<string, string>>(prefix: P, names: T) =>
  Object.fromEntries(Object.entries(names).map(([k, v]) => [`${prefix}.${k}`, v])) as { [K in keyof T & string as `${P}.${K}`]: string };
