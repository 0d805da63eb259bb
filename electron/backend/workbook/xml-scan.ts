/**
 * A streaming XML tokenizer for the parts of an .xlsx (sheets, shared strings, workbook, styles, relationships).
 *
 * Why not a general SAX parser: reading a return's sheets is the bulk of an import, and every parser measured here
 * spends most of it building events a worksheet does not need — on a 35 MB sheet (100k records) tokenizing alone took
 * saxes (exceljs's) 1.3 s, htmlparser2 0.9 s and sax-wasm 2.9 s; this takes about 0.2 s by finding tags with
 * `indexOf` and slicing names and values out of the decoded text. It accepts well-formed XML and does not validate
 * it (a malformed part fails later, where its content is missing). Element names lose their namespace prefix
 * (`x:row` → `row`: some generators write SpreadsheetML prefixed). Comments, processing instructions and a DOCTYPE are
 * skipped; CDATA is text; the five named entities and character references are decoded; line ends are normalised as
 * XML says (`\r\n` and a lone `\r` read as `\n`; `&#13;` stays a carriage return).
 *
 * Bounded whatever the input: text is handed on as it arrives (a cell's text is bounded by its reader), and one tag,
 * comment or CDATA section longer than LIMITS.xmlTokenChars is refused. A handler can `pause()` the scanner (a sheet
 * reader holding many cells): `write` then returns with the rest of its chunk kept, and `resume()` goes on.
 */
import { normalizeLineEnds } from './cells';
import { formatCount, LimitError, LIMITS } from './limits';


export type XmlAttributes = Record<string, string>;

export interface XmlHandler {
  open(name: string, attributes: XmlAttributes, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags (entities decoded), possibly in several pieces. */
  text(value: string): void;
}

const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const COLON = 58;
const NO_ATTRIBUTES: XmlAttributes = Object.freeze({}) as XmlAttributes;

/** Text ending in an `&` this close to its end may be an entity cut in two (`&#x10FFFF;`, or with leading zeros). */
const ENTITY_CHARS = 32;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.charCodeAt(0) !== 35) return NAMED[body] ?? whole;
    const code = body.charCodeAt(1) === 120 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * The name in s[start, end) without its prefix. One-character names (`c`, `v`, `r`, `t`, `s`: most of a sheet) come
 * from V8's cache of one-character strings instead of a new string each.
 */
