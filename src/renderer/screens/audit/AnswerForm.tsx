/**
 * The manager's answer to one recommendation: accepted, partly accepted or rejected, the
 * justification (the core refuses a missing one unless the answer accepts; its message is shown
 * on the field, in the interface language), the measure committed to and the date by which.
 * Given once (`rev: null`), changed afterwards at the answer's revision. A page form: unsaved
 * text is guarded by the navigation.
 */
import { Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnswerRecommendation, type ManagementResponse, type Recommendation } from '../../../shared/domain/findings';
import { DECISIONS } from '../../../shared/domain/vocabulary';
import { api } from '../../api/client';
import { useUnsavedChanges } from '../../app/unsaved';
import { DateField } from '../../components/DateField';
import { ServerError } from '../../components/ServerError';
import { useForm } from '../../components/useForm';
import { REVIEW_KEYS } from './findingsData';

type Values = { decision: string; justification: string; committedMeasure: string; committedBy: string };

export function AnswerForm({
  recommendation,
  answer,
}: {
  recommendation: Recommendation;
  /** The current person's live answer, if they gave one. */
  answer: ManagementResponse | null;
}): React.JSX.Element {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const headingId = useId();
  const form = useForm<Values>({
    decision: answer?.decision ?? '',
    justification: answer?.justification ?? '',
    committedMeasure: answer?.committedMeasure ?? '',
    committedBy: answer?.committedBy ?? '',
  });
  const [saved, setSaved] = useState(false);
  useUnsavedChanges(form.dirty);

  const save = async () => {
    setSaved(false);
    const v = form.values;
    const ok = await form.submit(
      AnswerRecommendation,
      {
        recommendationId: recommendation.id,
        decision: v.decision as (typeof DECISIONS)[number],
        justification: v.justification,
        committedMeasure: v.committedMeasure,
        committedBy: v.committedBy === '' ? null : v.committedBy,
        rev: answer?.rev ?? null,
      },
      async (i) => {
        await api.call('recommendations.answer', i);
        await Promise.all(REVIEW_KEYS.map((k) => qc.invalidateQueries({ queryKey: [k] })));
      },
    );
    if (ok) {
      form.markClean();
      setSaved(true);
    }
  };

  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0" component="section" aria-labelledby={headingId}>
      <form
        ref={form.formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <Title order={5} size="h6" id={headingId}>
            {t('findingsUi.answer.title')}
          </Title>
          <Radio.Group
            label={t('findingsUi.answer.decision')}
            required
            value={form.values.decision}
            onChange={(v) => form.set('decision', v)}
            error={form.errors.decision}
          >
            <Group gap="md" mt={4}>
              {DECISIONS.map((d) => (
                <Radio key={d} value={d} label={t(`vocab.decision.${d}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={t('findingsUi.answer.justification')}
            autosize
            minRows={2}
            {...form.text('justification', { hint: t('findingsUi.answer.justificationHint') })}
          />
          <Textarea
            label={t('findingsUi.answer.committedMeasure')}
            autosize
            minRows={2}
            {...form.text('committedMeasure')}
          />
          <DateField
            label={t('findingsUi.answer.committedBy')}
            value={form.values.committedBy}
            onChange={(v) => form.set('committedBy', v)}
            error={form.errors.committedBy}
          />
          <ServerError message={form.errors.justification ? null : form.serverError} />
          <Group justify="flex-end" gap="sm">
            {saved && !form.dirty && (
              <Text size="sm" c="teal.9" role="status">
                {t('findingsUi.answer.saved')}
              </Text>
            )}
            <Button type="submit" loading={form.submitting}>
              {t('findingsUi.answer.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
