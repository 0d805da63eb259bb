import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createBridge, type IpcRendererLike } from '../../../electron/preload/bridge';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../electron/preload/channels';

class FakeIpcRenderer extends EventEmitter {
  invoked: unknown[][] = [];
  answer: () => Promise<unknown> = async () => ({ ok: true, value: 1 });
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, ...args]);
    return this.answer();
  }
}

function bridge() {
  const ipc = new FakeIpcRenderer();
  return { ipc, bridge: createBridge(ipc as unknown as IpcRendererLike) };
}

describe('preload bridge', () => {
  it('exposes call, onEvent and its origin, and nothing else', () => {
    expect(Object.keys(bridge().bridge).sort()).toEqual(['call', 'onEvent', 'origin']);
  });

  it('sends calls on the one call channel and returns the envelope', async () => {
    const { ipc, bridge: b } = bridge();
    expect(await b.call('system.info', {})).toEqual({ ok: true, value: 1 });
    expect(ipc.invoked).toEqual([[CALL_CHANNEL, 'system.info', {}, b.origin]]);
    expect(b.origin).toMatch(/^window-/);
  });

  it('turns a broken channel into an INTERNAL envelope instead of a rejection', async () => {
    const { ipc, bridge: b } = bridge();
    ipc.answer = async () => {
      throw new Error("No handler registered for 'fdi:call'");
    };
    expect(await b.call('system.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('refuses a non-string method without touching IPC', async () => {
    const { ipc, bridge: b } = bridge();
    expect(await b.call(7 as never, {} as never)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(ipc.invoked).toEqual([]);
  });

  it('delivers only the event payload (never the IPC event) and unsubscribes', () => {
    const { ipc, bridge: b } = bridge();
    const got: unknown[][] = [];
    const off = b.onEvent((...args) => got.push(args));
    ipc.emit(EVENT_CHANNEL, { sender: 'secret' }, { type: 'changed', areas: ['projects'] });
    expect(got).toEqual([[{ type: 'changed', areas: ['projects'] }]]);
    off();
    ipc.emit(EVENT_CHANNEL, { sender: 'secret' }, { type: 'changed', areas: ['projects'] });
    expect(got).toHaveLength(1);
    expect(ipc.listenerCount(EVENT_CHANNEL)).toBe(0);
  });
});
