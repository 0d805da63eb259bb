// Modules inside exceljs that its typings leave out; xlsx-rows.ts reads a sheet's XML with them.

declare module 'exceljs/lib/utils/parse-sax.js' {
  interface SaxTag {
    name: string;
    attributes: Record<string, string>;
  }
  export type SaxEvent = { eventType: 'opentag'; value: SaxTag } | { eventType: 'closetag'; value: SaxTag } | { eventType: 'text'; value: string };
  /** SAX events of an XML byte stream, one array per chunk (patched to decode UTF-8 across chunks). */
  export default function parseSax(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]>;
}

declare module 'exceljs/lib/utils/utils.js' {
  const utils: {
    isDateFmt(fmt: string | undefined): boolean;
    excelToDate(serial: number, date1904?: boolean): Date;
  };
  export default utils;
}
