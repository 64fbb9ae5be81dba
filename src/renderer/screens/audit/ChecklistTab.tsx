/**
 * The auditor's checklist: section by section, each criterion with its guidance, the input its
 * response type needs, a note and links to evidence of the same audit; progress per section and
 * overall; filters (unanswered, non-compliant, disagreements). Answers are the current person's
 * own, saved as they are typed (see ./useAutosave.ts).
 *
 * Keyboard, on a criterion: 1–5 pick the rating (or the option), 0 clears it; ↓/J and ↑/K move to
 * the next and previous criterion; `?` shows the shortcuts.
 *
 * Each criterion shows the history of one's own answer once there is one, and of the team's
 * consolidated result once the lead has set it (HistoryPanel, folded).
 */
import {
  Alert,
  Badge,
  Group,
  Kbd,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Progress,
  Radio,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audit, Response } from '../../../shared/domain/audit';
import type { AnswerEvidenceLink } from '../../../shared/domain/evidence';
import type { Person } from '../../../shared/domain/programme';
import type { Criterion } from '../../../shared/domain/template';
import { RATINGS, type Rating } from '../../../shared/domain/vocabulary';
import { api } from '../../api/client';
import {
  useAgreement,
  useAnswers,
  useAttachments,
  useChecklist,
  useConsolidated,
  useObservationEntries,
  useSituationTests,
} from '../../api/fieldworkHooks';
import { HistoryPanel } from '../../components/HistoryPanel';
import { localized, plainText } from './text';
import { useAutosave, type SaveState } from './useAutosave';

type Filter = 'all' | 'unanswered' | 'non_compliant' | 'disagreements';

interface AnswerValue {
  rating: Rating | null;
  value: number | string | null;
  note: string;
  evidence: AnswerEvidenceLink[];
}
const EMPTY: AnswerValue = { rating: null, value: null, note: '', evidence: [] };
const answered = (v: AnswerValue): boolean => v.rating !== null || (v.value !== null && v.value !== '');
const valueOf = (r: Response): AnswerValue => ({
  rating: r.rating,
  value: r.value,
  note: r.note,
  evidence: r.evidence,
});

/** The options a number key picks, per response type. */
function keyOptions(c: Criterion): { rating: Rating | null; value: number | null }[] {
  switch (c.responseType) {
    case 'rating':
      return RATINGS.map((r) => ({ rating: r, value: null }));
    case 'yes_no':
      return (['compliant', 'non_compliant', 'not_applicable'] as const).map((r) => ({ rating: r, value: null }));
    case 'choice':
      return c.choices.map((_, i) => ({ rating: null, value: i }));
    default:
      return [];
  }
}

const isTyping = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

