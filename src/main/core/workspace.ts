/**
 * A workspace is one database with its attachments folder: the user's own programme ("main") or
 * the demo programme ("demo"), each in its own folder under the data folder, so exploring the
 * demo never touches real data. The person the user works as is stored in the workspace.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { WritableDB } from './db/handles';
import { openDatabase } from './db/open';
import type { ServiceContext } from './services/context';

export type WorkspaceName = 'main' | 'demo';

export interface Workspace {
  name: WorkspaceName;
  file: string;
  db: WritableDB;
  attachmentsDir: string;
  context(): ServiceContext;
  currentPersonId(): string | null;
  setCurrentPersonId(id: string): void;
  close(): void;
}

export interface Clock {
  now(): string;
  newId(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString(), newId: () => crypto.randomUUID() };

export function workspaceDir(dataDir: string, name: WorkspaceName): string {
  return name === 'main' ? dataDir : join(dataDir, 'demo');
}

export const DATABASE_FILE = 'citizen-audit.sqlite';

export function openWorkspace(
  name: WorkspaceName,
  dir: string,
  clock: Clock,
  file = join(dir, DATABASE_FILE),
): Workspace {
  mkdirSync(dir, { recursive: true });
  const db = openDatabase(file);
  const attachmentsDir = join(dir, 'attachments');
  const read = db.prepare(`SELECT value FROM app_setting WHERE key = 'current_person_id'`);
  const write = db.prepare(
    `INSERT INTO app_setting (key, value) VALUES ('current_person_id', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  const currentPersonId = (): string | null => (read.get() as { value: string } | undefined)?.value ?? null;
  return {
    name,
    file,
    db,
    attachmentsDir,
    currentPersonId,
    setCurrentPersonId: (id) => void write.run(id),
    context: () => ({ db, now: clock.now, newId: clock.newId, personId: currentPersonId(), attachmentsDir }),
    close: () => db.close(),
  };
}
