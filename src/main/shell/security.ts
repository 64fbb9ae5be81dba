/**
 * Process-wide security settings, installed once before any window exists. Invariants: the app's
 * window only ever shows the app's own page; it opens no other window; external https links go
 * to the user's browser; no web permission (camera, notifications, …) is ever granted; the page
 * runs under a strict Content-Security-Policy.
 */
import { app, session, shell, type WebContents } from 'electron';
import { contentSecurityPolicyFor } from './csp';
import { isTrustedSenderUrl, type AppPageLocation } from './senderCheck';
import { toSafeExternalUrl } from './urls';

function openInBrowser(url: string): void {
  const safe = toSafeExternalUrl(url);
  if (safe === null) {
    console.warn('[security] refused to open a non-https link', url);
    return;
  }
  shell.openExternal(safe).catch((error: unknown) => {
    console.error('[security] could not open the link in the browser', error);
  });
}

function hardenWebContents(contents: WebContents, page: AppPageLocation): void {
  // Navigating the window away would give another page our preload and its bridge to the core.
  contents.on('will-navigate', (event) => {
    if (isTrustedSenderUrl(event.url, page)) return;
    event.preventDefault();
    // A plain link to a web page is what the user meant to open: send it to their browser.
    if (event.isMainFrame) openInBrowser(event.url);
  });
  // A redirect is a navigation too, and could lead off the app's page in the same way.
  contents.on('will-redirect', (event) => {
    if (!isTrustedSenderUrl(event.url, page)) event.preventDefault();
  });
  // A new window would be a second renderer outside our control: never create one; https
  // links opened with target=_blank go to the user's browser instead.
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });
  // <webview> could host any site with its own preferences: the app never uses one.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/**
 * Hardens every web contents the app will ever create. Call once, before the app is ready, so
 * no window can exist without these rules.
 */
export function installSecurity(page: AppPageLocation): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, page);
  });
}

/**
 * Sets the session's Content-Security-Policy and permission rules. Call once the app is ready
 * and before the first window loads.
 */
export function secureSession(page: AppPageLocation): void {
  const policy = contentSecurityPolicyFor(page.devServerUrl);
  const ses = session.defaultSession;
  // Every response gets our policy, so even a document that slipped in could run no foreign or
  // inline script. (The renderer's index.html should carry the same policy in a <meta> tag too:
  // not every Electron version passes file:// responses through webRequest.)
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // Drop any policy the response brought along, so ours is the one in force.
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
  // The app needs no web permission: a compromised page must not gain camera, location,
  // notifications, clipboard reading or device access by asking.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}
