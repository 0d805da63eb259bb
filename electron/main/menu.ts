import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openDataFolder(): void;
  showAbout(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Developer tools only where someone is developing (not in the packaged app). */
  isDev: boolean;
  actions: MenuActions;
}

const SEPARATOR: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu in Chinese: 文件 / 编辑 / 视图 / 窗口 / 帮助 (plus the app menu macOS insists on). Every item
 * carries its own label, since Electron's role labels follow the OS language, which on a Chinese build may be English.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: '关于外资工作台', click: () => options.actions.showAbout() };
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: '外资工作台',
      submenu: [
        about,
        SEPARATOR,
        { label: '隐藏外资工作台', role: 'hide' },
        { label: '隐藏其他', role: 'hideOthers' },
        { label: '全部显示', role: 'unhide' },
        SEPARATOR,
        { label: '退出外资工作台', role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: '文件',
      submenu: [
        { label: '打开数据文件夹', click: () => options.actions.openDataFolder() },
        SEPARATOR,
        mac ? { label: '关闭窗口', role: 'close' } : { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        SEPARATOR,
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        ...(options.isDev ? [{ label: '开发者工具', role: 'toggleDevTools' } as MenuItemConstructorOptions] : []),
        SEPARATOR,
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        SEPARATOR,
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '窗口',
      role: 'windowMenu',
      submenu: [
        { label: '最小化', role: 'minimize' },
        ...(mac ? [{ label: '缩放', role: 'zoom' } as MenuItemConstructorOptions] : []),
        { label: '关闭', role: 'close' },
      ],
    },
    {
      label: '帮助',
      role: 'help',
      submenu: [about],
    },
  );
  return template;
}
