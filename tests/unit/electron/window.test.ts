import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createMainWindow,
  DEFAULT_SIZE,
  MIN_SIZE,
  placeWindow,
  readWindowState,
  writeWindowState,
  type DisplayLike,
} from '../../../electron/main/window';
import { tempDir } from '../../helpers/backend';
import { FakeWindow } from './fakes';

const PRIMARY: DisplayLike = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const RIGHT: DisplayLike = { workArea: { x: 1920, y: 0, width: 1280, height: 984 } };

afterEach(() => {
  vi.useRealTimers();
});

describe('placeWindow', () => {
  it('opens at the default size, centred, when nothing was saved', () => {
    expect(placeWindow(null, [PRIMARY], PRIMARY)).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });
  it('restores saved bounds that are on a display', () => {
    const saved = { x: 2000, y: 40, width: 1100, height: 800, maximized: true };
    expect(placeWindow(saved, [PRIMARY, RIGHT], PRIMARY)).toEqual(saved);
  });
  it('pulls a window that hangs over the edge back onto its display, shrinking it to fit', () => {
    const saved = { x: 1500, y: -30, width: 1800, height: 1200, maximized: false };
    // mostly on RIGHT (1280 wide): width shrinks to 1280 and x moves to RIGHT's left edge
    expect(placeWindow(saved, [PRIMARY, RIGHT], PRIMARY)).toEqual({ x: 1920, y: 0, width: 1280, height: 984, maximized: false });
  });
  it('forgets the position when its display is gone (unplugged monitor), keeping the size', () => {
    const saved = { x: 2100, y: 100, width: 1200, height: 800, maximized: false };
    expect(placeWindow(saved, [PRIMARY], PRIMARY)).toEqual({ width: 1200, height: 800, maximized: false });
  });
  it('treats a sliver on screen as off screen', () => {
    const saved = { x: 1850, y: 100, width: 1200, height: 800, maximized: false }; // 70 px visible
    expect(placeWindow(saved, [PRIMARY], PRIMARY)).toEqual({ width: 1200, height: 800, maximized: false });
  });
  it('never opens bigger than a small screen', () => {
    const small: DisplayLike = { workArea: { x: 0, y: 0, width: 1366, height: 728 } };
    expect(placeWindow({ width: 1900, height: 1000, maximized: false }, [small], small)).toEqual({ width: 1366, height: 728, maximized: false });
    const tiny: DisplayLike = { workArea: { x: 0, y: 0, width: 800, height: 560 } };
    expect(placeWindow(null, [tiny], tiny)).toEqual({ width: 800, height: 560, maximized: false });
  });
  it('keeps at least the minimum size where the screen allows', () => {
    expect(placeWindow({ width: 300, height: 200, maximized: false }, [PRIMARY], PRIMARY)).toEqual({ ...MIN_SIZE, maximized: false });
  });
});

describe('window state file', () => {
  it('round-trips, and reads a missing or broken file as nothing', () => {
    const file = path.join(tempDir(), 'sub', 'window-state.json');
    expect(readWindowState(file)).toBeNull();
    writeWindowState(file, { x: 10, y: 20, width: 1200, height: 800, maximized: true });
    expect(readWindowState(file)).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: true });
    fs.writeFileSync(file, '{"width": "wide"');
    expect(readWindowState(file)).toBeNull();
    fs.writeFileSync(file, JSON.stringify({ width: -5, height: 10 }));
    expect(readWindowState(file)).toBeNull();
  });
});

describe('createMainWindow', () => {
  function open(stateFile: string, displays: DisplayLike[] = [PRIMARY, RIGHT]) {
    let created: FakeWindow | undefined;
    const win = createMainWindow({
      createWindow: (options) => (created = new FakeWindow(options as Record<string, unknown>)),
      displays: () => displays,
      primaryDisplay: () => displays[0]!,
      stateFile,
      preloadPath: '/app/dist/electron/preload.cjs',
      page: { file: '/app/dist/renderer/index.html' },
    });
    expect(win).toBe(created);
    return win;
  }

  it('creates a hidden, locked-down window, loads the page and shows it once painted', () => {
    const win = open(path.join(tempDir(), 'state.json'));
    expect(win.options).toMatchObject({ center: true, show: false, width: DEFAULT_SIZE.width, title: '外资工作台' });
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/app/dist/electron/preload.cjs' });
    expect(win.loaded).toBe('file:/app/dist/renderer/index.html');
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('saves bounds and maximized on close and restores them next time', () => {
    const stateFile = path.join(tempDir(), 'state.json');
    const first = open(stateFile);
    first.bounds = { x: 2000, y: 50, width: 1100, height: 700 };
    first.maximized = true;
    first.emit('close');
    expect(readWindowState(stateFile)).toEqual({ x: 2000, y: 50, width: 1100, height: 700, maximized: true });

    const second = open(stateFile);
    expect(second.options).toMatchObject({ x: 2000, y: 50, width: 1100, height: 700 });
    expect(second.options.center).toBeUndefined();
    second.emit('ready-to-show');
    expect(second.maximized).toBe(true);
  });

  it('clamps restored bounds to the displays there are now', () => {
    const stateFile = path.join(tempDir(), 'state.json');
    writeWindowState(stateFile, { x: 2000, y: 50, width: 1100, height: 700, maximized: false });
    const win = open(stateFile, [PRIMARY]);
    expect(win.options).toMatchObject({ center: true, width: 1100, height: 700 });
    expect(win.options.x).toBeUndefined();
  });

  it('saves shortly after a move, not while minimized', () => {
    vi.useFakeTimers();
    const stateFile = path.join(tempDir(), 'state.json');
    const win = open(stateFile);
    win.bounds = { x: 100, y: 100, width: 1200, height: 800 };
    win.emit('move');
    expect(fs.existsSync(stateFile)).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(readWindowState(stateFile)).toMatchObject({ x: 100, y: 100 });
    win.minimized = true;
    win.bounds = { x: -32000, y: -32000, width: 160, height: 28 }; // what Windows reports for a minimized window
    win.emit('close');
    expect(readWindowState(stateFile)).toMatchObject({ x: 100, y: 100 });
  });
});
