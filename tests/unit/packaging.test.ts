import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dist } from '../../build/scripts/dist';

// The packaging config cannot be exercised here (electron-builder needs the internet), so this test pins what
// matters about it: the targets and architectures, what goes into the app, and the installer options.
const ROOT = path.resolve(__dirname, '../..');
const require = createRequire(import.meta.url);
const CONFIG_PATH = path.join(ROOT, 'build', 'electron-builder.config.cjs');
const config = require(CONFIG_PATH) as Record<string, any>;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function targets(platform: { target: Array<{ target: string; arch: string[] }> }) {
  return Object.fromEntries(platform.target.map((t) => [t.target, [...t.arch].sort()]));
}

describe('electron-builder config', () => {
  it('is valid for the installed electron-builder', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // the validator really validates
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, oneClik: false } }, new DebugLogger(false))).rejects.toThrow(/configuration\.nsis/);
  });

  it('sets the Electron fuses: no running as Node, no NODE_OPTIONS, no inspector; cookies encrypted; code only from a checked app.asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true); // the fuses above mean nothing without it
  });

  it('hands those fuses to @electron/fuses as electron-builder does when packaging', async () => {
    const { PlatformPackager } = require('app-builder-lib');
    const { FuseV1Options, FuseVersion } = require(require.resolve('@electron/fuses', { paths: [require.resolve('app-builder-lib')] }));
    const fuses = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
    expect(fuses).toMatchObject({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });

  it('names the app', () => {
    expect(config.appId).toMatch(/^[a-z0-9.]+$/);
    expect(config.productName).toBe('FDI Desk');
    expect(config.nsis.shortcutName).toBe('外资工作台');
    expect(config.linux.desktop.entry['Name[zh_CN]']).toBe('外资工作台');
  });

  it('builds NSIS for Windows, deb + AppImage for Linux x64 and arm64, dmg for macOS', () => {
    expect(targets(config.win)).toEqual({ nsis: ['x64'] });
    expect(targets(config.linux)).toEqual({ deb: ['arm64', 'x64'], AppImage: ['arm64', 'x64'] });
    expect(Object.keys(targets(config.mac))).toEqual(['dmg']);
    expect(config.linux.category).toBe('Office');
  });

  it('installs per user in Chinese without admin, letting the user pick the folder', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN'],
      language: '2052',
      deleteAppDataOnUninstall: false,
    });
    expect(config.nsis.selectPerMachineByDefault).not.toBe(true);
  });

  it('ships the bundles, not the sources, and the main entry is inside them', () => {
    expect(config.files).toContain('dist/**/*');
    expect(config.files).toContain('package.json');
    expect(config.files.some((f: string) => /^(electron|renderer|shared|tests)\//.test(f))).toBe(false);
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('unpacks better-sqlite3 from the asar and rebuilds it for Electron only when packaging', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack.some((p: string) => p.includes('better-sqlite3') && p.endsWith('.node'))).toBe(true);
    expect(config.npmRebuild).toBe(true);
    expect(pkg.dependencies['better-sqlite3']).toBeDefined(); // so electron-builder treats it as a production dep
  });

  it('unpacks every other native addon among the production dependencies', () => {
    const native = Object.keys(pkg.dependencies).filter((name) => name.startsWith('@resvg/'));
    for (const name of native) expect(config.asarUnpack.some((p: string) => p.includes(name.split('/')[0]!) && p.endsWith('.node')), name).toBe(true);
  });

  it('puts the reference CSVs where main looks for them (<resources>/reference)', () => {
    expect(config.extraResources).toEqual([{ from: 'shared/reference', to: 'reference', filter: ['**/*'] }]);
    expect(fs.existsSync(path.join(ROOT, 'shared/reference/gbt4754-2017-industries.csv'))).toBe(true);
  });

  it('has the icon it names, big enough for every platform', () => {
    const icon = fs.readFileSync(path.join(ROOT, config.icon));
    expect(icon.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(icon.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
  });

  it('lists a deb maintainer and a homepage (fpm refuses to build without them)', () => {
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.extraMetadata.homepage).toMatch(/^https:\/\//);
    expect(config.deb.depends).toContain('libnss3');
  });
});

describe('npm run dist', () => {
  it('runs build/scripts/dist.ts', () => {
    expect(pkg.scripts.dist).toBe('tsx build/scripts/dist.ts');
  });

  it('builds, packages with this config, and always restores the Node build of better-sqlite3', () => {
    const calls: string[] = [];
    const status = dist(['--linux', 'deb'], (command, args) => {
      calls.push([path.basename(command), ...args].join(' '));
      return args.includes('--config') ? 7 : 0; // electron-builder fails
    });
    expect(status).toBe(7);
    expect(calls).toEqual([
      expect.stringMatching(/^npm(\.cmd)? run build$/),
      expect.stringMatching(/electron-builder[\\/]cli\.js --config build\/electron-builder\.config\.cjs --linux deb$/),
      expect.stringMatching(/^npm(\.cmd)? rebuild better-sqlite3$/),
    ]);
  });

  it('does not package when the build fails', () => {
    const calls: string[][] = [];
    expect(dist([], (c, a) => (calls.push(a), 2))).toBe(2);
    expect(calls).toHaveLength(1);
  });
});
