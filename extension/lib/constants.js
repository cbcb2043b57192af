// Names shared by the worker, the panel and the tests.
export const MENU_ID = 'scan-selection';
export const COMMAND = 'scan-selection';
export const PANEL_PORT = 'piiscore-panel';
