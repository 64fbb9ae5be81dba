/**
 * Is a URL the app's own page? Used to accept IPC calls and navigations only from the page the
 * app itself loaded. Pure (no `electron` import) so it is unit-tested in plain Node.
 *
 * Invariant: in a built app only the exact `file:` URL of our renderer's index.html (any query or
 * `#hash` route) is trusted; with the dev server, only the dev server's origin — never both.
 */

export interface AppPageLocation {
  /** `file:` URL of the built renderer's index.html (from `pathToFileURL`). */
  rendererFileUrl: string;
  /** The electron-vite dev server (`ELECTRON_RENDERER_URL`), only in development; else null. */
  devServerUrl: string | null;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * A file path from a URL, compared without percent-encoding differences (Chromium and Node's
 * `pathToFileURL` escape a few characters differently) and without the case of a Windows drive
 * letter.
 */
function comparablePath(pathname: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = pathname;
  }
  return decoded.replace(/^\/([A-Za-z]):/, (_m, drive: string) => `/${drive.toLowerCase()}:`);
}

/**
 * Whether `url` is the app's own page.
 * @example isTrustedSenderUrl('file:///opt/app/out/renderer/index.html#/audits', { rendererFileUrl: 'file:///opt/app/out/renderer/index.html', devServerUrl: null }) === true
 */
export function isTrustedSenderUrl(url: string, location: AppPageLocation): boolean {
  if (typeof url !== 'string') return false;
  const candidate = parse(url);
  if (candidate === null) return false;

  if (location.devServerUrl !== null) {
    const dev = parse(location.devServerUrl);
    if (dev === null || (dev.protocol !== 'http:' && dev.protocol !== 'https:')) return false;
    return candidate.origin === dev.origin;
  }

  const own = parse(location.rendererFileUrl);
  if (own === null || own.protocol !== 'file:') return false;
  if (candidate.protocol !== 'file:') return false;
  // A different host is a UNC share (file://server/…), never our installed files.
  if (candidate.host !== own.host) return false;
  return comparablePath(candidate.pathname) === comparablePath(own.pathname);
}
