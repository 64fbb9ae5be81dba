/**
 * Backups of the user's programme through the API: list, back up now, restore, second folder.
 * The work itself (files, checks, rotation) is in ../backup/backups.ts; the core holds the open
 * workspace and reaches it through `BackupControl`.
 */
import type { z } from 'zod';
import type { BackupCreated, BackupListing, BackupLocation } from '../../../shared/domain/backup';
import type { SessionControl } from './session';

export interface BackupControl {
  list(): BackupListing;
  /** A backup taken at the user's request. */
  take(): z.output<typeof BackupCreated>;
  /** Backs up the current state, then puts `file` (from `location`) in its place and reopens the programme. */
  restore(file: string, location: BackupLocation): Promise<void>;
  /** The second folder (checked to be writable), or null. */
  setSecondFolder(folder: string | null): void;
}

type Ctx = { session: SessionControl; backups: BackupControl };

export const backups = {
  list: (ctx: Ctx): BackupListing => ctx.backups.list(),
  take: (ctx: Ctx) => Promise.resolve(ctx.backups.take()),
  async restore(ctx: Ctx, input: { file: string; location: BackupLocation }) {
    await ctx.backups.restore(input.file, input.location);
    return ctx.session.state();
  },
  setSecondFolder(ctx: Ctx, input: { folder: string | null }): Promise<BackupListing> {
    ctx.backups.setSecondFolder(input.folder);
    return Promise.resolve(ctx.backups.list());
  },
};
