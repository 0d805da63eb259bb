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
import { fdiFieldSpecs } from './fields';
import { rememberedHeaders } from './mapping';
import { PARSE_BATCH_ROWS, PARSE_BATCHES_IN_FLIGHT, type ParseAck, type ParseInput, type ParseMessage } from './messages';
import { PlaceBook } from './places';
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
  const resolvers = new FdiResolvers(input.resolverData);
  const places = new PlaceBook(resolvers, input.resolverData, input.places);
  const context = { resolvers, mappings: input.mappings, places };
  const fields = fdiFieldSpecs(resolvers);
  const remembered = rememberedHeaders(input.mappings);
  const sendPlaces = () => {
    const fresh = places.takeNew();
    if (fresh.length) send({ type: 'places', places: fresh });
  };
  for (const [index, file] of input.files.entries()) {
    send({ type: 'file', index });
    let records: RecordBatch = [];
    const checker = new FileChecker(file, context, (draft) => packRecord(records, draft));
    let chosen: string | null = null;
    let checked = 0; // rows checked since the last message
    let progress: () => number = () => 0;
    const sendRecords = async (at: number) => {
      sendPlaces();
      send({ type: 'records', records, progress: at, checked: checker.found.counts.dataRows });
      records = [];
      checked = 0;
      inFlight++;
      while (inFlight >= PARSE_BATCHES_IN_FLIGHT && !stopped) await new Promise<void>((resolve) => (wake = resolve));
    };
    const { headerRows, sheet } = file.options;
    for await (const event of scanTableBatches(file.path, fields, {
      fileName: file.name,
      minFields: 3,
      headerRows: (name) => (headerRows && (sheet === undefined || sheet === name) ? headerRows : undefined),
      rememberedHeaders: remembered,
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
    const findings = checker.finish();
    sendPlaces(); // a file's own district may be new though none of its rows was clean
    send({ type: 'fileEnd', index, findings });
  }
  send({ type: 'end', matched: [...places.matched] });
}

parse().then(
  () => port.close(),
  (err) => {
    if (!(err instanceof AppError)) console.error('[parse worker]', (err as Error)?.stack ?? err);
    send({ type: 'failed', error: err instanceof AppError ? err.toData() : AppError.internal(err).toData() });
    port.close();
  },
);
