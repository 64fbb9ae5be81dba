/**
 * Which links may leave the app for the user's browser. Pure (no `electron` import) so it is
 * unit-tested in plain Node.
 *
 * Invariant: only `https:` URLs without credentials are ever handed to `shell.openExternal`,
 * because any other scheme (`file:`, `javascript:`, `smb:`, custom protocol handlers…) can run
 * or open something on the user's machine.
 */

/** The normalised `https:` URL to open, or `null` when the link must not leave the app. */
export function toSafeExternalUrl(url: string): string | null {
  if (typeof url !== 'string') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  // Credentials in a link are a phishing trick (`https://bank.example@evil.example`).
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.hostname === '') return null;
  return parsed.href;
}

/**
 * Whether `url` may be opened in the user's browser.
 * @example isSafeExternalUrl('https://example.org/guide') === true; isSafeExternalUrl('file:///etc/passwd') === false
 */
export function isSafeExternalUrl(url: string): boolean {
  return toSafeExternalUrl(url) !== null;
}
