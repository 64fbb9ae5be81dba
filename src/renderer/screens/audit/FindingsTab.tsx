/**
 * The audit's Findings tab: its review state; for the coordinator, the draft findings the
 * non-compliant consolidated results suggest (grouped by section: accept one, merge several into
 * one finding with the evidence of all, or dismiss one — a dismissal is stored and can be
 * restored); the findings with their evidence; and the recommendations with the managers'
 * answers. The manager of the audited service reads it all; only the coordinator writes.
 */
import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { mayCall } from '../../../shared/api/roles';
import type { Audit } from '../../../shared/domain/audit';
import type { Finding, FindingSuggestion, Recommendation } from '../../../shared/domain/findings';
import type { Person } from '../../../shared/domain/programme';
import { api, errorMessage } from '../../api/client';
import { usePeople } from '../../api/hooks';
import { useGrounds } from '../../api/fieldworkHooks';
import { ConfirmArchive } from '../../components/ConfirmArchive';
import { RowActions } from '../../components/RowActions';
import { recordAnchor, useBringIntoView } from '../../components/useBringIntoView';
import { FindingForm, type FindingFormMode } from './FindingForm';
import { mergeDrafts, type FindingDraft } from './review';
import { RecommendationForm } from './RecommendationForm';
import { FindingCard, RecommendationCard, ReviewStateBox } from './ReviewCards';
import {
  REVIEW_KEYS,
  useEvidenceIndex,
  useFindings,
  useRecommendationAnswers,
  useRecommendations,
  useSuggestions,
} from './findingsData';
import { localized } from './text';

