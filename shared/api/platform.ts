import { z } from 'zod';
import { defineMethods } from './define';
import { fileRefSchema } from './files';

/**
 * The platform API: what only the desktop shell can do (native open/save dialogs). It is answered by the Electron
 * IPC handler itself and is deliberately NOT part of the backend `contract` — the backend never shows dialogs.
 * Browser mode has no such methods: it uses `/upload` and `/download/<fileId>` instead.
 */
export const fileFilterSchema = z.object({
  name: z.string().min(1),
  // extensions without the dot, as Electron's dialogs want them ('xlsx', 'csv', '*')
  extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]+)$/)).min(1),
});

export const platformMethods = defineMethods({
  'platform.pickFile': {
    summary: '选择一个文件（桌面版打开对话框），登记后返回文件编号；取消则为 null',
    input: z.object({ title: z.string().optional(), filters: z.array(fileFilterSchema) }),
    output: fileRefSchema.nullable(),
  },
  'platform.saveFile': {
    summary: '把一个导出文件另存到用户选择的位置（桌面版保存对话框）',
    input: z.object({ fileId: z.string().min(1), suggestedName: z.string().min(1) }),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
});

export type PlatformMethods = typeof platformMethods;
export type PlatformMethodName = keyof PlatformMethods;
export type PlatformInput<M extends PlatformMethodName> = z.input<PlatformMethods[M]['input']>;
export type PlatformOutput<M extends PlatformMethodName> = z.output<PlatformMethods[M]['output']>;

export function isPlatformMethod(name: string): name is PlatformMethodName {
  return Object.prototype.hasOwnProperty.call(platformMethods, name);
}
