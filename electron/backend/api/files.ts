import type { filesMethods } from '../../../shared/api/files';
import type { AreaHandlers } from '../context';

export const filesHandlers: AreaHandlers<typeof filesMethods> = {
  'files.info': ({ fileId }, ctx) => {
    const { name, size } = ctx.files.get(fileId);
    return { fileId, name, size };
  },
};