export function FindingsTab({ audit, me }: { audit: Audit; me: Person }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const role = me.role;
  const frozen = audit.status === 'closed' || audit.archivedAt !== null;
  const canWrite = mayCall('findings.create', role) && !frozen;
  const findings = useFindings(audit.id);
  const recommendations = useRecommendations(audit.id);
  const answers = useRecommendationAnswers(audit.id);
  const suggestions = useSuggestions(audit.id, mayCall('findings.suggestFromResults', role));
  const evidence = useEvidenceIndex(audit, role, t, i18n.language);
  const grounds = useGrounds();
  const people = usePeople({ includeArchived: true });
  const peopleById = new Map((people.data ?? []).map((p) => [p.id, p]));
  const groundLabel = (code: string) =>
    localized((grounds.data ?? []).find((g) => g.code === code)?.label, i18n.language) || code;

  const [form, setForm] = useState<{ mode: FindingFormMode; start: FindingDraft | Finding | null } | null>(null);
  const [recForm, setRecForm] = useState<{ recommendation: Recommendation | null } | null>(null);
  const [archiving, setArchiving] = useState<Finding | Recommendation | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const findingList = findings.data ?? [];

  // A link to one finding or recommendation (`&finding=…`, `&recommendation=…`, e.g. from a
  // measure's trace) brings its card into view and moves the focus to it once the lists are read.
  const [params] = useSearchParams();
  const linked = params.get('finding') ?? params.get('recommendation');
  useBringIntoView(linked ? recordAnchor(linked) : null, findings.isSuccess && recommendations.isSuccess);
  const findingsById = new Map(findingList.map((f) => [f.id, f]));
  const live = (suggestions.data ?? []).filter((s) => s.dismissal === null);
  const dismissed = (suggestions.data ?? []).filter((s) => s.dismissal !== null);
  const sectionTitle = new Map(
    (evidence.checklist?.sections ?? []).map((s, i) => [s.id, { n: i + 1, title: localized(s.title, i18n.language) }]),
  );
  const bySection = new Map<string, FindingSuggestion[]>();
  for (const s of live) bySection.set(s.sectionId, [...(bySection.get(s.sectionId) ?? []), s]);

  const refresh = () => Promise.all(REVIEW_KEYS.map((k) => qc.invalidateQueries({ queryKey: [k] })));
  const run = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(errorMessage(e, i18n.language));
    }
    await refresh();
  };
  const chosen = live.filter((s) => selected.includes(s.consolidatedResultId));

  return (
    <Stack gap="lg">
      <Text size="sm">{t('findingsUi.intro')}</Text>
      {!mayCall('findings.create', role) && <Alert color="gray">{t('findingsUi.readOnly')}</Alert>}
      {frozen && <Alert color="gray">{t('findingsUi.frozen')}</Alert>}
      {error && (
        <Alert color="red" role="alert" title={t('common.saveFailed')}>
          {error}
        </Alert>
      )}
      <ReviewStateBox recommendations={recommendations.data ?? []} answers={answers.data ?? []} people={peopleById} />

      {canWrite && suggestions.isSuccess && (
        <Stack gap="sm" component="section" aria-labelledby="suggestions-title">
          <Title order={2} size="h4" id="suggestions-title">
            {t('findingsUi.suggestions.title')}
          </Title>
          <Text size="sm">{t('findingsUi.suggestions.intro')}</Text>
          {live.length === 0 && <Text c="dimmed">{t('findingsUi.suggestions.empty')}</Text>}
          {[...bySection.entries()].map(([sectionId, items]) => (
            <Stack key={sectionId} gap="xs">
              <Title order={3} size="h5">
                {t('findingsUi.suggestions.section', {
                  n: sectionTitle.get(sectionId)?.n ?? (items[0]?.sectionPosition ?? 0) + 1,
                  title: sectionTitle.get(sectionId)?.title ?? '',
                })}
              </Title>
              {items.map((s) => (
                <Paper key={s.consolidatedResultId} withBorder p="sm" radius="md" data-testid="suggestion">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Checkbox
                      checked={selected.includes(s.consolidatedResultId)}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setSelected((x) =>
                          on ? [...x, s.consolidatedResultId] : x.filter((id) => id !== s.consolidatedResultId),
                        );
                      }}
                      aria-label={t('findingsUi.suggestions.select', { title: s.draft.title })}
                      label={
                        <Stack gap={0}>
                          <Text size="sm" fw={600} data-testid="suggestion-title">
                            {s.draft.title}
                          </Text>
                          <Text size="xs">
                            {t(`vocab.rating.${s.rating}`)} ·{' '}
                            {t('findingsUi.suggestions.evidenceCount', { count: s.draft.evidence?.length ?? 0 })}
                          </Text>
                        </Stack>
                      }
                    />
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" onClick={() => setForm({ mode: 'accept', start: s.draft })}>
                        {t('findingsUi.suggestions.accept')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() =>
                          void run(() =>
                            api.call('findings.dismissSuggestion', {
                              auditId: audit.id,
                              consolidatedResultId: s.consolidatedResultId,
                            }),
                          )
                        }
                      >
                        {t('findingsUi.suggestions.dismiss')}
                      </Button>
                    </Group>
                  </Group>
                </Paper>
              ))}
            </Stack>
          ))}
          {live.length > 1 && (
            <Group>
              <Button
                variant="light"
                disabled={chosen.length < 2}
                onClick={() => setForm({ mode: 'merge', start: mergeDrafts(chosen.map((s) => s.draft)) })}
              >
                {t('findingsUi.suggestions.merge', { count: chosen.length })}
              </Button>
            </Group>
          )}
          {dismissed.length > 0 && (
            <details>
              <summary>{t('findingsUi.suggestions.dismissed', { count: dismissed.length })}</summary>
              <Stack gap="xs" mt="xs">
                {dismissed.map((s) => (
                  <Group key={s.consolidatedResultId} justify="space-between" data-testid="dismissed-suggestion">
                    <Text size="sm">{s.draft.title}</Text>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() =>
                        void run(() =>
                          api.call('findings.restoreSuggestion', { id: s.dismissal!.id, rev: s.dismissal!.rev }),
                        )
                      }
                    >
                      {t('findingsUi.suggestions.restore')}
                    </Button>
                  </Group>
                ))}
              </Stack>
            </details>
          )}
        </Stack>
      )}

      <Stack gap="sm" component="section" aria-labelledby="findings-title">
        <Group justify="space-between">
          <Title order={2} size="h4" id="findings-title">
            {t('findingsUi.finding.title')}
          </Title>
          {canWrite && (
            <Button variant="default" onClick={() => setForm({ mode: 'new', start: null })}>
              {t('findingsUi.finding.add')}
            </Button>
          )}
        </Group>
        {findings.isSuccess && findingList.length === 0 && <Text c="dimmed">{t('findingsUi.finding.empty')}</Text>}
        {findingList.map((f) => (
          <FindingCard
            key={f.id}
            finding={f}
            evidence={evidence.byKey}
            groundLabel={groundLabel}
            role={role}
            actions={
              canWrite && (
                <RowActions
                  name={f.title}
                  onEdit={() => setForm({ mode: 'edit', start: f })}
                  onArchive={() => setArchiving(f)}
                />
              )
            }
          />
        ))}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="recommendations-title">
        <Group justify="space-between">
          <Title order={2} size="h4" id="recommendations-title">
            {t('findingsUi.recommendation.title')}
          </Title>
          {canWrite && findingList.length > 0 && (
            <Button variant="default" onClick={() => setRecForm({ recommendation: null })}>
              {t('findingsUi.recommendation.add')}
            </Button>
          )}
        </Group>
        {recommendations.isSuccess && (recommendations.data ?? []).length === 0 && (
          <Text c="dimmed">{t('findingsUi.recommendation.empty')}</Text>
        )}
        {(recommendations.data ?? []).map((r) => (
          <RecommendationCard
            key={r.id}
            recommendation={r}
            findings={findingsById}
            answers={answers.data ?? []}
            people={peopleById}
            role={role}
            actions={
              canWrite && (
                <RowActions
                  name={r.title}
                  onEdit={() => setRecForm({ recommendation: r })}
                  onArchive={() => setArchiving(r)}
                />
              )
            }
          />
        ))}
      </Stack>

      <FindingForm
        auditId={audit.id}
        mode={form?.mode ?? null}
        start={form?.start ?? null}
        evidenceItems={evidence.items}
        onClose={() => {
          if (form?.mode === 'merge') setSelected([]);
          setForm(null);
        }}
      />
      <RecommendationForm
        auditId={audit.id}
        opened={recForm !== null}
        recommendation={recForm?.recommendation ?? null}
        findings={findingList}
        onClose={() => setRecForm(null)}
      />
      <ConfirmArchive
        name={archiving?.title ?? null}
        onCancel={() => setArchiving(null)}
        onConfirm={async () => {
          const r = archiving!;
          if ('findingIds' in r) await api.call('recommendations.archive', { id: r.id, rev: r.rev });
          else await api.call('findings.archive', { id: r.id, rev: r.rev });
          setArchiving(null);
          await refresh();
        }}
      />
    </Stack>
  );
}
