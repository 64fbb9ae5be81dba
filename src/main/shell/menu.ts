/**
 * The application menu: the platform's usual roles and shortcuts. DevTools appear only in
 * development, matching the window's `devTools` setting.
 */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** Show "Toggle Developer Tools" (development only). */
  allowDevTools: boolean;
}

/** Builds the menu; set it with `Menu.setApplicationMenu`. */
export function buildAppMenu(options: MenuOptions): Menu {
  const isMac = process.platform === 'darwin';
  const about: MenuItemConstructorOptions = {
    label: `About ${app.getName()}`,
    click: () => {
      app.showAboutPanel();
    },
  };

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: app.getName(),
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: '&File',
      submenu: [isMac ? { role: 'close' } : { role: 'quit' }],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
        { role: 'delete' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        { role: 'forceReload' },
        ...(options.allowDevTools ? [{ role: 'toggleDevTools' } as const] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Window',
      submenu: isMac
        ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
        : [{ role: 'minimize' }, { role: 'close' }],
    },
    {
      role: 'help',
      label: '&Help',
      // On macOS the About item lives in the app menu already.
      submenu: isMac ? [{ ...about, label: 'About' }] : [about],
    },
  );
  return Menu.buildFromTemplate(template);
}
