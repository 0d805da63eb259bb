import { listBackups } from '../backend/db/backups';
import { AppError } from '../backend/errors';

export interface RecoverDeps {
  /** Electron's dialog.showMessageBox, with no window to own it (the app has none yet). */
  showMessageBox(options: { type: 'warning'; title: string; message: string; detail: string; buttons: string[]; defaultId: number; cancelId: number; noLink: boolean }): Promise<{ response: number }>;
}

/**
 * Opens the user's database. A damaged one (DB_DAMAGED) is not used; the user is offered its newest backup instead,
 * and on yes `open` is asked again with that backup, which replaces the damaged file (whose bytes the backend keeps
 * beside the backups). Resolves null when the user would rather quit; any other refusal is thrown as it was.
 * Only the dialog is here: opening and restoring run in the backend host (electron/host/open.ts).
 */
export async function openOrRestore<T>(open: (restoreFrom?: { path: string; name: string }) => Promise<T>, dbPath: string, deps: RecoverDeps): Promise<T | null> {
  try {
    return await open();
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'DB_DAMAGED') throw err;
    const [latest, ...older] = listBackups(dbPath);
    if (!latest) throw err;
    const when = new Date(latest.createdAt).toLocaleString('zh-CN');
    const { response } = await deps.showMessageBox({
      type: 'warning',
      title: '数据库已损坏',
      message: '数据库文件已损坏，外资工作台不再使用它。',
      detail: [
        `可以用最新的备份恢复：${latest.name}（${when}）。损坏的文件会另存在备份文件夹中，不会删除。`,
        ...(older.length ? [`另有 ${older.length} 个更早的备份，可在恢复后于“设置”中选用。`] : []),
        `数据文件：${dbPath}`,
      ].join('\n'),
      buttons: ['用最新备份恢复', '退出'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (response !== 0) return null;
    return open({ path: latest.path, name: latest.name });
  }
}
