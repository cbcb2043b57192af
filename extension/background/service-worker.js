// Service worker: every listener registered at top level, no state in globals (see
// chrome-extensions-samples sidepanel-dictionary). State: chrome.storage.session via state.js.
import { openPanel, scanFromTab, clearScan } from './scan.js';
import { getCurrent, restrictSessionStorage } from './state.js';
import { MENU_ID, COMMAND, PANEL_PORT } from '../lib/constants.js';

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.create({
    id: MENU_ID,
    title: chrome.i18n.getMessage('menuScan'),
    contexts: ['selection'],
  });
  restrictSessionStorage().catch(() => {});
});

chrome.runtime.onStartup.addListener(() => {
  restrictSessionStorage().catch(() => {});
});

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== MENU_ID || !tab) return;
  openPanel(tab);
  scanFromTab(tab, { menuText: info.selectionText ?? '', frameId: info.frameId ?? 0, trigger: 'menu' });
});

chrome.commands.onCommand.addListener((command, tab) => {
  if (command !== COMMAND || !tab) return;
  openPanel(tab);
  scanFromTab(tab, { trigger: 'command' });
});

chrome.action.onClicked.addListener((tab) => {
  openPanel(tab);
  scanFromTab(tab, { trigger: 'action' });
});

// The panel holds a port open while it is visible; when it closes, the page marks go too.
chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== PANEL_PORT) return;
  port.onDisconnect.addListener(async () => {
    await clearScan(await getCurrent());
  });
});

