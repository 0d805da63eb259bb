import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { z } from 'zod';
import { secureWebPreferences } from './security';

export const DEFAULT_SIZE = { width: 1360, height: 860 } as const;
export const MIN_SIZE = { width: 1024, height: 640 } as const;
/** How much of a saved window must lie on a display for it to count as visible there (a grabbable title bar). */
const MIN_VISIBLE = { width: 160, height: 60 } as const;
const SAVE_DELAY_MS = 400;

const savedStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean().default(false),
});
export type SavedWindowState = z.infer<typeof savedStateSchema>;

export interface DisplayLike {
  workArea: Rectangle;
}

/** The saved state, or null when there is none or it is unreadable (then the window opens at its default size). */
export function readWindowState(file: string): SavedWindowState | null {
  try {
    const parsed = savedStateSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written to a temp file and renamed, so a crash mid-write never leaves half a JSON file. */
export function writeWindowState(file: string, state: SavedWindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state));
  fs.renameSync(tmp, file);
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

/**
 * Where the window opens: the saved bounds when they are still visible on one of the displays (clamped to fit its
 * work area), otherwise the saved (or default) size on the primary display, centred by Electron. A monitor unplugged
 * since last time never leaves the window off screen.
 */
export function placeWindow(saved: SavedWindowState | null, displays: readonly DisplayLike[], primary: DisplayLike): SavedWindowState {
  const wanted = { width: saved?.width ?? DEFAULT_SIZE.width, height: saved?.height ?? DEFAULT_SIZE.height };
  const fit = (area: Rectangle) => ({
    width: clamp(wanted.width, Math.min(MIN_SIZE.width, area.width), area.width),
    height: clamp(wanted.height, Math.min(MIN_SIZE.height, area.height), area.height),
  });
  const maximized = saved?.maximized ?? false;
  if (saved?.x !== undefined && saved.y !== undefined) {
    const rect = { x: saved.x, y: saved.y, ...wanted };
    let best: { area: Rectangle; size: number } | null = null;
    for (const display of displays) {
      const o = overlap(rect, display.workArea);
      if (o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height && (!best || o.width * o.height > best.size)) {
        best = { area: display.workArea, size: o.width * o.height };
      }
    }
    if (best) {
      const size = fit(best.area);
      return {
        x: clamp(saved.x, best.area.x, best.area.x + best.area.width - size.width),
        y: clamp(saved.y, best.area.y, best.area.y + best.area.height - size.height),
        ...size,
        maximized,
      };
    }
  }
  return { ...fit(primary.workArea), maximized };
}

/** The parts of a BrowserWindow the window code uses. */
export interface WindowLike {
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  maximize(): void;
  restore(): void;
  show(): void;
  focus(): void;
  loadFile(file: string): Promise<void>;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
}

export interface MainWindowDeps<W extends WindowLike> {
  createWindow(options: BrowserWindowConstructorOptions): W;
  displays(): readonly DisplayLike[];
  primaryDisplay(): DisplayLike;
  stateFile: string;
  preloadPath: string;
  iconPath?: string | undefined;
  /** The built index.html, or the dev server's URL in development. */
  page: { file: string } | { url: string };
  log?: (line: string) => void;
}

/** Remembers bounds and maximized state: shortly after each move/resize, and once more when the window closes. */
export function trackWindowState(win: WindowLike, stateFile: string, log: (line: string) => void = () => undefined): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (win.isDestroyed() || win.isMinimized()) return;
    const b = win.getNormalBounds();
    try {
      writeWindowState(stateFile, { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
    } catch (err) {
      log(`[window] could not save window state: ${(err as Error).message}`);
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event, later);
  win.on('close', save);
}

/** Opens the main window where it was last time, with the locked-down preferences, shown once painted. */
export function createMainWindow<W extends WindowLike>(deps: MainWindowDeps<W>): W {
  const place = placeWindow(readWindowState(deps.stateFile), deps.displays(), deps.primaryDisplay());
  const win = deps.createWindow({
    ...(place.x !== undefined && place.y !== undefined ? { x: place.x, y: place.y } : { center: true }),
    width: place.width,
    height: place.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: '外资工作台',
    show: false,
    backgroundColor: '#f5f5f5',
    ...(deps.iconPath ? { icon: deps.iconPath } : {}),
    webPreferences: secureWebPreferences(deps.preloadPath),
  });
  trackWindowState(win, deps.stateFile, deps.log);
  win.once('ready-to-show', () => {
    if (place.maximized) win.maximize();
    win.show();
  });
  const loading = 'file' in deps.page ? win.loadFile(deps.page.file) : win.loadURL(deps.page.url);
  loading.catch((err: Error) => deps.log?.(`[window] could not load the page: ${err.message}`));
  return win;
}
