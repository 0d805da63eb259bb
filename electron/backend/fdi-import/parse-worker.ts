/**
 * The parse worker, started by the job beside the check worker: streams the files through the workbook layer, checks
 * each row of a file's data sheet (FileChecker, against the reference data and settings the job read for it) and
 * hands the clean records to the check worker over a MessageChannel, a batch at a time, and at each file's end what
 * the check found. The check worker finds duplicates and writes, so reading and checking run on one core and SQLite's
 * writes on the other. It never touches the database: what it checks against (reference data, settings, remembered
 * mappings; a few thousand rows) comes with its input.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { AppError } from '../errors';
import { scanTableBatches } from '../workbook';
import { FileChecker } from './check';
import { FDI_FIELD_SPECS } from './fields';
import { PARSE_BATCH_ROWS, PARSE_BATCHES_IN_FLIGHT, type ParseAck, type ParseInput, type ParseMessage } from './messages';
import { packRecord, type RecordBatch } from './record-keys';
import { FdiResolvers } from './resolve';

const { input, port } = workerData as { input: ParseInput; port: MessagePort };
let inFlight = 0;
let wake: (() => void) | null = null;
let stopped = false;
const resume = () => {
  wake?.();
  wake = null;
};
port.on('message', (_ack: ParseAck) => {
  inFlight--;
  resume();
});
// the check worker closes its end when it stops (finished, refused or cancelled)
port.on('close', () => {
  stopped = true;
  resume();
});

const send = (message: ParseMessage) => port.postMessage(message);

async function parse(): Promise<void> {
  const context = { resolvers: new FdiResolvers(input.resolverData), mappings: input.mappings };
  for (const [index, file] of input.files.entries()) {
    send({ type: 'file', index });
    let records: RecordBatch = [];
    const checker = new FileChecker(file, context, (draft) => packRecord(records, draft));
    let chosen: string | null = null;
    let checked = 0; // rows checked since the last message
    let progress: () => number = () => 0;
    const sendRecords = async (at: number) => {
      send({ type: 'records', records, progress: at, checked: checker.found.counts.dataRows });
      records = [];
      checked = 0;
      inFlight++;
      while (inFlight >= PARSE_BATCHES_IN_FLIGHT && !stopped) await new Promise<void>((resolve) => (wake = resolve));
    };
    for await (const event of scanTableBatches(file.path, FDI_FIELD_SPECS, {
      fileName: file.name,
      minFields: 3,
      accept: ({ name, hidden, layout }) => {
        if (!layout) return false;
        if (file.options.sheet !== undefined) return name === file.options.sheet;
        if (hidden || chosen !== null) return false;
        chosen = name;
        return true;
      },
    })) {
      if (stopped) return;
      if (event.type === 'sheet') {
        if (checked) await sendRecords(progress());
        progress = event.progress;
        send({ type: 'sheet', accepted: checker.sheet(event) });
        continue;
      }
      checker.rows(event.rows);
      checked += event.rows.length;
      if (checked >= PARSE_BATCH_ROWS) await sendRecords(progress());
    }
    if (checked) await sendRecords(1);
    send({ type: 'fileEnd', index, findings: checker.finish() });
  }
  send({ type: 'end' });
}

parse().then(
  () => port.close(),
  (err) => {
    if (!(err instanceof AppError)) console.error('[parse worker]', (err as Error)?.stack ?? err);
    send({ type: 'failed', error: err instanceof AppError ? err.toData() : AppError.internal(err).toData() });
    port.close();
  },
);
