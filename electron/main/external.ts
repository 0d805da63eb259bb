/**
 * Links that leave the app: only https pages and mailto addresses, each opened by the system only after the user
 * has seen where it goes (the host, or the address) and said yes. Electron's dialog and shell are handed in, so tests
 * drive this with fakes.
 */

export interface ExternalTarget {
  url: string;
  /** What the user is shown and agrees to: the host of a page, the address of a mail. */
  shown: string;
  kind: 'https' | 'mailto';
}

/** The link as it may leave: https with a host and no credentials, or mailto with an address; null otherwise. */
export function externalTarget(raw: string): ExternalTarget | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'https:') {
    return url.hostname && !url.username && !url.password ? { url: url.href, shown: url.hostname, kind: 'https' } : null;
  }
  if (url.protocol === 'mailto:') {
    const address = decodeURIComponent(url.pathname);
    return /^[^@\s,;]+@[^@\s,;]+$/.test(address) ? { url: url.href, shown: address, kind: 'mailto' } : null;
  }
  return null;
}

export interface ExternalDeps {
  /** Electron's dialog.showMessageBox (its answer's `response` is the index of the button pressed). */
  showMessageBox(options: { type: 'question'; title: string; message: string; detail: string; buttons: string[]; defaultId: number; cancelId: number; noLink: boolean }): Promise<{ response: number }>;
  /** Electron's shell.openExternal. */
  openExternal(url: string): Promise<void>;
}

/** Opens a link the page asked to open, if it may leave and the user agrees; resolves whether it was opened. */
export function createExternalOpener(deps: ExternalDeps): (raw: string) => Promise<boolean> {
  return async (raw) => {
    const target = externalTarget(raw);
    if (!target) return false;
    const { response } = await deps.showMessageBox({
      type: 'question',
      title: '打开外部链接',
      message: target.kind === 'https' ? `在浏览器中打开 ${target.shown} 的网页？` : `给 ${target.shown} 写邮件？`,
      detail: target.url,
      buttons: ['打开', '取消'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    if (response !== 0) return false;
    await deps.openExternal(target.url);
    return true;
  };
}
