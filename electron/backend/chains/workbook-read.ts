import { AppError } from '../errors';
import type { ChainSheets } from './import-validate';

/**
 * Reads a chain workbook's sheets into text rows for validateChainSheets. The reading itself belongs to the shared
 * workbook layer (electron/backend/workbook/, being written on another branch); until it is merged, importing refuses.
 */
export async function readChainSheets(_file: string, fileName: string): Promise<ChainSheets> {
  throw new AppError('FILE_UNSUPPORTED', `${fileName}：工作簿读取模块尚未合并，暂不能导入`);
}
