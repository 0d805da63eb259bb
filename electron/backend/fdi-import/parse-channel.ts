import type { MessagePort } from 'node:worker_threads';
import { AppError } from '../errors';
import type { ParseMessage } from './messages';

/**
 * The parse worker's messages as an async sequence. The parse worker runs beside this one (both started by the job),
 * so its end is seen as its port closing: after 'end' when it finished, without 'end' when it died — an error it
 * caught comes as a 'failed' message first; running out of memory is told by the job, which sees the worker itself.
 */
export function parseMessages(port: MessagePort): AsyncIterable<ParseMessage> {
  const queue: ParseMessage[] = [];
  let wake: (() => void) | null = null;
  const push = (m: ParseMessage) => {
    queue.push(m);
    wake?.();
    wake = null;
  };
  port.on('message', push);
  // the close comes through the port after every message sent before it, so after 'end' it is never read (Node 20
  // crashes on receiveMessageOnPort once the port has closed: no draining here)
  port.on('close', () => push({ type: 'failed', error: new AppError('INTERNAL', '读取线程意外退出').toData() }));
  return {
    async *[Symbol.asyncIterator]() {
      while (true) {
        while (queue.length) yield queue.shift()!;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}
