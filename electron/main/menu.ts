/**
 * Native application menu. Studio actions live in the window; the menu offers the standard roles
 * plus opening the workspace folder.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function buildMenu(openWorkspace: () => void): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [{ label: 'Open Workspace Folder', click: openWorkspace }, { type: 'separator' }, { role: 'quit' }],
    },
    { role: 'editMenu' },
    { label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
