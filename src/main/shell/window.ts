/**
 * The app's one window. Invariant: the page runs with no Node.js, in Chromium's sandbox, in an
 * isolated world apart from the preload — it reaches the core only through the bridge.
 */
import { BrowserWindow } from 'electron';

export const WINDOW_TITLE = 'Citizen Audit';

export interface MainWindowOptions {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preloadPath: string;
  /** Absolute path of the built renderer page (out/renderer/index.html). */
  rendererIndexPath: string;
  /** The dev server to load instead of the built page (development only), else null. */
  devServerUrl: string | null;
  /** Whether DevTools may be opened (development only). */
  allowDevTools: boolean;
  /** The app's icon (resources/icon.png), shown by the window manager and the task bar. */
  iconPath: string;
}

/** Creates the window, loads the app's page, and shows it once it has painted. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    icon: options.iconPath,
    width: 1280,
    height: 840,
    minWidth: 800,
    minHeight: 560,
    // Shown on 'ready-to-show' so the user never sees an empty white window.
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      // The preload and the page live in separate JavaScript worlds, so the page cannot reach
      // the preload's `ipcRenderer` or tamper with its built-ins.
      contextIsolation: true,
      // Chromium's OS-level sandbox for the renderer: a compromised page cannot touch the system.
      sandbox: true,
      // The page never gets `require` or `process`: it is web content, not Node code.
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // Keep the same-origin policy and mixed-content rules.
      webSecurity: true,
      allowRunningInsecureContent: false,
      // No <webview>: embedding other pages is not something this app does.
      webviewTag: false,
      // DevTools give full control over the page (and through it the API): development only.
      devTools: options.allowDevTools,
      // Nothing spellchecks via an online service.
      spellcheck: false,
    },
  });

  win.once('ready-to-show', () => {
    win.show();
  });

  // The page sets its own document title (translated); keep the window's title the app's name.
  win.on('page-title-updated', (event) => {
    event.preventDefault();
  });

  const load =
    options.devServerUrl !== null ? win.loadURL(options.devServerUrl) : win.loadFile(options.rendererIndexPath);
  load.catch((error: unknown) => {
    console.error('[window] the app page failed to load', error);
    // Show the window anyway so the user is not left with an invisible, running app.
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  });

  return win;
}
