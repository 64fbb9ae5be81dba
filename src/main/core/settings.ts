/**
 * The installation's settings, kept in `settings.json` in the data folder (not in a database, so
 * they hold whichever workspace is open): the interface language and the second folder backups
 * are copied to. A damaged or missing file gives the defaults; writes are whole or not at all.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Language } from '../../shared/domain/vocabulary';
import { writeFileDurably } from './files/durable';

export const Settings = z.object({
  language: Language.catch('en'),
  /** A folder every backup is also copied to (a USB stick, a synced folder), or null. */
  backupSecondFolder: z.string().max(4096).nullable().catch(null),
});
export type Settings = z.infer<typeof Settings>;

export function readSettings(file: string): Settings {
  try {
    return Settings.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { language: 'en', backupSecondFolder: null };
  }
}

export function writeSettings(file: string, settings: Settings): void {
  writeFileDurably(file, JSON.stringify(settings, null, 2));
}
