/**
 * The Content-Security-Policy of the app's page. Pure (no `electron` import) so tests can check
 * it. Invariant: in a packaged app no script runs but the app's own files — no inline script,
 * no `eval` — so an injected string can never become code.
 */

const BASE_DIRECTIVES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  // Inline styles are set by the UI library at run time; styles cannot run code.
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['font-src', ["'self'", 'data:']],
  ['connect-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
];

function serialize(directives: ReadonlyArray<readonly [string, readonly string[]]>): string {
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The policy of the built app (the page loaded from the app's own files). */
export const CONTENT_SECURITY_POLICY: string = serialize(BASE_DIRECTIVES);

/**
 * The policy for a page served by the electron-vite dev server at `devServerUrl`, or the
 * production policy when there is no dev server. Development only adds what hot reload needs:
 * the dev server's WebSocket, and inline script for React Refresh's preamble, which Vite injects
 * into index.html as an inline module. Never used in a packaged app (see main/index.ts).
 */
export function contentSecurityPolicyFor(devServerUrl: string | null): string {
  if (devServerUrl === null) return CONTENT_SECURITY_POLICY;
  let dev: URL;
  try {
    dev = new URL(devServerUrl);
  } catch {
    return CONTENT_SECURITY_POLICY;
  }
  const ws = `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`;
  return serialize(
    BASE_DIRECTIVES.map(([name, sources]) => {
      if (name === 'connect-src') return [name, [...sources, ws]] as const;
      if (name === 'script-src') return [name, [...sources, "'unsafe-inline'"]] as const;
      return [name, sources] as const;
    }),
  );
}
