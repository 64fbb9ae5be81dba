/**
 * The Electron main process: app lifecycle around the core. Everything that decides what the
 * app does lives in ./core (no `electron` there), which runs in a worker thread so that database
 * work never blocks this process's event loop (and with it the window). This file only starts
 * things in a safe order — security rules → core (ready) → IPC → menu → window — and closes the
 * core before the app quits.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu, shell, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { AppError } from '../shared/api/errors';
import { restoreNewestBackup } from './core/backup/backups';
import { startCoreHost, type CoreHost } from './core/host/client';
import { DATABASE_FILE } from './core/workspace';
import { registerApi } from './shell/ipc';
import { withReportFiles } from './shell/reportFiles';
import { withAttachmentFiles } from './shell/attachmentFiles';
import { buildAppMenu } from './shell/menu';
import { installSecurity, secureSession } from './shell/security';
import type { AppPageLocation } from './shell/senderCheck';
import { createMainWindow, WINDOW_TITLE } from './shell/window';

const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD_PATH = join(here, '../preload/index.cjs');
/** Built next to this file by electron-vite (see electron.vite.config.ts). */
const CORE_WORKER_PATH = join(here, 'coreWorker.js');
const RENDERER_INDEX_PATH = join(here, '../renderer/index.html');

// The dev server URL is honoured only in an unpackaged build: in an installed app an
// environment variable must never be able to point our privileged window at another page.
const devServerUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null;
// DevTools give full access to the page and the API: only while developing.
const allowDevTools = !app.isPackaged;

const page: AppPageLocation = {
  rendererFileUrl: pathToFileURL(RENDERER_INDEX_PATH).href,
  devServerUrl,
};

// Set before anything reads paths: the name is part of the default userData folder.
app.setName(WINDOW_TITLE);
app.setAboutPanelOptions({ applicationName: WINDOW_TITLE, applicationVersion: app.getVersion() });

// A test (or a user who wants a separate data folder) may point the app elsewhere. userData
// follows, so Chromium's own files and the single-instance lock stay in that folder as well.
const overrideDataDir = process.env.CITIZEN_AUDIT_DATA_DIR;
if (overrideDataDir) {
  const absolute = resolve(overrideDataDir);
  mkdirSync(absolute, { recursive: true });
  app.setPath('userData', absolute);
}

// Every renderer is sandboxed, whatever a window's options say.
app.enableSandbox();
// Installed before `ready` so no web contents can ever exist without these rules.
installSecurity(page);

let core: CoreHost | null = null;
let mainWindow: BrowserWindow | null = null;

/** True only for the top frame of the app's current window. */
function isAppMainFrame(frame: WebFrameMain, event: IpcMainInvokeEvent): boolean {
  const win = mainWindow;
  if (win === null || win.isDestroyed()) return false;
  const contents = win.webContents;
  // Compare by ids: Electron may hand out distinct wrapper objects for the same frame.
  return (
    event.sender.id === contents.id &&
    frame.parent === null &&
    frame.processId === contents.mainFrame.processId &&
    frame.frameTreeNodeId === contents.mainFrame.frameTreeNodeId
  );
}

function openWindow(): void {
  const win = createMainWindow({
    preloadPath: PRELOAD_PATH,
    rendererIndexPath: RENDERER_INDEX_PATH,
    devServerUrl,
    allowDevTools,
    // resources/ sits at the app's root, beside package.json (packaged: inside the app archive).
    iconPath: join(app.getAppPath(), 'resources', 'icon.png'),
  });
  mainWindow = win;
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
}

function focusMainWindow(): void {
  const win = mainWindow;
  if (win === null || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** Shows a blocking error and exits; used when the app cannot start safely. */
function failStartup(title: string, message: string): void {
  dialog.showErrorBox(title, message);
  app.exit(1);
}

/** The refusals whose message tells the user what is wrong and what to do; nothing was changed. */
const EXPLAINED = new Set(['database_too_new', 'database_corrupt', 'database_foreign', 'database_in_use']);

/**
 * The database is missing or empty although the folder held a programme: never start on a new
 * empty one. Offer the newest good backup; put it in place only if the user says so.
 */
function offerNewestBackup(dataDir: string, error: AppError): boolean {
  const backup = typeof error.rule?.params.backup === 'string' ? error.rule.params.backup : '';
  if (!backup) return false;
  const choice = dialog.showMessageBoxSync({
    type: 'warning',
    title: `${WINDOW_TITLE} cannot find its data`,
    message: error.message,
    detail: `Restore the newest good backup (${backup})? Nothing else will be changed.`,
    buttons: ['Restore the backup', 'Quit'],
    defaultId: 0,
    cancelId: 1,
  });
  if (choice !== 0) return false;
  restoreNewestBackup(dataDir, join(dataDir, DATABASE_FILE));
  return true;
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  let host = startCoreHost({ workerFile: CORE_WORKER_PATH, dataDir });
  try {
    try {
      await host.ready();
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'database_missing' && offerNewestBackup(dataDir, error)))
        throw error;
      host = startCoreHost({ workerFile: CORE_WORKER_PATH, dataDir });
      await host.ready();
    }
    core = host;
  } catch (error) {
    if (error instanceof AppError && (EXPLAINED.has(error.code) || error.code === 'database_missing')) {
      // The core's message says what is wrong and what to do; nothing has been changed.
      failStartup(`${WINDOW_TITLE} cannot open its data`, error.message);
    } else {
      console.error('[main] the core failed to start', error);
      failStartup(
        `${WINDOW_TITLE} could not start`,
        `The data folder ${dataDir} could not be opened.\n\n${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return;
  }

  secureSession(page);
  // Reports are saved where the user chooses in the system's dialog (src/main/shell/reportFiles.ts).
  const openPath = async (path: string): Promise<boolean> => (await shell.openPath(path)) === '';
  const withDialogs = withReportFiles(host, {
    chooseSavePath: async (defaultName) => {
      const options = {
        defaultPath: join(app.getPath('documents'), defaultName),
        filters: [{ name: 'Word', extensions: ['docx'] }],
      };
      const result = mainWindow
        ? await dialog.showSaveDialog(mainWindow, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    openPath,
  });
  // Attachments open from a private copy the core makes, never from a path the page sends
  // (src/main/shell/attachmentFiles.ts).
  registerApi(withAttachmentFiles(withDialogs, { openPath }), isAppMainFrame, page);
  Menu.setApplicationMenu(buildAppMenu({ allowDevTools }));
  openWindow();
}

// One instance only: two processes writing the same SQLite database and files would conflict.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    focusMainWindow();
  });

  app.on('window-all-closed', () => {
    // macOS apps stay active without windows until the user quits explicitly.
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open reopens it.
    if (core !== null && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  let closing = false;
  app.on('will-quit', (event) => {
    // Closing the core (a checkpoint of the database) is asynchronous: hold the quit until the
    // worker has ended, then quit for good. `closing` makes the second will-quit go through.
    const open = core;
    if (open === null || closing) return;
    closing = true;
    core = null;
    event.preventDefault();
    open
      .close()
      .catch((error: unknown) => console.error('[main] closing the core failed', error))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[main] startup failed', error);
      failStartup(`${WINDOW_TITLE} could not start`, error instanceof Error ? error.message : String(error));
    });
}
