import { describe, expect, it } from 'vitest';
import { createExternalOpener, externalTarget, type ExternalDeps } from '../../../electron/main/external';

describe('externalTarget', () => {
  it('lets https pages and mailto addresses out, showing their host or address', () => {
    expect(externalTarget('https://www.stats.gov.cn/sj/')).toEqual({ url: 'https://www.stats.gov.cn/sj/', shown: 'www.stats.gov.cn', kind: 'https' });
    expect(externalTarget('HTTPS://WWW.MOFCOM.GOV.CN')).toMatchObject({ shown: 'www.mofcom.gov.cn', kind: 'https' });
    expect(externalTarget('mailto:wzk@example.gov.cn?subject=%E5%A4%96%E8%B5%84')).toMatchObject({ shown: 'wzk@example.gov.cn', kind: 'mailto' });
    // an IDN host is shown as the browser will reach it (punycode), never as look-alike letters
    expect(externalTarget('https://раураl.com/')!.shown).toMatch(/^xn--/);
  });

  it('keeps everything else in', () => {
    for (const url of [
      'http://example.com',
      'http://192.168.1.1/login',
      'file:///C:/Windows/system32/calc.exe',
      'smb://server/share',
      'https://user:pw@example.com/',
      'ms-msdt:/id',
      'javascript:alert(1)',
      'mailto:',
      'mailto:a@b.c,c@d.e',
      'https://',
      'x',
    ]) {
      expect(externalTarget(url), url).toBeNull();
    }
  });
});

function fakes(answer: number) {
  const asked: Array<Parameters<ExternalDeps['showMessageBox']>[0]> = [];
  const opened: string[] = [];
  const deps: ExternalDeps = {
    showMessageBox: async (options) => (asked.push(options), { response: answer }),
    openExternal: async (url) => void opened.push(url),
  };
  return { deps, asked, opened };
}

describe('createExternalOpener', () => {
  it('opens a link only after the user confirmed its host', async () => {
    const yes = fakes(0);
    expect(await createExternalOpener(yes.deps)('https://www.mofcom.gov.cn/article/')).toBe(true);
    expect(yes.asked).toHaveLength(1);
    expect(yes.asked[0]).toMatchObject({ message: '在浏览器中打开 www.mofcom.gov.cn 的网页？', detail: 'https://www.mofcom.gov.cn/article/', buttons: ['打开', '取消'], cancelId: 1, defaultId: 1 });
    expect(yes.opened).toEqual(['https://www.mofcom.gov.cn/article/']);

    const mail = fakes(0);
    await createExternalOpener(mail.deps)('mailto:wzk@example.gov.cn');
    expect(mail.asked[0]!.message).toBe('给 wzk@example.gov.cn 写邮件？');
  });

  it('opens nothing when the user says no, and never asks about a link that may not leave', async () => {
    const no = fakes(1);
    expect(await createExternalOpener(no.deps)('https://example.com/')).toBe(false);
    expect(no.opened).toEqual([]);
    const never = fakes(0);
    expect(await createExternalOpener(never.deps)('http://example.com/')).toBe(false);
    expect(await createExternalOpener(never.deps)('file:///etc/passwd')).toBe(false);
    expect(never.asked).toEqual([]);
    expect(never.opened).toEqual([]);
  });
});
