// electron-builder configuration for FDI Desk (外资工作台). Run only through `npm run dist` on a machine with
// internet (it downloads Electron and the packaging tools); tests/unit/packaging.test.ts keeps it from rotting.
// CommonJS because electron-builder require()s its config and package.json says "type": "module".

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'cn.gov.fdidesk.app',
  productName: 'FDI Desk',
  copyright: 'FDI Desk',
  // electron-builder wants a homepage and maintainer for .deb; placeholders until the project has real ones
  extraMetadata: {
    homepage: 'https://fdi-desk.invalid/',
    author: { name: 'FDI Desk', email: 'fdi-desk@fdi-desk.invalid' },
  },
  directories: { output: 'release', buildResources: 'build' },

  // The bundles (dist/electron, dist/renderer) and package.json; production dependencies from node_modules are
  // added by electron-builder itself (devDependencies — React, antd… — are already inside dist/renderer).
  files: ['dist/**/*', '!dist/**/*.map', 'package.json'],
  asar: true,
  // a native addon cannot be loaded from inside the asar archive: better-sqlite3, and resvg (chain-map PNG/PDF in
  // the backend), whose per-platform binary comes as an optional dependency of the packaging machine's platform
  asarUnpack: ['**/node_modules/better-sqlite3/**/*.node', '**/node_modules/@resvg/**/*.node'],
  // reference CSVs (industries, divisions, countries…) next to the app, found via process.resourcesPath
  extraResources: [{ from: 'shared/reference', to: 'reference', filter: ['**/*'] }],

  // better-sqlite3 is rebuilt for Electron's ABI here, at packaging time only (node_modules stays built for Node
  // otherwise; build/scripts/dist.ts restores it afterwards). Prebuilt Electron binaries are used where they exist,
  // which is what makes the arm64 packages buildable from an x64 machine.
  npmRebuild: true,
  buildDependenciesFromSource: false,
  nodeGypRebuild: false,
  electronLanguages: ['zh-CN', 'en-US'],
  // Electron fuses, flipped in the binary by electron-builder (through @electron/fuses) just before signing: nobody
  // can run the app's Electron as a plain Node (ELECTRON_RUN_AS_NODE), hand it NODE_OPTIONS or attach an inspector,
  // or make it load code from anywhere but its own app.asar, whose integrity is checked where Electron can
  // (Windows, macOS). The backend needs none of these: it runs in a utilityProcess (host.cjs, no runAsNode needed) and
  // its worker threads, never a forked Electron.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  },
  icon: 'build/icon.png',
  publish: null,

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    executableName: 'FDI Desk',
  },
  nsis: {
    oneClick: false,
    // per-user by default: installs into the user's AppData, no administrator needed
    perMachine: false,
    selectPerMachineByDefault: false,
    allowToChangeInstallationDirectory: true,
    installerLanguages: ['zh_CN'],
    language: '2052',
    multiLanguageInstaller: false,
    unicode: true,
    shortcutName: '外资工作台',
    uninstallDisplayName: '外资工作台 ${version}',
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    // the user's database is their work: uninstalling never deletes it
    deleteAppDataOnUninstall: false,
    artifactName: 'FDI-Desk-Setup-${version}-${arch}.${ext}',
  },

  linux: {
    // 统信UOS and 麒麟 run on both x64 and arm64 (鲲鹏/飞腾) machines
    target: [
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ],
    category: 'Office',
    executableName: 'fdi-desk',
    synopsis: '外资工作台：重点外资项目、产业链招商图谱、外资统计',
    description: 'FDI Desk (外资工作台) — offline desktop app for the foreign-investment sections of commerce bureaus.',
    maintainer: 'FDI Desk <fdi-desk@fdi-desk.invalid>',
    vendor: 'FDI Desk',
    artifactName: 'fdi-desk-${version}-${arch}.${ext}',
    desktop: {
      entry: {
        Name: 'FDI Desk',
        'Name[zh_CN]': '外资工作台',
        Comment: 'Foreign investment desk',
        'Comment[zh_CN]': '外资工作台：项目、产业链、统计',
        Keywords: 'FDI;investment;statistics;外资;招商;统计;',
      },
    },
  },
  deb: {
    // Electron's runtime libraries. UOS 20 (Debian 10 base) and 麒麟 V10 (Ubuntu 20.04 base) have the classic names;
    // the `t64` alternatives keep the package installable on newer Debian/Ubuntu-based releases too.
    depends: [
      'libgtk-3-0 | libgtk-3-0t64',
      'libnotify4',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0 | libatspi2.0-0t64',
      'libuuid1',
      'libsecret-1-0',
      'libgbm1',
      'libasound2 | libasound2t64',
    ],
    // Chinese fonts: recommended, not required — an intranet machine without a package mirror must still install
    recommends: ['fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei'],
    packageCategory: 'office',
    priority: 'optional',
  },

  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    category: 'public.app-category.productivity',
  },
  dmg: { title: 'FDI Desk ${version}' },
};
