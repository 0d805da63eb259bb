import { receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import { outOfMemory } from '../workers/spawn';
import type { ParseMessage } from './messages';

/** The parse worker's messages as an async sequence (its crash, or its exit before 'end', ends it with an error). */
export function parseMessages(port: MessagePort, parser: Worker): AsyncIterable<ParseMessage> {
  const queue: ParseMessage[] = [];
  let wake: (() => void) | null = null;
  const push = (m: ParseMessage) => {
    queue.push(m);
    wake?.();
    wake = null;
  };
  port.on('message', push);
  parser.on('error', (err) => push({ type: 'failed', error: (outOfMemory(err) ?? new AppError('INTERNAL', `读取线程出错：${err.message}`)).toData() }));
  parser.on('exit', (code) => {
    // the parser exits once it has posted 'end', maybe before this thread has taken its last batches off the port:
    // take them now, so that 'end' comes before the exit (which after 'end' is never read)
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) push(m.message as ParseMessage);
    push({ type: 'failed', error: new AppError('INTERNAL', `读取线程意外退出（${code}）`).toData() });
  });
  return {
    async *[Symbol.asyncIterator]() {
      while (true) {
        while (queue.length) yield queue.shift()!;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}
