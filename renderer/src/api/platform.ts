import type { FileRef } from '../../../shared/api/files';
import type { Result } from '../../../shared/result';
import { errorData } from '../../../shared/result';
import { api, ApiError } from './client';

export interface FileFilter {
  name: string;
  extensions: string[];
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

/** Opens a file chooser; in browser mode the chosen file is uploaded and the backend gives it an id. */
export async function pickFile(filters: FileFilter[], title?: string): Promise<FileRef | null> {
  const t = api.transport();
  if (t.kind === 'ipc') return unwrap((await t.call('platform.pickFile', { title, filters })) as Result<FileRef | null>);
  const file = await chooseBrowserFile(filters);
  return file ? uploadFile(file) : null;
}

/** Uploads a browser File to the backend (browser mode). */
export async function uploadFile(file: File): Promise<FileRef> {
  const t = api.transport();
  const res = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${t.token ?? ''}`, 'Content-Type': 'application/octet-stream' },
    body: file,
  }).catch((err: Error) => ({ json: async () => ({ ok: false, error: errorData('FILE_UNREADABLE', '上传失败', undefined, err.message) }) }));
  return unwrap((await res.json()) as Result<FileRef>);
}

function chooseBrowserFile(filters: FileFilter[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** Saves an exported file: a native save dialog in Electron, a download in the browser. Returns false if cancelled. */
export async function saveFile(fileId: string, suggestedName: string): Promise<boolean> {
  const t = api.transport();
  if (t.kind === 'ipc') {
    const saved = unwrap((await t.call('platform.saveFile', { fileId, suggestedName })) as Result<{ saved: boolean }>);
    return saved.saved;
  }
  const a = document.createElement('a');
  a.href = `/download/${encodeURIComponent(fileId)}?token=${encodeURIComponent(t.token ?? '')}`;
  a.download = suggestedName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  return true;
}

/** Saves bytes made in the renderer (a PNG of a chart): a download in both modes. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
