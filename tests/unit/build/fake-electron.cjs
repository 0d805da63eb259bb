// A stand-in for the `electron` module, preloaded with `node --require` so the bundled main.cjs can run in plain
// Node (Electron's binary cannot be fetched here). It records what the shell did and, once the window exists,
// calls the IPC channel like the page would, then prints a JSON report and quits the app.
const { fork } = require('node:child_process');
const { EventEmitter } = require('node:events');
const Module = require('node:module');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const userData = process.env.FAKE_USER_DATA;
const report = { errors: [], windows: [], menu: null, handlers: [], permissionDenied: null, csp: null };

const app = new EventEmitter();
Object.assign(app, {
  isPackaged: false,
  enableSandbox: () => (report.sandboxed = true),
  requestSingleInstanceLock: () => process.env.FAKE_SECOND_INSTANCE !== '1',
  quit: () => {
    report.quit = true;
    let prevented = false;
    app.emit('will-quit', { preventDefault: () => (prevented = true) });
    // Electron quits once no will-quit listener prevented it; the app quits again itself once its host is closed
    if (!prevented) finish();
  },
  exit: (code) => {
    report.exitCode = code;
    finish();
  },
  whenReady: () => Promise.resolve(),
  getAppPath: () => process.env.FAKE_APP_PATH,
  getPath: (name) => (name === 'userData' ? userData : path.join(userData, name)),
});

const windows = [];
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.sent = [];
    this.webContents = { isDestroyed: () => false, send: (channel, payload) => this.sent.push([channel, payload]) };
    windows.push(this);
    report.windows.push({ webPreferences: options.webPreferences, width: options.width, height: options.height });
  }
  static getAllWindows() {
    return windows;
  }
  static fromWebContents() {
    return windows[0] ?? null;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: this.options.width, height: this.options.height };
  }
  isMaximized() { return false; }
  isMinimized() { return false; }
  isDestroyed() { return false; }
  maximize() {}
  restore() {}
  show() {}
  focus() {}
  loadFile(file) {
    report.loaded = file;
    return Promise.resolve();
  }
  loadURL(url) {
    report.loaded = url;
    return Promise.resolve();
  }
}

// utilityProcess.fork as a Node child process: the host (host.cjs) talks over Node's IPC instead of parentPort
const utilityProcess = {
  fork(modulePath, args, options) {
    report.utilityForks = [...(report.utilityForks ?? []), { modulePath, serviceName: options && options.serviceName }];
    const child = fork(modulePath, args ?? [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const proc = new EventEmitter();
    child.on('message', (message) => proc.emit('message', message));
    child.on('exit', (code) => {
      report.hostExits = [...(report.hostExits ?? []), code];
      proc.emit('exit', code ?? 1);
    });
    proc.postMessage = (message) => child.send(message);
    proc.kill = () => child.kill();
    proc.pid = child.pid;
    return proc;
  },
};

const handlers = new Map();
const fake = {
  utilityProcess,
  app,
  BrowserWindow,
  ipcMain: { handle: (channel, fn) => handlers.set(channel, fn), removeHandler: (channel) => handlers.delete(channel) },
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu: (m) => (report.menu = m.map((item) => item.label)) },
  screen: {
    getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
  },
  session: {
    defaultSession: {
      webRequest: {
        onHeadersReceived: (fn) => fn({ responseHeaders: {} }, (r) => (report.csp = r.responseHeaders['Content-Security-Policy'])),
      },
      setPermissionRequestHandler: (fn) => fn({}, 'media', (granted) => (report.permissionDenied = !granted)),
      setPermissionCheckHandler: () => undefined,
    },
  },
  dialog: {
    showErrorBox: (title, message) => report.errors.push(`${title}: ${message}`),
    showMessageBox: () => Promise.resolve({ response: 0 }),
    showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
    showSaveDialog: () => Promise.resolve({ canceled: true, filePath: '' }),
  },
  shell: { openExternal: () => Promise.resolve(), openPath: () => Promise.resolve('') },
};

const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'electron') return fake;
  return load.call(this, request, ...rest);
};

let finished = false;
function finish() {
  if (finished) return;
  finished = true;
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exit(0);
}

async function exercise() {
  const call = handlers.get('fdi:call');
  report.handlers = [...handlers.keys()];
  const ownPage = pathToFileURL(report.loaded).href;
  report.info = await call({ senderFrame: { url: ownPage }, sender: {} }, 'system.info', {});
  report.foreign = await call({ senderFrame: { url: 'https://example.com/' }, sender: {} }, 'system.info', {});
  report.unknown = await call({ senderFrame: { url: ownPage }, sender: {} }, 'nope.nothing', {});
  report.pick = await call({ senderFrame: { url: ownPage }, sender: {} }, 'platform.pickFile', { filters: [] });
  report.mainHasSqlite = Object.keys(require.cache).some((file) => file.includes('better-sqlite3'));
  app.emit('window-all-closed'); // quits, once the host has closed the database
  setTimeout(finish, 15000);
}

const started = Date.now();
const timer = setInterval(() => {
  if (windows.length && handlers.size) {
    clearInterval(timer);
    exercise().catch((err) => {
      report.errors.push(String(err && err.stack ? err.stack : err));
      finish();
    });
  } else if (report.quit || Date.now() - started > 15000) {
    clearInterval(timer);
    finish();
  }
}, 20);
