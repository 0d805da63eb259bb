// Modules inside exceljs that its typings leave out; the .xlsx reader (xlsx-parts.ts, xlsx-rows.ts) uses its date rules.

declare module 'exceljs/lib/utils/utils.js' {
  const utils: {
    isDateFmt(fmt: string | undefined): boolean;
    excelToDate(serial: number, date1904?: boolean): Date;
  };
  export default utils;
}

declare module 'exceljs/lib/xlsx/defaultnumformats.js' {
  /** Built-in number formats by id: `{ f }`, or per locale (`'zh-cn'`…) for the CJK date and time formats. */
  const formats: Record<number, Record<string, string>>;
  export default formats;
}
