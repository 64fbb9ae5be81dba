/**
 * THE ONLY module that imports `ipcMain` (lint enforces it): one `ipcMain.handle` per contract
 * channel, each checking its sender frame before the core sees the call. The logic lives in
 * `invoke.ts` (tested in plain Node); this file only adapts Electron's event to it.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { registerApiHandlers, type Dispatcher, type InvokeLog, type SenderFrameInfo } from './invoke';
import type { AppPageLocation } from './senderCheck';

/**
 * Registers the API on `ipcMain`. `isAppMainFrame(frame, event)` must say whether the frame is the
 * top frame of the app's window (see main/index.ts). Returns a function that unregisters it.
 */
export function registerApi(
  core: Dispatcher,
  isAppMainFrame: (frame: WebFrameMain, event: IpcMainInvokeEvent) => boolean,
  trust: AppPageLocation,
  log?: InvokeLog,
): () => void {
  const describeSender = (event: IpcMainInvokeEvent): SenderFrameInfo | null => {
    // Read now, synchronously: `senderFrame` is null once the frame has navigated or closed.
    const frame = event.senderFrame;
    if (frame === null || frame.isDestroyed() || frame.detached) return null;
    return { url: frame.url, isAppMainFrame: isAppMainFrame(frame, event) };
  };
  return registerApiHandlers<IpcMainInvokeEvent>(ipcMain, core, describeSender, trust, log);
}
