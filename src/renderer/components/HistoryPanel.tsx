/**
 * The history of one record (`history.list` filtered by its id): who changed what, when, newest
 * first, page by page. Shown folded; opening it reads the first page.
 */
import { Button, Code, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../shared/domain/history';
import { api } from '../api/client';
import { usePeople } from '../api/hooks';
import { formatDateTime } from '../screens/audit/text';

const PAGE = 20;

/** A value of a change, short enough for a line. */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

export function HistoryPanel({
  entityId,
  entity,
  title,
}: {
  entityId: string;
  entity?: string;
  title?: string;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const people = usePeople({});
  const byId = new Map((people.data ?? []).map((p) => [p.id, p]));
  const history = useInfiniteQuery({
    queryKey: ['history', entityId],
    enabled: open,
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      api.call('history.list', { entityId, ...(entity ? { entity } : {}), limit: PAGE, offset: pageParam }),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const entries: HistoryEntry[] = history.data?.pages.flatMap((p) => p.items) ?? [];
  const heading = title ?? t('fieldwork.history.title');

  return (
    <Paper withBorder p="sm" radius="md">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {heading}
        </Title>
        <Button
          size="xs"
          variant="default"
          aria-expanded={open}
          aria-controls={panelId}
          // Several panels on one page (an observation and its attachments) tell their buttons
          // apart by the panel's title; the visible words come first (WCAG "label in name").
          aria-label={
            title ? `${open ? t('fieldwork.history.hide') : t('fieldwork.history.show')} — ${title}` : undefined
          }
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t('fieldwork.history.hide') : t('fieldwork.history.show')}
        </Button>
      </Group>
      {open && (
        <Stack id={panelId} gap="xs" mt="xs">
          {history.isSuccess && entries.length === 0 && <Text c="dimmed">{t('fieldwork.history.empty')}</Text>}
          <List spacing="xs" listStyleType="none" aria-label={heading}>
            {entries.map((e) => {
              const who = e.personId ? byId.get(e.personId) : undefined;
              const changes = Object.entries(e.changes ?? {});
              return (
                <List.Item key={e.seq}>
                  <Text size="sm">
                    <Text span fw={600}>
                      {formatDateTime(e.at, i18n.language)}
                    </Text>{' '}
                    · {who ? `${who.displayName} (${who.code})` : t('common.none')} ·{' '}
                    {t(`fieldwork.history.action.${e.action}`)}
                  </Text>
                  {changes.length > 0 && (
                    <List size="sm" withPadding>
                      {changes.map(([field, [before, after]]) => (
                        <List.Item key={field}>
                          <Code>{field}</Code>: {shown(before)} → {shown(after)}
                        </List.Item>
                      ))}
                    </List>
                  )}
                </List.Item>
              );
            })}
          </List>
          {history.hasNextPage && (
            <Button
              size="xs"
              variant="default"
              w="fit-content"
              loading={history.isFetchingNextPage}
              onClick={() => void history.fetchNextPage()}
            >
              {t('fieldwork.history.more')}
            </Button>
          )}
        </Stack>
      )}
    </Paper>
  );
}
