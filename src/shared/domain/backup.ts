/** Backups of the user's programme, as the Backups screen shows them. */
import { z } from 'zod';
import { ApiError } from '../api/errors';
import { Timestamp } from './common';

export const BackupReason = z.enum(['daily', 'manual', 'before-migration', 'before-restore']);
export type BackupReason = z.infer<typeof BackupReason>;

/** A backup is named by its file in the backups folder, never by a path. */
export const BackupFileName = z
  .string()
  .max(100)
  .regex(
    /^citizen-audit-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-(daily|manual|before-migration|before-restore)\.sqlite$/,
  );

/** Where a backup is: the data folder's own backups, or the second folder (a USB stick…). */
export const BackupLocation = z.enum(['local', 'second']);
export type BackupLocation = z.infer<typeof BackupLocation>;

export const BackupInfo = z.object({
  file: BackupFileName,
  location: BackupLocation,
  takenAt: Timestamp,
  reason: BackupReason,
  /** Bytes of the database copy (attachments are shared between backups). */
  size: z.number().int().min(0),
  /** The database schema version it holds. */
  schema: z.number().int(),
  /** Rows of the main record tables, archived ones included. */
  counts: z.record(z.string(), z.number().int()),
  records: z.number().int(),
  /** Kept whatever the rotation says: the newest backup holding more records than the database. */
  holdsMoreData: z.boolean(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const BackupListing = z.object({
  /** Newest first: the local ones, and those of the second folder not also held locally. */
  backups: z.array(BackupInfo),
  /** Records in the open database, to compare with each backup's. */
  currentRecords: z.number().int(),
  /** The last automatic backup that failed, until one succeeds. */
  lastError: ApiError.nullable(),
  /** The second folder backups are copied to, and the last problem copying there. */
  secondFolder: z.string().nullable(),
  secondFolderError: z.string().nullable(),
});
export type BackupListing = z.infer<typeof BackupListing>;

export const BackupCreated = z.object({ backup: BackupInfo, secondFolderError: z.string().nullable() });
export const BackupRestore = z.strictObject({ file: BackupFileName, location: BackupLocation.default('local') });
export const BackupSecondFolder = z.strictObject({
  /** An absolute folder path, or null to stop copying. */
  folder: z.string().trim().min(1).max(4096).nullable(),
});
