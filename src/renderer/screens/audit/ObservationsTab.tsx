/**
 * The observation log of an audit: quick entry (time defaults to now; location, method,
 * narrative, grounds, severity, linked criteria, personal-data flag, attachments by file picker or
 * drag and drop), and the log itself, searched as one types (`observations.search`: accent- and
 * case-blind, hits highlighted) with filters, page by page. An entry opens whole, with its
 * attachments (image previews) and its history.
 */
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Group,
  Image,
  MultiSelect,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { memo, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audit, MarkedText, ObservationEntry } from '../../../shared/domain/audit';
import type { Person } from '../../../shared/domain/programme';
import { AUDIT_METHODS, SEVERITIES } from '../../../shared/domain/vocabulary';

type AuditMethod = (typeof AUDIT_METHODS)[number];
type Severity = (typeof SEVERITIES)[number];
import { ApiCallError, api, errorMessage } from '../../api/client';
import { usePeople } from '../../api/hooks';
import { useChecklist, useGrounds } from '../../api/fieldworkHooks';
import { clearDraft, readDraft, writeDraft } from '../../components/drafts';
import { HistoryPanel } from '../../components/HistoryPanel';
import { recordAnchor, useBringIntoView } from '../../components/useBringIntoView';
import { useSearchParams } from 'react-router';
import { Marked } from '../../components/Marked';
import { MEDIA_TYPES, type MediaType } from '../../../shared/domain/files';

const mediaTypeOf = (type: string): MediaType =>
  (MEDIA_TYPES as readonly string[]).includes(type) ? (type as MediaType) : 'application/octet-stream';
import { formatDateTime, localized } from './text';

const PAGE = 25;