function nameAt(s: string, start: number, end: number): string {
  let from = start;
  for (let i = start; i < end; i++) if (s.charCodeAt(i) === COLON) from = i + 1;
  return end - from === 1 ? s[from]! : s.slice(from, end);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Feeds UTF-8 bytes (in any chunks: a character split between two is held back) or text to an XmlHandler. */
export class XmlScanner {
  private rest = '';
  private readonly decoder = new TextDecoder('utf-8');
  /** A chunk ended in `\r`: whether a `\n` follows is known with the next one. */
  private carriageReturn = false;
  private paused = false;
  private ended = false;

  constructor(private readonly handler: XmlHandler) {}

  /** Whether a handler paused the scanner: call `resume()` before writing more. */
  get isPaused(): boolean {
    return this.paused;
  }

  write(chunk: Uint8Array | string): void {
    let text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    if (this.carriageReturn) text = `\r${text}`;
    this.carriageReturn = text.endsWith('\r');
    if (this.carriageReturn) text = text.slice(0, -1);
    if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
    this.rest = this.scan(this.rest ? this.rest + text : text);
    if (!this.paused && this.rest.length > LIMITS.xmlTokenChars) {
      throw new LimitError('FILE_LIMIT', `XML 中有一个超过 ${formatCount(LIMITS.xmlTokenChars)} 个字符的标记`);
    }
  }

  /** Stops the scan after the current tag (from inside a handler); `write` or `resume` returns then. */
  pause(): void {
    this.paused = true;
  }

  /** Goes on scanning what was held back by `pause()`. */
  resume(): void {
    this.paused = false;
    this.rest = this.scan(this.rest);
    this.checkEnd();
  }

  /** The input has ended: what is left must be text outside any tag (an unfinished tag is an error). */
  end(): void {
    this.ended = true;
    this.rest = this.scan(this.rest + this.decoder.decode() + (this.carriageReturn ? '\n' : ''));
    this.carriageReturn = false;
    this.checkEnd();
  }

  private checkEnd(): void {
    if (!this.ended || this.paused) return;
    if (this.rest.trim()) throw new Error(`XML 不完整：${this.rest.slice(0, 40)}`);
    this.rest = '';
  }

  /** Scans `s` as far as it is complete; returns the unscanned remainder (an unfinished tag, or where it paused). */
  private scan(s: string): string {
    const { handler } = this;
    const length = s.length;
    let pos = 0;
    while (pos < length) {
      if (this.paused) return s.slice(pos);
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        // text whose end has not arrived: what has is handed on, but for an entity that may be cut in two
        const amp = s.lastIndexOf('&');
        const keep = amp >= pos && length - amp < ENTITY_CHARS && s.indexOf(';', amp) < 0 ? amp : length;
        if (keep > pos) handler.text(decodeEntities(s.slice(pos, keep)));
        return s.slice(keep);
      }
      if (lt > pos) handler.text(decodeEntities(s.slice(pos, lt)));
      if (lt + 1 >= length) return s.slice(lt);
      const next = s.charCodeAt(lt + 1);
      if (next === SLASH) {
        const gt = s.indexOf('>', lt + 2);
        if (gt < 0) return s.slice(lt);
        let end = gt;
        while (end > lt + 2 && isSpace(s.charCodeAt(end - 1))) end--;
        handler.close(nameAt(s, lt + 2, end));
        pos = gt + 1;
      } else if (next === QUESTION) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) return s.slice(lt);
        pos = end + 2;
      } else if (next === BANG) {
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end < 0) return s.slice(lt);
          pos = end + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end < 0) return s.slice(lt);
          handler.text(s.slice(lt + 9, end));
          pos = end + 3;
        } else {
          if (lt + 9 > length) return s.slice(lt);
          // <!DOCTYPE …> (an internal subset ends with "]>")
          const bracket = s.indexOf('[', lt);
          const gt = s.indexOf('>', lt);
          if (gt < 0) return s.slice(lt);
          if (bracket >= 0 && bracket < gt) {
            const end = s.indexOf(']>', bracket);
            if (end < 0) return s.slice(lt);
            pos = end + 2;
          } else pos = gt + 1;
        }
      } else {
        const end = this.openTag(s, lt);
        if (end < 0) return s.slice(lt);
        pos = end;
      }
    }
    return '';
  }

  /** Reads the start tag at `lt`; returns the index after its `>`, or -1 when the tag is not complete yet. */
  private openTag(s: string, lt: number): number {
    const length = s.length;
    let i = lt + 1;
    while (i < length) {
      const c = s.charCodeAt(i);
      if (isSpace(c) || c === GT || c === SLASH) break;
      i++;
    }
    if (i >= length) return -1;
    const name = nameAt(s, lt + 1, i);
    let attributes = NO_ATTRIBUTES;
    for (;;) {
      while (i < length && isSpace(s.charCodeAt(i))) i++;
      if (i >= length) return -1;
      const c = s.charCodeAt(i);
      if (c === GT) {
        this.handler.open(name, attributes, false);
        return i + 1;
      }
      if (c === SLASH) {
        if (i + 1 >= length) return -1;
        this.handler.open(name, attributes, true);
        this.handler.close(name);
        return i + 2;
      }
      const eq = s.indexOf('=', i);
      if (eq < 0) return -1;
      let q = eq + 1;
      while (q < length && isSpace(s.charCodeAt(q))) q++;
      if (q >= length) return -1;
      const quote = s[q]!;
      const close = s.indexOf(quote, q + 1);
      if (close < 0) return -1;
      if (attributes === NO_ATTRIBUTES) attributes = {};
      let nameEnd = eq;
      while (nameEnd > i && isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--;
      attributes[nameEnd - i === 1 ? s[i]! : s.slice(i, nameEnd)] = decodeEntities(s.slice(q + 1, close));
      i = close + 1;
    }
  }
}

/**
 * Excel's escape for characters XML cannot hold (`_x000D_` for a carriage return; `_x005F_` escapes an underscore).
 * A line break comes out as `\n`, however it was written (Excel writes `_x000D_` before the line feed).
 */
export function decodeExcelEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return normalizeLineEnds(text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
}
