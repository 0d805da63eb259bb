import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../../electron/main/menu';

const HAN = /[\u4e00-\u9fff]/;

function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

function template(platform: NodeJS.Platform, isDev = false) {
  const calls: string[] = [];
  const items = buildMenuTemplate({ platform, isDev, actions: { openDataFolder: () => calls.push('folder'), showAbout: () => calls.push('about') } });
  return { items, calls };
}

describe('application menu', () => {
  it('has 文件 / 编辑 / 视图 / 窗口 / 帮助 on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(template(platform).items.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    }
  });

  it('adds the app menu first on macOS', () => {
    expect(template('darwin').items.map((m) => m.label)).toEqual(['外资工作台', '文件', '编辑', '视图', '窗口', '帮助']);
  });

  it('labels every item in Chinese', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      for (const item of allItems(template(platform, true).items)) {
        if (item.type === 'separator') continue;
        expect(item.label, JSON.stringify(item)).toMatch(HAN);
      }
    }
  });

  it('uses the standard roles for editing, so copy/paste work in inputs', () => {
    const edit = template('linux').items.find((m) => m.label === '编辑')!.submenu as MenuItemConstructorOptions[];
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('shows developer tools only in development', () => {
    const roles = (isDev: boolean) => allItems(template('linux', isDev).items).map((i) => i.role);
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
  });

  it('wires 打开数据文件夹 and 关于 to their actions', () => {
    const { items, calls } = template('win32');
    const find = (label: string) => allItems(items).find((i) => i.label === label)!;
    (find('打开数据文件夹').click as () => void)();
    (find('关于外资工作台').click as () => void)();
    expect(calls).toEqual(['folder', 'about']);
    expect(find('退出').role).toBe('quit');
  });
});
