import { describe, expect, it } from 'vitest';
import { decodeExcelEscapes, XmlScanner } from '../../electron/backend/workbook/xml-scan';

type Event = ['open', string, Record<string, string>] | ['close', string] | ['text', string];

/** The events of `parts` fed one after another, with neighbouring text pieces joined (their split is not meaningful). */
function events(parts: Array<Uint8Array | string>): Event[] {
  const out: Event[] = [];
  const scanner = new XmlScanner({
    open: (name, attributes) => out.push(['open', name, { ...attributes }]),
    close: (name) => out.push(['close', name]),
    text: (value) => {
      const last = out[out.length - 1];
      if (last?.[0] === 'text') last[1] += value;
      else out.push(['text', value]);
    },
  });
  for (const p of parts) scanner.write(p);
  scanner.end();
  return out;
}

const XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE x [ <!ENTITY e "y"> ]><!-- a <comment> --><x:worksheet xmlns:x="urn:x"><x:row r = '3' spans="1:2">`
  + `<x:c r="A3" t="inlineStr" f='a>b "q"'><x:is><x:t>外资 &amp; &lt;合同&gt; &#20013;&#x56FD; &quot;&apos;</x:t></x:is></x:c>`
  + `<c r="B3" s="1"/><c r="C3"><v><![CDATA[<raw & text>]]></v></c></x:row></x:worksheet>`;

const EXPECTED: Event[] = [
  ['text', '\n'],
  ['open', 'worksheet', { 'xmlns:x': 'urn:x' }],
  ['open', 'row', { r: '3', spans: '1:2' }],
  ['open', 'c', { r: 'A3', t: 'inlineStr', f: 'a>b "q"' }],
  ['open', 'is', {}],
  ['open', 't', {}],
  ['text', '外资 & <合同> 中国 "\''],
  ['close', 't'],
  ['close', 'is'],
  ['close', 'c'],
  ['open', 'c', { r: 'B3', s: '1' }],
  ['close', 'c'],
  ['open', 'c', { r: 'C3' }],
  ['open', 'v', {}],
  ['text', '<raw & text>'],
  ['close', 'v'],
  ['close', 'c'],
  ['close', 'row'],
  ['close', 'worksheet'],
];

describe('XmlScanner', () => {
  it('reads elements, attributes (either quote, > inside), entities, CDATA, and skips prolog, DOCTYPE and comments', () => {
    expect(events([XML])).toEqual(EXPECTED);
  });

  it('gives the same events however the bytes are split, a UTF-8 character or an entity or a tag included', () => {
    const bytes = Buffer.from(XML, 'utf8');
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(events([bytes.subarray(0, cut), bytes.subarray(cut)]), `split at byte ${cut}`).toEqual(EXPECTED);
    }
    expect(events([...bytes].map((b) => Uint8Array.of(b)))).toEqual(EXPECTED);
  });

  it('refuses input that ends inside a tag', () => {
    expect(() => events(['<row><c r="A1"'])).toThrow(/XML 不完整/);
  });

  it("decodes Excel's _xHHHH_ escapes, a line break coming out as \\n however it was written", () => {
    expect(decodeExcelEscapes('第一行_x000D_\n第二行_x005F_x0041_')).toBe('第一行\n第二行_x0041_');
    expect(decodeExcelEscapes('a_x000D_b')).toBe('a\nb');
  });

  it('normalises line ends as XML does, a \\r\\n cut between two chunks included, keeping &#13;', () => {
    expect(events(['<t>a\r\nb\rc&#13;d</t>'])).toEqual([['open', 't', {}], ['text', 'a\nb\nc\rd'], ['close', 't']]);
    expect(events(['<t>a\r', '\nb</t>'])).toEqual([['open', 't', {}], ['text', 'a\nb'], ['close', 't']]);
    expect(events(['<t>a\r'])).toEqual([['open', 't', {}], ['text', 'a\n']]);
  });
});
