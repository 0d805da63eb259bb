// Runs sandboxed: only `electron` can be required here, so build-electron bundles this file (and what it imports)
// into one CommonJS file. It exposes `window.bridge` and nothing else — never the raw ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('bridge', createBridge(ipcRenderer));
