import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { refusalLines } from '../backend/db/health';
import { AppError } from '../backend/errors';
import { APP_VERSION } from '../backend/version';
import { BackendProcess, stopBeforeQuit } from './backend-process';
import { createPlatform } from './dialogs';
import { createExternalOpener } from './external';
import { openOrRestore } from './recover';
import { forwardEvents, registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { createAppUrlCheck, devServerCsp, guardWebContents, secureSession } from './security';
import { createMainWindow } from './window';

// Only `import type` from 'electron' here: the module itself is handed in by index.ts, so vitest can load this file
// (requiring 'electron' outside Electron tries to download its binary).
type ElectronModule = typeof import('electron');

export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

/** One app per user: a second launch quits at once and brings the first one's window to the front instead. */
export function claimSingleInstance(app: SingleInstanceApp, focusExisting: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', focusExisting);
  return true;
}

export interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

export function focusWindow(win: FocusableWindow | null): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

export interface AppPaths {
  userDataDir: string;
  dbPath: string;
  windowStateFile: string;
  referenceDir: string;
  indexHtml: string;
  preloadPath: string;
  /** The backend host's bundle, started as a utilityProcess (electron/host). */
  hostPath: string;
  iconPath: string;
}

/**
 * Where everything is. Packaged: reference CSVs are extraResources (`<resources>/reference`), the bundles sit in
 * app.asar's dist/. In development (`electron .` from the project) the CSVs come from shared/reference.
 */
export function resolveAppPaths(options: { isPackaged: boolean; resourcesPath: string; appPath: string; mainDir: string; userDataDir: string }): AppPaths {
  return {
    userDataDir: options.userDataDir,
    dbPath: path.join(options.userDataDir, 'fdi-desk.db'),
    windowStateFile: path.join(options.userDataDir, 'window-state.json'),
    referenceDir: options.isPackaged ? path.join(options.resourcesPath, 'reference') : path.join(options.appPath, 'shared', 'reference'),
    indexHtml: path.join(options.mainDir, '..', 'renderer', 'index.html'),
    preloadPath: path.join(options.mainDir, 'preload.cjs'),
    hostPath: path.join(options.mainDir, 'host.cjs'),
    iconPath: path.join(options.mainDir, 'icon.png'),
  };
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * The desktop app: the window, menu, dialogs and security here; the backend in its own process (BackendProcess),
 * so no query blocks the window. Everything it calls is tested with fakes; this is the glue.
 */
export async function runApp(electron: ElectronModule, options: { mainDir: string }): Promise<void> {
  const { app, BrowserWindow, Menu, dialog, ipcMain, screen, session, shell, utilityProcess } = electron;
  app.enableSandbox();
  let mainWindow: BrowserWindow | null = null;
  if (!claimSingleInstance(app, () => focusWindow(mainWindow))) return;
  await app.whenReady();

  const paths = resolveAppPaths({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    mainDir: options.mainDir,
    userDataDir: app.getPath('userData'),
  });
  // development only: start.ts points this at a better-sqlite3 built for Electron's ABI (packaging rebuilds it)
  const nativeBinding = app.isPackaged ? undefined : process.env.FDI_DESK_SQLITE_BINDING || undefined;
  const backend = new BackendProcess({
    launch: () => utilityProcess.fork(paths.hostPath, [], { serviceName: 'FDI Desk backend' }),
    open: { dbPath: paths.dbPath, referenceDir: paths.referenceDir, demoWhenNew: true, ...(nativeBinding ? { nativeBinding } : {}) },
    log,
  });
  try {
    const opened = await openOrRestore((restoreFrom) => backend.start(restoreFrom), paths.dbPath, {
      showMessageBox: (options) => dialog.showMessageBox(options),
    });
    if (!opened) {
      await backend.stop();
      app.exit(2);
      return;
    }
    log(`[main] database ${paths.dbPath}${opened.fresh ? '（已新建演示数据库：数据为虚构的示例，仅供试用 / new, with demo data）' : ''}`);
  } catch (err) {
    const lines = err instanceof AppError ? refusalLines(err.toData()) : [(err as Error).message];
    dialog.showErrorBox('外资工作台无法启动', `${lines.join('\n')}\n\n数据文件：${paths.dbPath}`);
    await backend.stop();
    app.exit(2);
    return;
  }

  const devServerUrl = app.isPackaged ? undefined : process.env.FDI_DESK_DEV_SERVER_URL || undefined;
  const isAppUrl = createAppUrlCheck({ indexHtmlPath: paths.indexHtml, devServerUrl });
  secureSession(session.defaultSession, { csp: devServerUrl ? devServerCsp(CONTENT_SECURITY_POLICY, devServerUrl) : CONTENT_SECURITY_POLICY });
  const openExternal = createExternalOpener({
    showMessageBox: (options) => (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options)),
    openExternal: (url) => shell.openExternal(url),
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, { isAppUrl, openExternal: (url) => void openExternal(url) }));

  const showAbout = () =>
    void dialog.showMessageBox({
      type: 'info',
      title: '关于外资工作台',
      message: `外资工作台 FDI Desk ${APP_VERSION}`,
      detail: `数据文件：${paths.dbPath}\nElectron ${process.versions.electron ?? ''}`,
    });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({ platform: process.platform, isDev: !app.isPackaged, actions: { openDataFolder: () => void shell.openPath(paths.userDataDir), showAbout } }),
    ),
  );

  const stopIpc = registerIpc({
    ipcMain,
    dispatch: backend.dispatch,
    isTrustedSender: isAppUrl,
    log,
    platform: createPlatform({
      dialog: {
        showOpenDialog: (owner, opts) => (owner ? dialog.showOpenDialog(owner as BrowserWindow, opts) : dialog.showOpenDialog(opts)),
        showSaveDialog: (owner, opts) => (owner ? dialog.showSaveDialog(owner as BrowserWindow, opts) : dialog.showSaveDialog(opts)),
      },
      files: backend.fileStore,
      ownerOf: (sender) => BrowserWindow.fromWebContents(sender as WebContents),
      defaultDir: () => app.getPath('documents'),
    }),
  });
  const stopEvents = forwardEvents(backend, () => BrowserWindow.getAllWindows());

  const openWindow = () => {
    const win = createMainWindow({
      createWindow: (opts) => new BrowserWindow(opts),
      displays: () => screen.getAllDisplays(),
      primaryDisplay: () => screen.getPrimaryDisplay(),
      stateFile: paths.windowStateFile,
      preloadPath: paths.preloadPath,
      iconPath: fs.existsSync(paths.iconPath) ? paths.iconPath : undefined,
      page: devServerUrl ? { url: devServerUrl } : { file: paths.indexHtml },
      log,
    });
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    mainWindow = win;
  };
  openWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // the host closes the database (with the uploads and not-yet-saved exports) before the app goes
  stopBeforeQuit(app, backend, () => {
    stopEvents();
    stopIpc();
  });
}
