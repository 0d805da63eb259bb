/**
 * The parse worker: streams the files through the workbook layer and hands the rows of each file's data sheet to
 * the check worker over a MessageChannel, a batch at a time. It runs beside the check worker, so parsing and
 * checking/writing (SQLite) use both cores. It never touches the database.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { AppError } from '../errors';
import { scanTables } from '../workbook';
import { FDI_FIELD_SPECS } from './fields';
import { PARSE_BATCH_ROWS, PARSE_BATCHES_IN_FLIGHT, type ParseAck, type ParseInput, type ParseMessage, type ParsedRow } from './messages';

const { input, port } = workerData as { input: ParseInput; port: MessagePort };
let inFlight = 0;
let wake: (() => void) | null = null;
let stopped = false;
port.on('message', (message: ParseAck | { type: 'stop' }) => {
  if (message.type === 'stop') stopped = true;
  else inFlight--;
  wake?.();
  wake = null;
});

const send = (message: ParseMessage) => port.postMessage(message);

async function sendRows(rows: ParsedRow[], progress: number): Promise<void> {
  send({ type: 'rows', rows, progress });
  inFlight++;
  while (inFlight >= PARSE_BATCHES_IN_FLIGHT && !stopped) await new Promise<void>((resolve) => (wake = resolve));
}

async function parse(): Promise<void> {
  for (const [index, file] of input.files.entries()) {
    send({ type: 'file', index });
    let chosen: string | null = null;
    let batch: ParsedRow[] = [];
    let progress: () => number = () => 0;
    for await (const event of scanTables(file.path, FDI_FIELD_SPECS, {
      fileName: file.name,
      minFields: 3,
      accept: ({ name, hidden, layout }) => {
        if (!layout) return false;
        if (file.sheet !== undefined) return name === file.sheet;
        if (hidden || chosen !== null) return false;
        chosen = name;
        return true;
      },
    })) {
      if (stopped) return;
      if (event.type === 'sheet') {
        if (batch.length) await sendRows(batch, progress());
        batch = [];
        progress = event.progress;
        send({ type: 'sheet', sheet: event.sheet, hidden: event.hidden, layout: event.layout, accepted: event.accepted });
        continue;
      }
      batch.push(event.type === 'row' ? { n: event.row.rowNumber, cells: event.row.cells } : { n: event.row.rowNumber, cells: event.row.cells, skip: event.reason });
      if (batch.length >= PARSE_BATCH_ROWS) {
        await sendRows(batch, progress());
        batch = [];
      }
    }
    if (batch.length) await sendRows(batch, 1);
    send({ type: 'fileEnd', index });
  }
  send({ type: 'end' });
}

parse().then(
  () => port.close(),
  (err) => {
    if (!(err instanceof AppError)) console.error('[parse worker]', (err as Error)?.stack ?? err);
    send({ type: 'failed', error: err instanceof AppError ? err.toData() : new AppError('INTERNAL', String((err as Error)?.message ?? err)).toData() });
    port.close();
  },
);
