import { EventEmitter } from 'node:events';
import type { Rectangle } from 'electron';
import type { InvokeEventLike, IpcMainLike } from '../../../electron/main/ipc';
import type { WindowLike } from '../../../electron/main/window';

/** An ipcMain that records handlers and lets a test invoke them as a renderer frame at `url` would. */
export class FakeIpcMain implements IpcMainLike {
  handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, url: string | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: url === null ? null : { url }, sender: { id: 1 } }, ...args);
  }
}

/** A BrowserWindow stand-in with real event emission and bounds that tests can move. */
export class FakeWindow extends EventEmitter implements WindowLike {
  bounds: Rectangle;
  maximized = false;
  minimized = false;
  destroyed = false;
  shown = false;
  focused = false;
  loaded: string | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    this.bounds = {
      x: (options.x as number | undefined) ?? 0,
      y: (options.y as number | undefined) ?? 0,
      width: options.width as number,
      height: options.height as number,
    };
  }
  getNormalBounds(): Rectangle {
    return { ...this.bounds };
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  maximize(): void {
    this.maximized = true;
  }
  restore(): void {
    this.minimized = false;
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  async loadFile(file: string): Promise<void> {
    this.loaded = `file:${file}`;
  }
  async loadURL(url: string): Promise<void> {
    this.loaded = url;
  }
}