/** "Now" as a `datetime-local` value, in local time. */
function localNow(): string {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A `datetime-local` value as an instant with offset. */
const toInstant = (local: string): string => new Date(local).toISOString();

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

interface EntryDraft {
  observedAt: string;
  location: string;
  method: string;
  narrative: string;
  grounds: string[];
  severity: string;
  criterionIds: string[];
  personalData: boolean;
}

export function ObservationsTab({
  audit,
  me,
  workspace,
}: {
  audit: Audit;
  me: Person;
  workspace?: string;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      {audit.teamIds.includes(me.id) && audit.status === 'fieldwork' ? (
        <QuickEntry audit={audit} draftKey={`${workspace ?? 'main'}.${me.id}.${audit.id}.observation`} />
      ) : (
        <Alert color="gray">{t('fieldwork.observations.readOnly')}</Alert>
      )}
      <Log audit={audit} />
    </Stack>
  );
}

function QuickEntry({ audit, draftKey }: { audit: Audit; draftKey: string }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const grounds = useGrounds();
  const checklist = useChecklist(audit.templateVersionId);
  const fresh = (): EntryDraft => ({
    observedAt: localNow(),
    location: '',
    method: audit.methods[0] ?? 'site_visit',
    narrative: '',
    grounds: [],
    severity: '',
    criterionIds: [],
    personalData: false,
  });
  const [entry, setEntry] = useState<EntryDraft>(() => readDraft<EntryDraft>(draftKey) ?? fresh());
  const [files, setFiles] = useState<File[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement | null>(null);
  const narrativeRef = useRef<HTMLTextAreaElement | null>(null);

  const set = (patch: Partial<EntryDraft>) => {
    setEntry((e) => {
      const next = { ...e, ...patch };
      writeDraft(draftKey, next);
      return next;
    });
    setDone(null);
  };
  const addFiles = (list: FileList | null) => {
    // Copied now: an input's FileList empties when the input is reset.
    const added = list ? Array.from(list) : [];
    if (added.length) setFiles((f) => [...f, ...added]);
  };

  const save = async () => {
    setError(null);
    if (!entry.narrative.trim()) {
      setError(t('fieldwork.observations.narrativeRequired'));
      narrativeRef.current?.focus();
      return;
    }
    setSaving(true);
    try {
      const o = await api.call('observations.record', {
        auditId: audit.id,
        observedAt: toInstant(entry.observedAt),
        location: entry.location,
        method: entry.method as AuditMethod,
        narrative: entry.narrative,
        grounds: entry.grounds,
        severity: (entry.severity || null) as Severity | null,
        criterionIds: entry.criterionIds,
        personalData: entry.personalData,
      });
      clearDraft(draftKey);
      for (const file of files) {
        await api.call('attachments.add', {
          auditId: audit.id,
          observationId: o.id,
          fileName: file.name,
          // A type outside the known list travels as plain bytes (never as something a viewer would run).
          mediaType: mediaTypeOf(file.type),
          contentBase64: await base64Of(file),
          personalData: entry.personalData,
        });
      }
      setFiles([]);
      setEntry(fresh());
      setDone(t('fieldwork.observations.added'));
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['observations'] }),
        qc.invalidateQueries({ queryKey: ['attachments'] }),
      ]);
      narrativeRef.current?.focus();
    } catch (e) {
      setError(e instanceof ApiCallError ? e.messageIn(i18n.language === 'es' ? 'es' : 'en') : String(e));
    } finally {
      setSaving(false);
    }
  };

  const criteria = (checklist.data?.sections ?? []).map((s) => ({
    group: localized(s.title, i18n.language),
    items: s.criteria.map((c) => ({ value: c.id, label: localized(c.text, i18n.language) })),
  }));

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${fileId}-title`}>
      <Title order={2} size="h4" mb="sm" id={`${fileId}-title`}>
        {t('fieldwork.observations.newTitle')}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="datetime-local"
              label={t('fieldwork.observations.observedAt')}
              value={entry.observedAt}
              onChange={(e) => set({ observedAt: e.currentTarget.value })}
            />
            <TextInput
              label={t('fieldwork.observations.location')}
              value={entry.location}
              onChange={(e) => set({ location: e.currentTarget.value })}
            />
            <NativeSelect
              label={t('fieldwork.observations.method')}
              value={entry.method}
              onChange={(e) => set({ method: e.currentTarget.value })}
              data={audit.methods.map((m) => ({ value: m, label: t(`vocab.method.${m}`) }))}
            />
          </SimpleGrid>
          <Textarea
            ref={narrativeRef}
            label={t('fieldwork.observations.narrative')}
            required
            autosize
            minRows={3}
            value={entry.narrative}
            onChange={(e) => set({ narrative: e.currentTarget.value })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label={t('fieldwork.observations.grounds')}
              data={(grounds.data ?? []).map((g) => ({ value: g.code, label: localized(g.label, i18n.language) }))}
              value={entry.grounds}
              onChange={(v) => set({ grounds: v })}
              searchable
            />
            <NativeSelect
              label={t('fieldwork.observations.severity')}
              value={entry.severity}
              onChange={(e) => set({ severity: e.currentTarget.value })}
              data={[
                { value: '', label: t('common.none') },
                ...SEVERITIES.map((s) => ({ value: s, label: t(`vocab.severity.${s}`) })),
              ]}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('fieldwork.observations.criteria')}
            data={criteria}
            value={entry.criterionIds}
            onChange={(v) => set({ criterionIds: v })}
            searchable
          />
          <Checkbox
            label={t('fieldwork.observations.personalData')}
            checked={entry.personalData}
            onChange={(e) => set({ personalData: e.currentTarget.checked })}
          />
          <Paper
            withBorder
            p="sm"
            radius="md"
            style={{ borderStyle: 'dashed', background: dragging ? 'var(--mantine-color-blue-0)' : undefined }}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              addFiles(e.dataTransfer.files);
            }}
            data-testid="dropzone"
          >
            <Stack gap={6}>
              <label htmlFor={fileId}>
                <Text size="sm" fw={500}>
                  {t('fieldwork.observations.attachments')}
                </Text>
              </label>
              <input
                id={fileId}
                ref={fileInput}
                type="file"
                multiple
                onChange={(e) => {
                  addFiles(e.currentTarget.files);
                  e.currentTarget.value = '';
                }}
              />
              <Text size="xs" c="dimmed">
                {t('fieldwork.observations.dropHint')}
              </Text>
              {files.length > 0 && (
                <Group gap="sm">
                  {files.map((f, i) => (
                    <FileChip
                      key={`${f.name}-${i}`}
                      file={f}
                      onRemove={() => setFiles((l) => l.filter((x) => x !== f))}
                    />
                  ))}
                </Group>
              )}
            </Stack>
          </Paper>
          {error && (
            <Alert color="red" role="alert" title={t('common.saveFailed')}>
              {error}
            </Alert>
          )}
          <Group justify="space-between">
            <Text size="sm" role="status" c="indigo.9">
              {done ?? ''}
            </Text>
            <Button type="submit" loading={saving}>
              {t('fieldwork.observations.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function FileChip({ file, onRemove }: { file: File; onRemove: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file.type.startsWith('image/')) return;
    const u = URL.createObjectURL(file);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [file]);
  return (
    <Paper withBorder p={4} radius="sm">
      <Group gap={6} wrap="nowrap">
        {url && <Image src={url} alt={file.name} w={48} h={48} fit="cover" radius="sm" />}
        <Text size="xs">{file.name}</Text>
        <CloseButton
          size="sm"
          aria-label={t('fieldwork.observations.removeFile', { name: file.name })}
          onClick={onRemove}
        />
      </Group>
    </Paper>
  );
}

function Log({ audit }: { audit: Audit }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const grounds = useGrounds();
  const people = usePeople({});
  const [query, setQuery] = useState('');
  const [ground, setGround] = useState('');
  const [severity, setSeverity] = useState('');
  const [method, setMethod] = useState('');
  const [authorId, setAuthorId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // The query follows the box directly: one render per key starts the search (a deferred value
  // would render the log twice first), and the entries it redraws are only those that changed.
  const filters = {
    auditId: audit.id,
    query,
    ...(ground ? { ground } : {}),
    ...(severity ? { severity: severity as Severity } : {}),
    ...(method ? { method: method as AuditMethod } : {}),
    ...(authorId ? { authorId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const search = useInfiniteQuery({
    queryKey: ['observations', 'search', filters],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => api.call('observations.search', { ...filters, limit: PAGE, offset: pageParam }),
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
    // Deleting back to an earlier query shows its results at once; a new observation
    // invalidates every search (see the entry form).
    staleTime: 30_000,
  });
  const entries = search.data?.pages.flatMap((p) => p.items) ?? [];
  // A link to one entry (`?record=<id>`, from a finding's trace) lands on it when it is among the
  // entries read (the newest first, a page at a time).
  const [params] = useSearchParams();
  const linked = params.get('record');
  useBringIntoView(linked ? recordAnchor(linked) : null, search.isSuccess);
  const byId = new Map((people.data ?? []).map((p) => [p.id, p]));
  const team = audit.teamIds.map((id) => byId.get(id)).filter((p): p is Person => p !== undefined);
  const all = { value: '', label: t('common.all') };

  return (
    <Stack gap="sm" component="section" aria-label={t('fieldwork.observations.logTitle')}>
      <Title order={2} size="h4">
        {t('fieldwork.observations.logTitle')}
      </Title>
      <TextInput
        type="search"
        label={t('fieldwork.observations.search')}
        description={t('fieldwork.observations.searchHint')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
        <NativeSelect
          label={t('fieldwork.observations.grounds')}
          value={ground}
          onChange={(e) => setGround(e.currentTarget.value)}
          data={[
            all,
            ...(grounds.data ?? []).map((g) => ({ value: g.code, label: localized(g.label, i18n.language) })),
          ]}
        />
        <NativeSelect
          label={t('fieldwork.observations.severity')}
          value={severity}
          onChange={(e) => setSeverity(e.currentTarget.value)}
          data={[all, ...SEVERITIES.map((s) => ({ value: s, label: t(`vocab.severity.${s}`) }))]}
        />
        <NativeSelect
          label={t('fieldwork.observations.method')}
          value={method}
          onChange={(e) => setMethod(e.currentTarget.value)}
          data={[all, ...audit.methods.map((m) => ({ value: m, label: t(`vocab.method.${m}`) }))]}
        />
        <NativeSelect
          label={t('fieldwork.observations.author')}
          value={authorId}
          onChange={(e) => setAuthorId(e.currentTarget.value)}
          data={[all, ...team.map((p) => ({ value: p.id, label: p.code }))]}
        />
        <TextInput
          type="date"
          label={t('fieldwork.observations.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('fieldwork.observations.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed" role="status" data-testid="log-count">
        {search.isSuccess
          ? t('fieldwork.observations.shown', { count: entries.length, more: search.hasNextPage ? '+' : '' })
          : ''}
      </Text>
      {/* data-query / data-fresh: what the list shows now, for tests and the bench's keypress timing. */}
      <Stack
        gap="xs"
        data-testid="observation-log"
        data-query={query}
        data-fresh={String(search.isSuccess && !search.isPlaceholderData && !search.isFetching)}
      >
        {entries.map((o) => (
          <EntryCard key={o.id} entry={o} author={byId.get(o.authorId)} />
        ))}
      </Stack>
      {search.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          loading={search.isFetchingNextPage}
          onClick={() => void search.fetchNextPage()}
        >
          {t('fieldwork.observations.more')}
        </Button>
      )}
    </Stack>
  );
}

const sameMarks = (a: MarkedText, b: MarkedText): boolean =>
  a.length === b.length && a.every((p, i) => p.text === b[i]!.text && p.hit === b[i]!.hit);

/**
 * One entry of the log; memoised, so typing in the search box redraws only entries that changed:
 * the same record (id and rev) with the same marked excerpt and location is not drawn again,
 * though each search answers new objects.
 */
const EntryCard = memo(
  function EntryCard({ entry: o, author }: { entry: ObservationEntry; author: Person | undefined }): React.JSX.Element {
    const { t, i18n } = useTranslation();
    const [open, setOpen] = useState(false);
    const bodyId = useId();
    return (
      <Paper
        withBorder
        p="sm"
        radius="md"
        component="article"
        aria-labelledby={`${bodyId}-h`}
        data-testid="observation-entry"
        id={recordAnchor(o.id)}
        tabIndex={-1}
      >
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Text size="sm" fw={600} id={`${bodyId}-h`}>
              {formatDateTime(o.observedAt, i18n.language)} · {author?.code ?? t('common.none')}
              {o.location.length > 0 && (
                <>
                  {' · '}
                  <Marked parts={o.location} />
                </>
              )}
            </Text>
            <Group gap={4}>
              <Badge variant="outline" size="sm">
                {t(`vocab.method.${o.method}`)}
              </Badge>
              {o.severity && (
                <Badge color="grape" variant="light" size="sm">
                  {t(`vocab.severity.${o.severity}`)}
                </Badge>
              )}
              {o.personalData && (
                <Badge color="red" variant="light" size="sm">
                  {t('fieldwork.observations.personalDataBadge')}
                </Badge>
              )}
            </Group>
          </Stack>
          <Button
            size="xs"
            variant="subtle"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setOpen((x) => !x)}
          >
            {open ? t('fieldwork.observations.less') : t('fieldwork.observations.whole')}
          </Button>
        </Group>
        {!open && (
          <Text size="sm" mt={4} data-testid="excerpt">
            <Marked parts={o.excerpt} />
          </Text>
        )}
        {open && <EntryDetail id={o.id} bodyId={bodyId} auditId={o.auditId} />}
      </Paper>
    );
  },
  (a, b) =>
    a.author === b.author &&
    a.entry.id === b.entry.id &&
    a.entry.rev === b.entry.rev &&
    a.entry.narrativeLength === b.entry.narrativeLength &&
    sameMarks(a.entry.excerpt, b.entry.excerpt) &&
    sameMarks(a.entry.location, b.entry.location),
);

function EntryDetail({ id, bodyId, auditId }: { id: string; bodyId: string; auditId: string }): React.JSX.Element {
  const { t } = useTranslation();
  const whole = useQuery({
    queryKey: ['observations', 'one', id],
    queryFn: () => api.call('observations.get', { id }),
  });
  const files = useQuery({
    queryKey: ['attachments', auditId, id],
    queryFn: () => api.call('attachments.list', { auditId, observationId: id }),
  });
  return (
    <Stack gap="xs" mt="xs" id={bodyId}>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {whole.data?.narrative ?? t('app.loading')}
      </Text>
      {(files.data?.items ?? []).length > 0 && (
        <Group gap="sm">
          {(files.data?.items ?? []).map((a) => (
            <AttachmentPreview key={a.id} id={a.id} name={a.fileName} mediaType={a.mediaType} size={a.size} />
          ))}
        </Group>
      )}
      <HistoryPanel entityId={id} entity="observation" />
      {(files.data?.items ?? []).map((a) => (
        <HistoryPanel
          key={a.id}
          entityId={a.id}
          entity="attachment"
          title={t('fieldwork.history.ofAttachment', { name: a.fileName })}
        />
      ))}
    </Stack>
  );
}

function AttachmentPreview({
  id,
  name,
  mediaType,
  size,
}: {
  id: string;
  name: string;
  mediaType: string;
  size: number;
}): React.JSX.Element {
  const image = mediaType.startsWith('image/');
  const content = useQuery({
    queryKey: ['attachments', 'content', id],
    queryFn: () => api.call('attachments.content', { id }),
    enabled: image,
    staleTime: Infinity,
  });
  return (
    <Paper withBorder p={4} radius="sm" data-testid="attachment">
      <Stack gap={2} align="center">
        {image && content.data && (
          <Image
            src={`data:${mediaType};base64,${content.data.contentBase64}`}
            alt={name}
            h={96}
            w="auto"
            fit="contain"
          />
        )}
        <Text size="xs">
          {name} · {Math.max(1, Math.round(size / 1024))} KB
        </Text>
        {!image && <OpenAttachment id={id} name={name} />}
      </Stack>
    </Paper>
  );
}

/**
 * Opens an attachment that is not an image with the system's viewer: the Electron shell opens
 * the private copy the core makes (`attachments.open`, by id only); where nothing opened it (the
 * browser), the file is offered as a download under the copy's safe name.
 */
function OpenAttachment({ id, name }: { id: string; name: string }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const open = async (): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      const copy = await api.call('attachments.open', { id });
      if (!copy.opened) {
        const content = await api.call('attachments.content', { id });
        const bytes = Uint8Array.from(atob(content.contentBase64), (c) => c.charCodeAt(0));
        const url = URL.createObjectURL(new Blob([bytes], { type: content.mediaType }));
        const link = document.createElement('a');
        link.href = url;
        link.download = copy.fileName;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        setMessage({ error: false, text: t('attachmentOpen.downloaded', { name: copy.fileName }) });
      }
    } catch (e) {
      setMessage({ error: true, text: errorMessage(e, i18n.language) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size="compact-xs"
        variant="light"
        loading={busy}
        aria-label={t('attachmentOpen.openNamed', { name })}
        onClick={() => void open()}
      >
        {t('attachmentOpen.open')}
      </Button>
      <Text size="xs" c={message?.error ? 'red.8' : undefined} role="status" data-testid="attachment-open-status">
        {message?.text ?? ''}
      </Text>
    </>
  );
}
