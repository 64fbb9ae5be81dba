/**
 * The team's agreement: percent agreement and kappa (Cohen's for two raters, Fleiss' for more,
 * plus each pair's Cohen's kappa); a table of each auditor's answer per criterion with the
 * disagreements marked; the consolidated result of each criterion, which the lead sets with a
 * note (`audits.consolidate`).
 */
import {
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audit, ConsolidatedResult, Response } from '../../../shared/domain/audit';
import type { Person } from '../../../shared/domain/programme';
import type { Criterion } from '../../../shared/domain/template';
import { RATINGS, type Rating } from '../../../shared/domain/vocabulary';
import { ApiCallError, api } from '../../api/client';
import { usePeople } from '../../api/hooks';
import { useAgreement, useAnswers, useChecklist, useConsolidated } from '../../api/fieldworkHooks';
import { FormModal } from '../../components/FormModal';
import { localized } from './text';

const pct = (x: number | null, language: string) =>
  x === null ? '—' : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(x);
const kappaText = (x: number | null, language: string) =>
  x === null ? '—' : new Intl.NumberFormat(language, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(x);

export function AgreementTab({ audit, me }: { audit: Audit; me: Person }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const agreement = useAgreement(audit.id);
  const answers = useAnswers(audit.id);
  const consolidated = useConsolidated(audit.id);
  const checklist = useChecklist(audit.templateVersionId);
  const people = usePeople({});
  const qc = useQueryClient();
  const [onlyDisagreements, setOnlyDisagreements] = useState(true);
  const [deciding, setDeciding] = useState<Criterion | null>(null);
  const [rating, setRating] = useState('');
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const byId = new Map((people.data ?? []).map((p) => [p.id, p]));
  const canDecide =
    (me.id === audit.leadId || me.role === 'coordinator') && audit.status !== 'closed' && audit.status !== 'planned';

  if (!agreement.data || !answers.data || !consolidated.data || !checklist.data) {
    return <Text c="dimmed">{t('app.loading')}</Text>;
  }
  const a = agreement.data;
  const raters = a.raters.length ? a.raters : audit.teamIds;
  const code = (id: string) => byId.get(id)?.code ?? id.slice(0, 8);
  const disagreeing = new Set(a.disagreements.map((d) => d.criterionId));
  const answersOf = new Map<string, Map<string, Response>>();
  for (const r of answers.data) {
    const m = answersOf.get(r.criterionId) ?? new Map<string, Response>();
    m.set(r.auditorId, r);
    answersOf.set(r.criterionId, m);
  }
  const resultOf = new Map<string, ConsolidatedResult>(consolidated.data.map((c) => [c.criterionId, c]));
  const criteria = checklist.data.sections
    .flatMap((s) => s.criteria)
    .filter((c) => (onlyDisagreements ? disagreeing.has(c.id) : answersOf.has(c.id)));
  const answerText = (c: Criterion, r: { rating: Rating | null; value: number | string | null } | undefined) => {
    if (!r) return t('common.none');
    if (r.rating) return t(`vocab.rating.${r.rating}`);
    if (r.value === null) return t('common.none');
    if (c.responseType === 'choice' && typeof r.value === 'number') return localized(c.choices[r.value], i18n.language);
    return String(r.value);
  };

  const open = (c: Criterion) => {
    const existing = resultOf.get(c.id);
    setRating(existing?.rating ?? '');
    setNote(existing?.note ?? '');
    setError(null);
    setDeciding(c);
  };
  const decide = async () => {
    if (!deciding) return;
    setSaving(true);
    setError(null);
    try {
      const existing = resultOf.get(deciding.id);
      await api.call('audits.consolidate', {
        auditId: audit.id,
        criterionId: deciding.id,
        rating: (rating || null) as Rating | null,
        note,
        rev: existing?.rev ?? null,
      });
      await qc.invalidateQueries({ queryKey: ['consolidated', audit.id] });
      setDeciding(null);
    } catch (e) {
      setError(e instanceof ApiCallError ? e.messageIn(i18n.language === 'es' ? 'es' : 'en') : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Paper withBorder p="sm" radius="md">
          <Text size="sm" c="dimmed">
            {t('fieldwork.agreement.percent')}
          </Text>
          <Text fw={700} size="xl" data-testid="percent-agreement">
            {pct(a.agreement, i18n.language)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('fieldwork.agreement.of', { agreeing: a.agreeing, comparable: a.comparable })}
          </Text>
        </Paper>
        <Paper withBorder p="sm" radius="md">
          <Text size="sm" c="dimmed">
            {a.kappaMethod ? t(`fieldwork.agreement.${a.kappaMethod}`) : t('fieldwork.agreement.kappa')}
          </Text>
          <Text fw={700} size="xl" data-testid="kappa">
            {kappaText(a.kappa, i18n.language)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('fieldwork.agreement.subjects', { count: a.kappaSubjects, raters: raters.length })}
          </Text>
        </Paper>
        <Paper withBorder p="sm" radius="md">
          <Text size="sm" c="dimmed">
            {t('fieldwork.agreement.disagreements')}
          </Text>
          <Text fw={700} size="xl" data-testid="disagreement-count">
            {a.disagreements.length}
          </Text>
        </Paper>
      </SimpleGrid>
      {a.pairs.length > 1 && (
        <Table aria-label={t('fieldwork.agreement.pairs')} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('fieldwork.agreement.pair')}</Table.Th>
              <Table.Th scope="col">{t('fieldwork.agreement.bothRated')}</Table.Th>
              <Table.Th scope="col">{t('fieldwork.agreement.percent')}</Table.Th>
              <Table.Th scope="col">{t('fieldwork.agreement.cohen')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {a.pairs.map((p) => (
              <Table.Tr key={p.auditorIds.join()}>
                <Table.Td>{p.auditorIds.map(code).join(' – ')}</Table.Td>
                <Table.Td>{p.subjects}</Table.Td>
                <Table.Td>{pct(p.agreement, i18n.language)}</Table.Td>
                <Table.Td>{kappaText(p.kappa, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('fieldwork.agreement.byCriterion')}
        </Title>
        <Checkbox
          label={t('fieldwork.agreement.onlyDisagreements')}
          checked={onlyDisagreements}
          onChange={(e) => setOnlyDisagreements(e.currentTarget.checked)}
        />
      </Group>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('fieldwork.agreement.byCriterion')} verticalSpacing="sm" data-testid="agreement-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fieldwork.agreement.criterion')}</Table.Th>
                {raters.map((id) => (
                  <Table.Th scope="col" key={id}>
                    {code(id)}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('fieldwork.agreement.result')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {criteria.map((c) => {
                const result = resultOf.get(c.id);
                const text = localized(c.text, i18n.language);
                return (
                  <Table.Tr key={c.id} data-disagreement={disagreeing.has(c.id) || undefined}>
                    <Table.Th scope="row" fw={500}>
                      {text}
                      {disagreeing.has(c.id) && (
                        <Badge color="red" variant="light" size="sm" ml="xs">
                          {t('fieldwork.agreement.disagreement')}
                        </Badge>
                      )}
                    </Table.Th>
                    {raters.map((id) => (
                      <Table.Td key={id}>{answerText(c, answersOf.get(c.id)?.get(id))}</Table.Td>
                    ))}
                    <Table.Td>
                      <Stack gap={4}>
                        <Text size="sm" fw={result ? 600 : undefined} data-testid="consolidated">
                          {result ? answerText(c, result) : t('fieldwork.agreement.noResult')}
                        </Text>
                        {result?.note && (
                          <Text size="xs" c="dimmed">
                            {result.note}
                          </Text>
                        )}
                        {canDecide && (
                          <Button
                            size="xs"
                            variant="default"
                            w="fit-content"
                            onClick={() => open(c)}
                            aria-label={t('fieldwork.agreement.setResultFor', { criterion: text })}
                          >
                            {t('fieldwork.agreement.setResult')}
                          </Button>
                        )}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {criteria.length === 0 && (
          <Text c="dimmed" ta="center" p="lg">
            {t('fieldwork.agreement.none')}
          </Text>
        )}
      </Paper>
      <FormModal
        opened={deciding !== null}
        title={deciding ? localized(deciding.text, i18n.language) : ''}
        onClose={() => setDeciding(null)}
        onSubmit={() => void decide()}
        submitting={saving}
        serverError={error}
        formRef={{ current: null }}
      >
        <NativeSelect
          label={t('fieldwork.agreement.result')}
          value={rating}
          onChange={(e) => setRating(e.currentTarget.value)}
          data={[
            { value: '', label: t('common.none') },
            ...RATINGS.map((r) => ({ value: r, label: t(`vocab.rating.${r}`) })),
          ]}
          data-autofocus
        />
        <Textarea
          label={t('fieldwork.agreement.note')}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
      </FormModal>
    </Stack>
  );
}
