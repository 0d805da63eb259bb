import { z } from 'zod';
import { defineMethods } from './define';

/**
 * Files reach the backend only through a platform picker (Electron dialog or browser upload), which registers them
 * and hands the renderer an id. Exports are written to the backend's own output folder and fetched by id.
 */
export const fileRefSchema = z.object({ fileId: z.string(), name: z.string(), size: z.number().int() });
export type FileRef = z.infer<typeof fileRefSchema>;

export const filesMethods = defineMethods({
  'files.info': { summary: '已登记文件的信息', input: z.object({ fileId: z.string() }), output: fileRefSchema },
});
