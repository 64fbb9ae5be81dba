/**
 * One template: its versions, and the chosen version's sections and criteria in the content
 * language (chosen here, independent of the UI language). A published version is read-only:
 * "Change" starts a new draft version (a copy), and audits keep the version they pinned. A draft
 * is edited in place — sections and criteria added, edited, removed, and reordered with the
 * move buttons (keyboard; each move is announced and focus stays on the moved item) or by drag
 * and drop — and then published. Each form saves with its Save button and keeps the typed text
 * when the core refuses it.
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Modal,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CriterionAdd, CriterionEdit, SectionAdd, SectionEdit, type Criterion } from '../../../shared/domain/template';
import type { Checklist, Section } from '../../../shared/domain/template';
import type { Ground } from '../../../shared/domain/programme';
import { LANGUAGES, type Language } from '../../../shared/domain/vocabulary';
import { TemplateFields, TemplateUpdate, type Template } from '../../../shared/domain/template';
import { z } from 'zod';
import { api, ApiCallError } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { TEMPLATE_KEYS, useChecklist, useGrounds, useTemplateVersions } from '../../api/templateHooks';
import { FormModal } from '../FormModal';
import { ServerError } from '../ServerError';
import { useForm } from '../useForm';
import { clearUnsaved, readUnsaved, useKeepUnsaved } from './unsaved';
import {
  CriterionFields,
  criterionInput,
  criterionValues,
  emptyCriterion,
  NameFields,
  nameValues,
  SectionFields,
  sectionValues,
} from './forms';
import { anyText, LocalizedText, localized, textIn } from './localized';

type SectionWithCriteria = Checklist['sections'][number];
type Editing =
  | { kind: 'criterion'; sectionId: string; number: string; criterion?: Criterion }
  | { kind: 'section'; number: number; section?: Section }
  | { kind: 'duplicate' }
  | { kind: 'name' }
  | null;
type Removing =
  { kind: 'criterion'; record: Criterion; number: string } | { kind: 'section'; record: Section; number: number };
type Focus = { id: string; action: 'up' | 'down' };

const DuplicateInput = z.strictObject({ versionId: z.string(), name: TemplateFields.name });

/** Saves `text` as a file named `fileName` (a download in the browser, a save dialog in the app). */
function saveFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function TemplateDetail({
  templateId,
  versionId,
  uiLanguage,
  onVersion,
  onOpenTemplate,
  onBack,
}: {
  templateId: string;
  versionId: string | null;
  uiLanguage: Language;
  onVersion: (versionId: string) => void;
  onOpenTemplate: (templateId: string, versionId: string) => void;
  onBack: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const versions = useTemplateVersions(templateId);
  const list = versions.data ?? [];
  const draft = list.find((v) => v.status === 'draft');
  const current = list.find((v) => v.id === versionId) ?? draft ?? list.at(-1) ?? null;
  const checklist = useChecklist(current?.id ?? null);
  const grounds = useGrounds().data ?? [];
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Removing | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const [focus, setFocus] = useState<Focus | null>(null);
  const [dragging, setDragging] = useState<Criterion | null>(null);
  const [busy, setBusy] = useState(false);

  const moveCriterion = useApiMutation('criteria.move', TEMPLATE_KEYS);
  const removeCriterion = useApiMutation('criteria.remove', TEMPLATE_KEYS);
  const moveSection = useApiMutation('sections.move', TEMPLATE_KEYS);
  const removeSection = useApiMutation('sections.remove', TEMPLATE_KEYS);
  const publish = useApiMutation('templateVersions.publish', TEMPLATE_KEYS);
  const startDraft = useApiMutation('templateVersions.startDraft', TEMPLATE_KEYS);

  const data = checklist.data;
  const editable = current?.status === 'draft';
  const sections = data && data.version.id === current?.id ? data.sections : [];

  // After a move, keep focus on the moved criterion's button (or its other one at an end).
  useEffect(() => {
    if (!focus || !data) return;
    const find = (action: string) =>
      document.querySelector<HTMLButtonElement>(`[data-move="${action}-${focus.id}"]:not([disabled])`);
    const el = find(focus.action) ?? find(focus.action === 'up' ? 'down' : 'up');
    el?.focus();
    setFocus(null);
  }, [data, focus]);

  const message = (e: unknown): string =>
    e instanceof ApiCallError ? e.messageIn(uiLanguage) : e instanceof Error ? e.message : String(e);

  /** Runs a one-step action (move, start a draft, export…), showing the core's refusal if any. */
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setActionError(null);
    setBusy(true);
    try {
      await action();
      return true;
    } catch (e) {
      setActionError(message(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const sectionName = (s: SectionWithCriteria | Section, index: number) =>
    `${index + 1}. ${anyText(s.title, language)}`;

  const move = (c: Criterion, to: SectionWithCriteria, toIndex: number, position: number, action: Focus['action']) =>
    run(async () => {
      await moveCriterion.mutateAsync({ id: c.id, rev: c.rev, sectionId: to.id, position });
      const count = to.id === c.sectionId ? to.criteria.length : to.criteria.length + 1;
      setAnnouncement(
        t('templates.moved', {
          position: Math.min(position, count - 1) + 1,
          count,
          section: sectionName(to, toIndex),
        }),
      );
      setFocus({ id: c.id, action });
    });

  const moveUp = (c: Criterion, si: number) => {
    const s = sections[si]!;
    if (c.position > 0) return move(c, s, si, c.position - 1, 'up');
    const prev = sections[si - 1];
    if (prev) return move(c, prev, si - 1, prev.criteria.length, 'up');
  };
  const moveDown = (c: Criterion, si: number) => {
    const s = sections[si]!;
    if (c.position < s.criteria.length - 1) return move(c, s, si, c.position + 1, 'down');
    const next = sections[si + 1];
    if (next) return move(c, next, si + 1, 0, 'down');
  };

  const moveSectionTo = (s: Section, position: number, action: Focus['action']) =>
    run(async () => {
      await moveSection.mutateAsync({ id: s.id, rev: s.rev, position });
      setAnnouncement(t('templates.sectionMoved', { position: position + 1, count: sections.length }));
      setFocus({ id: s.id, action });
    });

  const dropOn = (to: SectionWithCriteria, toIndex: number, position: number) => {
    const c = dragging;
    setDragging(null);
    if (!c || (c.sectionId === to.id && c.position === position)) return;
    void move(c, to, toIndex, position, 'up');
  };

  const openCriterion = (next: Extract<Editing, { kind: 'criterion' }>) => setEditing(next);
  const openSection = (next: Extract<Editing, { kind: 'section' }>) => setEditing(next);
  const openDuplicate = () => setEditing({ kind: 'duplicate' });

  if (!current || !data) {
    const failed = versions.error ?? checklist.error;
    return (
      <Stack>
        <Button variant="subtle" onClick={onBack} w="fit-content">
          {t('templates.back')}
        </Button>
        {failed ? (
          <Alert color="red" variant="light" role="alert" title={t('app.loadFailed')}>
            {message(failed)}
          </Alert>
        ) : (
          <Text c="dimmed">{t('app.loading')}</Text>
        )}
      </Stack>
    );
  }

  const templateName = anyText(data.template.name, uiLanguage);
  return (
    <Stack gap="lg">
      <Button variant="subtle" onClick={onBack} w="fit-content" px={0}>
        ← {t('templates.back')}
      </Button>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {templateName}
          </Title>
          {anyText(data.template.description, uiLanguage) && (
            <Text c="dimmed" maw={720}>
              {anyText(data.template.description, uiLanguage)}
            </Text>
          )}
        </Stack>
        <Button variant="default" onClick={() => setEditing({ kind: 'name' })}>
          {t('templates.editName')}
        </Button>
      </Group>

      <Paper withBorder p="md" radius="md">
        <Stack gap="md">
          <Group align="flex-end" gap="lg" wrap="wrap">
            <NativeSelect
              label={t('templates.version')}
              value={current.id}
              onChange={(e) => onVersion(e.currentTarget.value)}
              data={list.map((v) => ({
                value: v.id,
                label: t('templates.versionShort', { number: v.number, status: t(`templates.status.${v.status}`) }),
              }))}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="content-language-label">
                {t('templates.contentLanguage')}
              </Text>
              <SegmentedControl
                aria-labelledby="content-language-label"
                value={language}
                onChange={(v) => setLanguage(v as Language)}
                data={LANGUAGES.map((l) => ({ value: l, label: t(`vocab.language.${l}`) }))}
              />
            </Stack>
            <Group gap="sm" ml="auto">
              {editable ? (
                <Button onClick={() => setPublishing(true)}>{t('templates.publish')}</Button>
              ) : draft ? (
                <Button variant="default" onClick={() => onVersion(draft.id)}>
                  {t('templates.openDraft', { number: draft.number })}
                </Button>
              ) : (
                <Button
                  loading={busy && startDraft.isPending}
                  onClick={() =>
                    void run(async () => {
                      const v = await startDraft.mutateAsync({ templateId, copyFrom: current.id });
                      onVersion(v.id);
                      setAnnouncement(t('templates.draftStarted', { number: v.number }));
                    })
                  }
                >
                  {t('templates.startDraft')}
                </Button>
              )}
              <Button variant="default" onClick={openDuplicate}>
                {t('templates.duplicate')}
              </Button>
              <Button
                variant="default"
                onClick={() =>
                  void run(async () => {
                    const { fileName, file } = await api.call('templates.export', { versionId: current.id });
                    saveFile(fileName, `${JSON.stringify(file, null, 2)}\n`);
                    setAnnouncement(t('templates.exported', { fileName }));
                  })
                }
              >
                {t('templates.export')}
              </Button>
            </Group>
          </Group>
          <Group gap="xs">
            <Badge color={editable ? 'grape' : 'indigo'} data-testid="version-status">
              {t(`templates.status.${current.status}`)}
            </Badge>
            <Text size="sm">{editable ? t('templates.draftNote') : t('templates.frozenNote')}</Text>
          </Group>
          {editable && (
            <Text size="sm" c="dimmed">
              {t('templates.dragHint')}
            </Text>
          )}
        </Stack>
      </Paper>

      <Text size="sm" role="status" aria-live="polite" data-testid="announcer" mih={20}>
        {announcement}
      </Text>
      {actionError && (
        <Alert color="red" variant="light" role="alert" title={t('common.saveFailed')} data-testid="action-error">
          {actionError}
        </Alert>
      )}

      {sections.length === 0 && <Text c="dimmed">{t('templates.noSections')}</Text>}
      {sections.map((s, si) => (
        <Paper
          key={s.id}
          withBorder
          p="md"
          radius="md"
          component="section"
          aria-labelledby={`section-title-${s.id}`}
          onDragOver={(e: React.DragEvent) => dragging && e.preventDefault()}
          onDrop={(e: React.DragEvent) => {
            e.preventDefault();
            dropOn(s, si, s.criteria.length);
          }}
        >
          <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
            <Title
              order={2}
              size="h4"
              id={`section-title-${s.id}`}
              lang={textIn(s.title, language) ? language : undefined}
            >
              {si + 1}. {textIn(s.title, language) ?? anyText(s.title, language)}
              {!textIn(s.title, language) && (
                <Text span size="sm" c="dimmed" fs="italic" fw={400}>
                  {' '}
                  ({t('templates.notTranslated', { language: t(`vocab.language.${language}`) })})
                </Text>
              )}
            </Title>
            {editable && (
              <Group gap={4} wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="default"
                  data-move={`up-${s.id}`}
                  disabled={si === 0 || busy}
                  onClick={() => void moveSectionTo(s, si - 1, 'up')}
                  aria-label={t('templates.moveSectionUpOf', { number: si + 1 })}
                >
                  ↑
                </Button>
                <Button
                  size="compact-sm"
                  variant="default"
                  data-move={`down-${s.id}`}
                  disabled={si === sections.length - 1 || busy}
                  onClick={() => void moveSectionTo(s, si + 1, 'down')}
                  aria-label={t('templates.moveSectionDownOf', { number: si + 1 })}
                >
                  ↓
                </Button>
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => openSection({ kind: 'section', number: si + 1, section: s })}
                  aria-label={t('templates.editSectionOf', { number: si + 1 })}
                >
                  {t('common.edit')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => setRemoving({ kind: 'section', record: s, number: si + 1 })}
                  aria-label={t('templates.removeSectionOf', { number: si + 1 })}
                >
                  {t('templates.remove')}
                </Button>
              </Group>
            )}
          </Group>
          {s.criteria.length === 0 && (
            <Text c="dimmed" size="sm">
              {t('templates.noCriteria')}
            </Text>
          )}
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {s.criteria.map((c, ci) => {
              const number = `${si + 1}.${ci + 1}`;
              const first = si === 0 && ci === 0;
              const last = si === sections.length - 1 && ci === s.criteria.length - 1;
              return (
                <li
                  key={c.id}
                  data-testid={`criterion-${number}`}
                  draggable={editable}
                  onDragStart={(e) => {
                    e.dataTransfer.setData('text/plain', c.id);
                    e.dataTransfer.effectAllowed = 'move';
                    setDragging(c);
                  }}
                  onDragEnd={() => setDragging(null)}
                  // Alt+↑ / Alt+↓ on any of the criterion's buttons moves it, like the ↑ and ↓ buttons.
                  onKeyDown={(e) => {
                    if (!editable || !e.altKey || busy) return;
                    if (e.key === 'ArrowUp' && !first) {
                      e.preventDefault();
                      void moveUp(c, si);
                    } else if (e.key === 'ArrowDown' && !last) {
                      e.preventDefault();
                      void moveDown(c, si);
                    }
                  }}
                  onDragOver={(e) => dragging && e.preventDefault()}
                  onDrop={(e) => {
                    e.preventDefault();
                    e.stopPropagation();
                    dropOn(s, si, ci);
                  }}
                  style={{
                    borderTop: ci === 0 ? undefined : '1px solid var(--mantine-color-gray-3)',
                    paddingTop: ci === 0 ? 0 : 8,
                    cursor: editable ? 'grab' : undefined,
                    opacity: dragging?.id === c.id ? 0.5 : 1,
                  }}
                >
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
                    <Stack gap={4} style={{ flex: 1 }}>
                      <Group gap="xs" align="flex-start" wrap="nowrap">
                        <Text fw={700} style={{ minWidth: 36 }}>
                          {number}
                        </Text>
                        <LocalizedText text={c.text} language={language} fw={500} />
                      </Group>
                      <Group gap="xs" pl={44}>
                        <Badge variant="outline" color="dark">
                          {t(`vocab.responseType.${c.responseType}`)}
                        </Badge>
                        {c.weight !== null && (
                          <Badge variant="outline" color="dark">
                            {t('templates.weightBadge', { weight: c.weight })}
                          </Badge>
                        )}
                        {c.grounds.map((g) => {
                          const ground = grounds.find((x) => x.code === g);
                          return (
                            <Badge key={g} color="gray">
                              {ground ? anyText(ground.label, language) : g}
                            </Badge>
                          );
                        })}
                      </Group>
                      {c.responseType === 'choice' && (
                        <List size="sm" pl={44} ml="md">
                          {c.choices.map((o, i) => (
                            <List.Item key={i}>
                              <LocalizedText text={o} language={language} size="sm" />
                            </List.Item>
                          ))}
                        </List>
                      )}
                      {Object.keys(c.guidance).length > 0 && (
                        <Stack gap={0} pl={44}>
                          <Text size="xs" fw={600} c="gray.8">
                            {t('templates.guidance')}
                          </Text>
                          <LocalizedText text={c.guidance} language={language} size="sm" c="gray.8" />
                        </Stack>
                      )}
                      {c.reference && (
                        <Text size="xs" c="gray.8" pl={44}>
                          {t('templates.referenceLabel')}: {c.reference}
                        </Text>
                      )}
                    </Stack>
                    {editable && (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="default"
                          data-move={`up-${c.id}`}
                          disabled={first || busy}
                          onClick={() => void moveUp(c, si)}
                          aria-label={t('templates.moveUpOf', { number })}
                        >
                          ↑
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          data-move={`down-${c.id}`}
                          disabled={last || busy}
                          onClick={() => void moveDown(c, si)}
                          aria-label={t('templates.moveDownOf', { number })}
                        >
                          ↓
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => openCriterion({ kind: 'criterion', sectionId: s.id, number, criterion: c })}
                          aria-label={t('templates.editCriterionOf', { number })}
                        >
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => setRemoving({ kind: 'criterion', record: c, number })}
                          aria-label={t('templates.removeCriterionOf', { number })}
                        >
                          {t('templates.remove')}
                        </Button>
                      </Group>
                    )}
                  </Group>
                </li>
              );
            })}
          </Stack>
          {editable && (
            <Button
              mt="sm"
              size="xs"
              variant="light"
              onClick={() => openCriterion({ kind: 'criterion', sectionId: s.id, number: String(si + 1) })}
              aria-label={t('templates.addCriterionTo', { number: si + 1 })}
            >
              {t('templates.addCriterion')}
            </Button>
          )}
        </Paper>
      ))}
      {editable && (
        <Button
          variant="default"
          w="fit-content"
          onClick={() => openSection({ kind: 'section', number: sections.length + 1 })}
        >
          {t('templates.addSection')}
        </Button>
      )}

      {editing?.kind === 'criterion' && (
        <CriterionDialog
          key={editing.criterion?.id ?? editing.sectionId}
          editing={editing}
          grounds={grounds}
          uiLanguage={uiLanguage}
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'section' && (
        <SectionDialog editing={editing} versionId={current.id} onClose={() => setEditing(null)} />
      )}
      {editing?.kind === 'name' && <NameDialog template={data.template} onClose={() => setEditing(null)} />}
      {editing?.kind === 'duplicate' && (
        <DuplicateDialog
          versionId={current.id}
          templateName={data.template.name}
          onClose={() => setEditing(null)}
          onDuplicated={onOpenTemplate}
        />
      )}

      <Modal
        opened={publishing}
        onClose={() => setPublishing(false)}
        title={t('templates.publishTitle', { number: current.number })}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text>{t('templates.publishBody')}</Text>
          {actionError && <ServerError message={actionError} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setPublishing(false)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              loading={publish.isPending}
              onClick={() =>
                void run(async () => {
                  await publish.mutateAsync({ id: current.id, rev: current.rev });
                  setPublishing(false);
                  setAnnouncement(t('templates.publishedNow', { number: current.number }));
                })
              }
            >
              {t('templates.publish')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={
          removing?.kind === 'section'
            ? t('templates.removeSectionTitle', { number: removing.number })
            : t('templates.removeCriterionTitle', { number: removing?.number ?? '' })
        }
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text>{t('templates.removeBody')}</Text>
          {actionError && <ServerError message={actionError} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setRemoving(null)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={removeCriterion.isPending || removeSection.isPending}
              onClick={() =>
                void run(async () => {
                  if (!removing) return;
                  const { id, rev } = removing.record;
                  if (removing.kind === 'section') await removeSection.mutateAsync({ id, rev });
                  else await removeCriterion.mutateAsync({ id, rev });
                  setRemoving(null);
                })
              }
            >
              {t('templates.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** A form whose unsaved text is kept under `key` (see ./unsaved.ts). */
function useUnsavedForm<V extends Record<string, string>>(key: string, initial: V) {
  const [start] = useState(() => ({ key, initial, restored: readUnsaved(key, initial) }));
  const form = useForm<V>(start.restored ?? start.initial);
  useKeepUnsaved(start.key, form.values, start.initial);
  return {
    form,
    restored: start.restored !== null,
    discard: () => {
      clearUnsaved(start.key);
      form.reset(start.initial);
    },
    saved: () => clearUnsaved(start.key),
  };
}

function EditModal<V extends Record<string, string>>({
  title,
  unsaved,
  onClose,
  save,
  children,
}: {
  title: string;
  unsaved: ReturnType<typeof useUnsavedForm<V>>;
  onClose: () => void;
  save: () => Promise<boolean>;
  children: React.ReactNode;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { form } = unsaved;
  return (
    <FormModal
      opened
      title={title}
      onClose={onClose}
      onSubmit={() =>
        void save().then((ok) => {
          if (!ok) return;
          unsaved.saved();
          onClose();
        })
      }
      submitting={form.submitting}
      serverError={form.serverError}
      formRef={form.formRef}
    >
      {unsaved.restored && (
        <Alert color="indigo" variant="light" data-testid="restored">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('templates.restored')}</Text>
            <Button size="xs" variant="default" onClick={unsaved.discard}>
              {t('templates.discard')}
            </Button>
          </Group>
        </Alert>
      )}
      {children}
    </FormModal>
  );
}

/** Adds a criterion to a section, or edits one. */
function CriterionDialog({
  editing,
  grounds,
  uiLanguage,
  onClose,
}: {
  editing: Extract<Editing, { kind: 'criterion' }>;
  grounds: readonly Ground[];
  uiLanguage: Language;
  onClose: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const c = editing.criterion;
  const unsaved = useUnsavedForm(
    c ? `criterion.${c.id}.${c.rev}` : `criterion.new.${editing.sectionId}`,
    c ? criterionValues(c) : emptyCriterion(),
  );
  const add = useApiMutation('criteria.add', TEMPLATE_KEYS);
  const edit = useApiMutation('criteria.edit', TEMPLATE_KEYS);
  const save = () => {
    const fields = criterionInput(unsaved.form.values);
    return c
      ? unsaved.form.submit(CriterionEdit, { id: c.id, rev: c.rev, ...fields }, (i) => edit.mutateAsync(i))
      : unsaved.form.submit(CriterionAdd, { sectionId: editing.sectionId, ...fields }, (i) => add.mutateAsync(i));
  };
  return (
    <EditModal
      title={
        c
          ? t('templates.editCriterionTitle', { number: editing.number })
          : t('templates.addCriterionTitle', { number: editing.number })
      }
      unsaved={unsaved}
      onClose={onClose}
      save={save}
    >
      <CriterionFields form={unsaved.form} grounds={grounds} language={uiLanguage} />
    </EditModal>
  );
}

/** Adds a section to a version, or edits one's title. */
function SectionDialog({
  editing,
  versionId,
  onClose,
}: {
  editing: Extract<Editing, { kind: 'section' }>;
  versionId: string;
  onClose: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const s = editing.section;
  const unsaved = useUnsavedForm(s ? `section.${s.id}.${s.rev}` : `section.new.${versionId}`, sectionValues(s));
  const add = useApiMutation('sections.add', TEMPLATE_KEYS);
  const edit = useApiMutation('sections.edit', TEMPLATE_KEYS);
  const save = () => {
    const title = localized(unsaved.form.values.titleEn, unsaved.form.values.titleEs);
    return s
      ? unsaved.form.submit(SectionEdit, { id: s.id, rev: s.rev, title }, (i) => edit.mutateAsync(i))
      : unsaved.form.submit(SectionAdd, { versionId, title }, (i) => add.mutateAsync(i));
  };
  return (
    <EditModal
      title={s ? t('templates.editSectionTitle', { number: editing.number }) : t('templates.addSectionTitle')}
      unsaved={unsaved}
      onClose={onClose}
      save={save}
    >
      <SectionFields form={unsaved.form} />
    </EditModal>
  );
}

/** Duplicates a version as a new own template, named "Copy of …" in each language by default. */
function DuplicateDialog({
  versionId,
  templateName,
  onClose,
  onDuplicated,
}: {
  versionId: string;
  templateName: Readonly<Record<string, string>>;
  onClose: () => void;
  onDuplicated: (templateId: string, versionId: string) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const unsaved = useUnsavedForm(`duplicate.${versionId}`, {
    ...nameValues(),
    nameEn: templateName.en ? t('templates.copyOf', { name: templateName.en, lng: 'en' }) : '',
    nameEs: templateName.es ? t('templates.copyOf', { name: templateName.es, lng: 'es' }) : '',
  });
  const duplicate = useApiMutation('templates.duplicate', TEMPLATE_KEYS);
  const save = () => {
    const name = localized(unsaved.form.values.nameEn, unsaved.form.values.nameEs);
    return unsaved.form.submit(DuplicateInput, { versionId, name }, async (i) => {
      const copy = await duplicate.mutateAsync(i);
      onDuplicated(copy.template.id, copy.version.id);
    });
  };
  return (
    <EditModal title={t('templates.duplicateTitle')} unsaved={unsaved} onClose={onClose} save={save}>
      <NameFields form={unsaved.form} withDescription={false} />
    </EditModal>
  );
}

/** Changes a template's name and description (in both languages). */
function NameDialog({ template, onClose }: { template: Template; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const unsaved = useUnsavedForm(`template.${template.id}.${template.rev}`, nameValues(template));
  const update = useApiMutation('templates.update', TEMPLATE_KEYS);
  const save = () => {
    const v = unsaved.form.values;
    return unsaved.form.submit(
      TemplateUpdate,
      {
        id: template.id,
        rev: template.rev,
        name: localized(v.nameEn, v.nameEs),
        description: localized(v.descriptionEn, v.descriptionEs),
      },
      (i) => update.mutateAsync(i),
    );
  };
  return (
    <EditModal title={t('templates.editName')} unsaved={unsaved} onClose={onClose} save={save}>
      <NameFields form={unsaved.form} withDescription />
    </EditModal>
  );
}