export function ChecklistTab({
  audit,
  me,
  workspace,
}: {
  audit: Audit;
  me: Person;
  workspace: string;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const checklist = useChecklist(audit.templateVersionId);
  const mine = useAnswers(audit.id, me.id);
  const agreement = useAgreement(audit.id);
  const consolidated = useConsolidated(audit.id);
  const observations = useObservationEntries(audit.id);
  const tests = useSituationTests(audit.id);
  const attachments = useAttachments(audit.id);
  const [filter, setFilter] = useState<Filter>('all');
  const [help, setHelp] = useState(false);
  const [progress, setProgress] = useState<Record<string, AnswerValue>>({});
  const listRef = useRef<HTMLDivElement | null>(null);
  const inTeam = audit.teamIds.includes(me.id);
  const editable = inTeam && audit.status === 'fieldwork';

  const onValue = useCallback((criterionId: string, v: AnswerValue) => {
    setProgress((p) => (p[criterionId] === v ? p : { ...p, [criterionId]: v }));
  }, []);

  const evidenceOptions = useMemo(
    () => [
      {
        group: t('fieldwork.checklist.evidenceObservations'),
        items: (observations.data ?? []).map((o) => ({
          value: `observation:${o.id}`,
          label: `${o.observedAt.slice(0, 10)} · ${plainText(o.excerpt).slice(0, 60)}`,
        })),
      },
      {
        group: t('fieldwork.checklist.evidenceTests'),
        items: (tests.data ?? []).map((s) => ({
          value: `situation_test:${s.id}`,
          label: `${s.conductedOn} · ${s.scenario.slice(0, 60)}`,
        })),
      },
      {
        group: t('fieldwork.checklist.evidenceAttachments'),
        items: (attachments.data ?? []).map((a) => ({ value: `attachment:${a.id}`, label: a.fileName })),
      },
    ],
    [observations.data, tests.data, attachments.data, t],
  );

  // Which criteria a filter shows is decided when the filter is chosen, not at every keystroke:
  // answering a criterion under "unanswered" does not make it vanish under the keyboard.
  // Disagreements as the core counts them (audits.agreement), the same list the Agreement tab shows.
  const disagreeing = useMemo(
    () => new Set((agreement.data?.disagreements ?? []).map((d) => d.criterionId)),
    [agreement.data],
  );
  const progressRef = useRef(progress);
  progressRef.current = progress;
  const shown = useMemo(() => {
    if (filter === 'all') return null;
    const p = progressRef.current;
    const ids = (checklist.data?.sections ?? []).flatMap((s) => s.criteria.map((c) => c.id));
    return new Set(
      ids.filter((id) => {
        const v = p[id] ?? EMPTY;
        if (filter === 'unanswered') return !answered(v);
        if (filter === 'non_compliant') return v.rating === 'non_compliant';
        return disagreeing.has(id);
      }),
    );
  }, [filter, checklist.data, disagreeing]);

  const move = (from: HTMLElement, delta: number) => {
    const rows = [...(listRef.current?.querySelectorAll<HTMLElement>('.criterion') ?? [])];
    const i = rows.indexOf(from);
    rows[Math.max(0, Math.min(rows.length - 1, i + delta))]?.focus();
  };

  if (!checklist.data || !mine.data) return <Text c="dimmed">{t('app.loading')}</Text>;
  const sections = checklist.data.sections;
  const byCriterion = new Map(mine.data.map((r) => [r.criterionId, r]));
  const resultOf = new Map((consolidated.data ?? []).map((r) => [r.criterionId, r.id]));
  const total = sections.reduce((n, s) => n + s.criteria.length, 0);
  const done = Object.values(progress).filter(answered).length;

  return (
    <Stack
      gap="md"
      onKeyDown={(e) => {
        if (e.key === '?' && !isTyping(e.target)) {
          e.preventDefault();
          setHelp(true);
        }
      }}
    >
      {!inTeam && <Alert color="gray">{t('fieldwork.checklist.notInTeam')}</Alert>}
      {inTeam && audit.status !== 'fieldwork' && (
        <Alert color="gray">
          {t('fieldwork.checklist.notInFieldwork', { status: t(`vocab.auditStatus.${audit.status}`) })}
        </Alert>
      )}
      <Paper withBorder p="sm" radius="md">
        <Group justify="space-between" wrap="wrap">
          <Stack gap={4} style={{ flex: 1, minWidth: 240 }}>
            <Text size="sm">{t('fieldwork.checklist.answeringAs', { name: me.displayName, code: me.code })}</Text>
            <Text size="sm" fw={600} data-testid="overall-progress">
              {t('fieldwork.checklist.progress', { done, total })}
            </Text>
            <Progress value={total ? (100 * done) / total : 0} aria-label={t('fieldwork.checklist.overall')} />
          </Stack>
          <SegmentedControl
            aria-label={t('fieldwork.checklist.filter')}
            value={filter}
            onChange={(v) => setFilter(v as Filter)}
            data={(['all', 'unanswered', 'non_compliant', 'disagreements'] as const).map((f) => ({
              value: f,
              label: t(`fieldwork.checklist.filters.${f}`),
            }))}
          />
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          {t('fieldwork.checklist.keysHint')}
        </Text>
      </Paper>
      <div ref={listRef}>
        <Stack gap="lg">
          {sections.map((section) => {
            const criteria = section.criteria.filter((c) => !shown || shown.has(c.id));
            const sectionDone = section.criteria.filter((c) => answered(progress[c.id] ?? EMPTY)).length;
            const title = localized(section.title, i18n.language);
            return (
              <section key={section.id} aria-label={title}>
                <Group justify="space-between" mb="xs">
                  <Title order={2} size="h4">
                    {title}
                  </Title>
                  <Text size="sm" c="dimmed" data-testid={`section-progress-${section.position}`}>
                    {t('fieldwork.checklist.progress', { done: sectionDone, total: section.criteria.length })}
                  </Text>
                </Group>
                <Progress
                  size="sm"
                  mb="sm"
                  value={section.criteria.length ? (100 * sectionDone) / section.criteria.length : 0}
                  aria-label={t('fieldwork.checklist.sectionProgress', { section: title })}
                />
                <Stack gap="sm">
                  {criteria.map((c) => {
                    const stored = byCriterion.get(c.id);
                    return (
                      <CriterionRow
                        key={c.id}
                        criterion={c}
                        auditId={audit.id}
                        me={me}
                        stored={stored}
                        consolidatedId={resultOf.get(c.id)}
                        draftKey={`${workspace}.${me.id}.${audit.id}.answer.${c.id}`}
                        editable={editable}
                        disagreement={disagreeing.has(c.id)}
                        evidenceOptions={evidenceOptions}
                        onValue={onValue}
                        onMove={move}
                      />
                    );
                  })}
                  {criteria.length === 0 && (
                    <Text size="sm" c="dimmed">
                      {t('fieldwork.checklist.noneInFilter')}
                    </Text>
                  )}
                </Stack>
              </section>
            );
          })}
        </Stack>
      </div>
      <Modal
        opened={help}
        onClose={() => setHelp(false)}
        title={t('fieldwork.checklist.shortcuts')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Table>
          <Table.Tbody>
            {(
              [
                ['1 – 5', 'fieldwork.checklist.keys.rate'],
                ['0', 'fieldwork.checklist.keys.clear'],
                ['↓ / J', 'fieldwork.checklist.keys.next'],
                ['↑ / K', 'fieldwork.checklist.keys.previous'],
                ['Tab', 'fieldwork.checklist.keys.tab'],
                ['?', 'fieldwork.checklist.keys.help'],
              ] as const
            ).map(([k, label]) => (
              <Table.Tr key={k}>
                <Table.Td>
                  <Kbd>{k}</Kbd>
                </Table.Td>
                <Table.Td>{t(label)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Modal>
    </Stack>
  );
}

function SaveBadge({ state }: { state: SaveState }): React.JSX.Element {
  const { t } = useTranslation();
  const color = { empty: 'gray', unsaved: 'grape', saving: 'indigo', saved: 'indigo', error: 'red' }[state];
  return (
    <Text
      size="xs"
      c={color === 'gray' ? 'dimmed' : undefined}
      role="status"
      data-testid="save-state"
      data-state={state}
    >
      <Badge color={color} variant="light" size="sm">
        {t(`fieldwork.save.${state}`)}
      </Badge>
    </Text>
  );
}

function CriterionRow({
  criterion: c,
  auditId,
  me,
  stored,
  consolidatedId,
  draftKey,
  editable,
  disagreement,
  evidenceOptions,
  onValue,
  onMove,
}: {
  criterion: Criterion;
  auditId: string;
  me: Person;
  stored: Response | undefined;
  /** The team's consolidated result of this criterion, once the lead has set it. */
  consolidatedId: string | undefined;
  draftKey: string;
  editable: boolean;
  disagreement: boolean;
  evidenceOptions: { group: string; items: { value: string; label: string }[] }[];
  onValue: (criterionId: string, v: AnswerValue) => void;
  onMove: (from: HTMLElement, delta: number) => void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const textId = useId();
  // The answer's id, known once it is first saved: its history is shown from then on.
  const [answerId, setAnswerId] = useState(stored?.id);
  useEffect(() => {
    if (stored) setAnswerId(stored.id);
  }, [stored]);
  const auto = useAutosave<AnswerValue>({
    draftKey,
    stored: stored ? valueOf(stored) : null,
    storedRev: stored?.rev ?? null,
    empty: EMPTY,
    editable,
    save: async (v, rev) => {
      const r = await api.call('audits.recordAnswer', { auditId, criterionId: c.id, ...v, rev });
      void qc.invalidateQueries({ queryKey: ['agreement', auditId] });
      setAnswerId(r.id);
      void qc.invalidateQueries({ queryKey: ['history', r.id] });
      return r.rev;
    },
    reloadRev: async () => {
      const page = await api.call('audits.answers', { auditId, auditorId: me.id, limit: 500 });
      return page.items.find((r) => r.criterionId === c.id)?.rev ?? null;
    },
  });
  const v = auto.value;
  // Progress and filters follow what is typed.
  useEffect(() => onValue(c.id, v), [c.id, v, onValue]);
  const options = keyOptions(c);
  const set = (patch: Partial<AnswerValue>, immediate = false) => auto.change({ ...v, ...patch }, immediate);
  const guidance = localized(c.guidance, i18n.language);
  const ratingLabel = (r: Rating) =>
    c.responseType === 'yes_no'
      ? t(`fieldwork.checklist.yesNo.${r as 'compliant' | 'non_compliant' | 'not_applicable'}`)
      : t(`vocab.rating.${r}`);

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      tabIndex={0}
      className="criterion"
      role="group"
      aria-labelledby={textId}
      data-criterion={c.id}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === 'ArrowDown' || e.key === 'j' || e.key === 'J') {
          e.preventDefault();
          onMove(e.currentTarget, 1);
        } else if (e.key === 'ArrowUp' || e.key === 'k' || e.key === 'K') {
          e.preventDefault();
          onMove(e.currentTarget, -1);
        } else if (editable && /^[0-9]$/.test(e.key)) {
          const n = Number(e.key);
          if (n === 0) {
            e.preventDefault();
            set({ rating: null, value: null }, true);
          } else if (options[n - 1]) {
            e.preventDefault();
            set(options[n - 1]!, true);
          }
        }
      }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ flex: 1 }}>
          <Text fw={600} id={textId}>
            {localized(c.text, i18n.language)}
          </Text>
          {guidance && (
            <Text size="sm" c="dimmed">
              {guidance}
            </Text>
          )}
        </Stack>
        <Group gap={4} wrap="nowrap">
          {disagreement && (
            <Badge color="red" variant="light" size="sm">
              {t('fieldwork.agreement.disagreement')}
            </Badge>
          )}
          <SaveBadge state={auto.state} />
        </Group>
      </Group>
      <Stack gap="xs" mt="xs">
        {(c.responseType === 'rating' || c.responseType === 'yes_no') && (
          <Radio.Group
            label={t('fieldwork.checklist.answer')}
            value={v.rating ?? ''}
            onChange={(r) => set({ rating: r as Rating }, true)}
          >
            <Group gap="md" mt={4}>
              {options.map((o, i) => (
                <Radio
                  key={o.rating}
                  value={o.rating ?? ''}
                  label={`${i + 1} · ${ratingLabel(o.rating!)}`}
                  disabled={!editable}
                />
              ))}
            </Group>
          </Radio.Group>
        )}
        {c.responseType === 'choice' && (
          <Radio.Group
            label={t('fieldwork.checklist.answer')}
            value={v.value === null ? '' : String(v.value)}
            onChange={(x) => set({ value: Number(x) }, true)}
          >
            <Group gap="md" mt={4}>
              {c.choices.map((choice, i) => (
                <Radio
                  key={i}
                  value={String(i)}
                  label={`${i + 1} · ${localized(choice, i18n.language)}`}
                  disabled={!editable}
                />
              ))}
            </Group>
          </Radio.Group>
        )}
        {c.responseType === 'number' && (
          <NumberInput
            label={t('fieldwork.checklist.answer')}
            value={typeof v.value === 'number' ? v.value : ''}
            onChange={(x) => set({ value: typeof x === 'number' ? x : null })}
            onBlur={auto.flush}
            disabled={!editable}
            maw={200}
          />
        )}
        {c.responseType === 'text' && (
          <Textarea
            label={t('fieldwork.checklist.answer')}
            value={typeof v.value === 'string' ? v.value : ''}
            onChange={(e) => set({ value: e.currentTarget.value || null })}
            onBlur={auto.flush}
            disabled={!editable}
            autosize
            minRows={2}
          />
        )}
        <Textarea
          label={t('fieldwork.checklist.note')}
          value={v.note}
          onChange={(e) => set({ note: e.currentTarget.value })}
          onBlur={auto.flush}
          disabled={!editable}
          autosize
          minRows={1}
        />
        <MultiSelect
          label={t('fieldwork.checklist.evidence')}
          data={evidenceOptions}
          value={v.evidence.map((e) => `${e.kind}:${e.id}`)}
          onChange={(values) =>
            set(
              {
                evidence: values.map((x) => {
                  const [kind, id] = x.split(':') as [AnswerEvidenceLink['kind'], string];
                  return { kind, id };
                }),
              },
              true,
            )
          }
          disabled={!editable}
          searchable
          clearable
          nothingFoundMessage={t('fieldwork.checklist.noEvidence')}
        />
        {auto.state === 'error' && auto.error && (
          <Text size="sm" c="red" role="alert">
            {auto.error.messageIn(i18n.language === 'es' ? 'es' : 'en')}
          </Text>
        )}
        {(answerId || consolidatedId) && (
          <Group gap="xs" align="flex-start" grow data-testid="criterion-history">
            {answerId && <HistoryPanel entityId={answerId} entity="response" title={t('checklistHistory.answer')} />}
            {consolidatedId && (
              <HistoryPanel
                entityId={consolidatedId}
                entity="consolidated_result"
                title={t('checklistHistory.result')}
              />
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
