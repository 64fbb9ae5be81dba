/**
 * The backups of the user's programme: when each was taken and why, its size and records, where
 * it is (this computer or the second folder); "Back up now"; "Restore", which the core makes
 * undoable by backing up the current state first; and the second folder. A failed automatic
 * backup is shown here (and in the shell's banner), not only logged.
 */
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../shared/domain/backup';
import type { Language } from '../../shared/domain/vocabulary';
import { api, ApiCallError } from '../api/client';
import { keys, useSession } from '../api/hooks';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { ServerError } from '../components/ServerError';

/** An instant in the UI language: "1 Mar 2026, 09:15". */
export function formatInstant(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** Bytes as kB or MB in the UI language. */
function formatSize(bytes: number, language: string): string {
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(bytes / (mb ? 1024 * 1024 : 1024));
}

/** The message of a refusal in the user's language. */
const messageOf = (e: unknown, language: Language): string =>
  e instanceof ApiCallError ? e.messageIn(language) : e instanceof Error ? e.message : String(e);

export function BackupsScreen(): React.JSX.Element | null {
  const { t } = useTranslation();
  const session = useSession().data;
  const language = session?.language ?? 'en';
  const qc = useQueryClient();
  const main = session?.workspace === 'main';
  const listing = useQuery({
    queryKey: keys.backups,
    queryFn: () => api.call('backups.list', {}),
    enabled: main,
  });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [folderError, setFolderError] = useState<string | null>(null);

  if (!session) return null;
  if (!main) {
    return (
      <>
        <PageHeader title={t('backups.title')} />
        <Alert color="gray">{t('backups.onlyMain')}</Alert>
      </>
    );
  }

  const data = listing.data;
  const takeNow = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const made = await api.call('backups.take', {});
      setNotice(t('backups.taken', { file: made.backup.file }));
      await qc.invalidateQueries({ queryKey: keys.backups });
      await qc.invalidateQueries({ queryKey: keys.session });
    } catch (e) {
      setError(messageOf(e, language));
    } finally {
      setBusy(false);
    }
  };

  const restore = async (b: BackupInfo) => {
    setBusy(true);
    setRestoreError(null);
    try {
      await api.call('backups.restore', { file: b.file, location: b.location });
      setRestoring(null);
      setNotice(t('backups.restored', { date: formatInstant(b.takenAt, language) }));
      // Everything shown belongs to the database that was just replaced.
      await qc.invalidateQueries();
    } catch (e) {
      setRestoreError(messageOf(e, language));
    } finally {
      setBusy(false);
    }
  };

  const saveFolder = async (value: string | null) => {
    setFolderError(null);
    try {
      await api.call('backups.setSecondFolder', { folder: value });
      setFolder(null);
      await qc.invalidateQueries({ queryKey: keys.backups });
    } catch (e) {
      setFolderError(messageOf(e, language));
    }
  };

  const rows = data?.backups ?? [];
  const shownFolder = folder ?? data?.secondFolder ?? '';
  return (
    <>
      <PageHeader
        title={t('backups.title')}
        intro={t('backups.intro')}
        action={
          <Button onClick={() => void takeNow()} loading={busy && restoring === null}>
            {t('backups.takeNow')}
          </Button>
        }
      />
      <Stack gap="md">
        {notice && (
          <Alert color="teal" role="status" data-testid="backups-notice">
            {notice}
          </Alert>
        )}
        <ServerError message={error} />
        {data?.lastError && (
          <Alert color="red" title={t('backups.lastError')} role="alert" data-testid="backups-last-error">
            {new ApiCallError(
              data.lastError.code,
              data.lastError.message,
              'backups.list',
              {},
              data.lastError.rule,
            ).messageIn(language)}
          </Alert>
        )}
        {data && (
          <Text size="sm" c="dimmed">
            {t('backups.currentRecords', { count: data.currentRecords })}
          </Text>
        )}
        <DataTable
          label={t('backups.tableLabel')}
          headers={[
            t('backups.takenAt'),
            t('backups.reasonLabel'),
            t('backups.size'),
            t('backups.records'),
            t('backups.location'),
            t('common.actions'),
          ]}
          empty={t('backups.empty')}
          count={listing.isSuccess ? rows.length : 1}
        >
          {rows.map((b) => {
            const date = formatInstant(b.takenAt, language);
            return (
              <Table.Tr key={`${b.location}/${b.file}`} data-testid="backup-row">
                <Table.Td>
                  <Text fw={500}>{date}</Text>
                  {b.holdsMoreData && (
                    <Badge color="grape" variant="light" mt={4}>
                      {t('backups.holdsMoreData')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{t(`backups.reason.${b.reason}`)}</Table.Td>
                <Table.Td>{formatSize(b.size, language)}</Table.Td>
                <Table.Td>{new Intl.NumberFormat(language).format(b.records)}</Table.Td>
                <Table.Td>{b.location === 'local' ? t('backups.here') : t('backups.secondFolder')}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('backups.restoreOf', { date })}
                    onClick={() => {
                      setRestoreError(null);
                      setRestoring(b);
                    }}
                  >
                    {t('backups.restore')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('backups.secondFolderTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('backups.secondFolderIntro')}
            </Text>
            {data?.secondFolderError && (
              <Alert color="red" role="alert">
                {t('backups.secondFolderError', { reason: data.secondFolderError })}
              </Alert>
            )}
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void saveFolder(shownFolder.trim() || null);
              }}
            >
              <Group align="flex-end" wrap="wrap">
                <TextInput
                  label={t('backups.secondFolderPath')}
                  value={shownFolder}
                  onChange={(e) => setFolder(e.currentTarget.value)}
                  error={folderError}
                  maxLength={4096}
                  style={{ flex: 1, minWidth: 260 }}
                />
                <Button type="submit" variant="default">
                  {t('backups.secondFolderSave')}
                </Button>
                {data?.secondFolder && (
                  <Button variant="subtle" color="red" onClick={() => void saveFolder(null)}>
                    {t('backups.secondFolderRemove')}
                  </Button>
                )}
              </Group>
            </form>
          </Stack>
        </Paper>
      </Stack>
      <Modal
        opened={restoring !== null}
        onClose={() => setRestoring(null)}
        title={restoring ? t('backups.restoreTitle', { date: formatInstant(restoring.takenAt, language) }) : ''}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {restoring && (
          <Stack gap="md">
            <Text>{t('backups.restoreBody', { records: restoring.records, current: data?.currentRecords ?? 0 })}</Text>
            <ServerError message={restoreError} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setRestoring(null)} data-autofocus>
                {t('common.cancel')}
              </Button>
              <Button color="red" loading={busy} onClick={() => void restore(restoring)}>
                {t('backups.restore')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
