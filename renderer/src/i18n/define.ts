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
