/**
 * The recommendation form: title, text, priority, the service or department it is addressed to
 * ('' = the audited service) and the findings of the audit it answers (one, several, or across
 * findings).
 */
import { Checkbox, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RecommendationCreate,
  RecommendationUpdate,
  type Finding,
  type Recommendation,
} from '../../../shared/domain/findings';
import { PRIORITIES } from '../../../shared/domain/vocabulary';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { LIMITS, useForm } from '../../components/useForm';
import { REVIEW_KEYS } from './findingsData';

type Values = { title: string; text: string; priority: string; addressedTo: string };

export function RecommendationForm({
  auditId,
  opened,
  recommendation,
  findings,
  onClose,
}: {
  auditId: string;
  opened: boolean;
  /** The recommendation to change, or null for a new one. */
  recommendation: Recommendation | null;
  findings: readonly Finding[];
  onClose: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const start = (): Values => ({
    title: recommendation?.title ?? '',
    text: recommendation?.text ?? '',
    priority: recommendation?.priority ?? 'medium',
    addressedTo: recommendation?.addressedTo ?? '',
  });
  const form = useForm<Values>(start());
  const [findingIds, setFindingIds] = useState<string[]>([]);
  const { reset } = form;

  useEffect(() => {
    if (!opened) return;
    reset({
      title: recommendation?.title ?? '',
      text: recommendation?.text ?? '',
      priority: recommendation?.priority ?? 'medium',
      addressedTo: recommendation?.addressedTo ?? '',
    });
    setFindingIds([...(recommendation?.findingIds ?? [])]);
  }, [opened, recommendation, reset]);

  const dirty = form.dirty || findingIds.join(',') !== (recommendation?.findingIds ?? []).join(',');

  const save = async () => {
    const v = form.values;
    const fields = {
      title: v.title,
      text: v.text,
      priority: v.priority as (typeof PRIORITIES)[number],
      addressedTo: v.addressedTo,
      findingIds,
    };
    const done = async () => {
      await Promise.all(REVIEW_KEYS.map((k) => qc.invalidateQueries({ queryKey: [k] })));
      onClose();
    };
    if (recommendation) {
      await form.submit(
        RecommendationUpdate,
        { id: recommendation.id, rev: recommendation.rev, ...fields },
        async (i) => {
          await api.call('recommendations.update', i);
          await done();
        },
      );
    } else {
      await form.submit(RecommendationCreate, { auditId, ...fields }, async (i) => {
        await api.call('recommendations.create', i);
        await done();
      });
    }
  };

  return (
    <FormModal
      opened={opened}
      title={recommendation ? t('findingsUi.recommendation.editTitle') : t('findingsUi.recommendation.newTitle')}
      onClose={onClose}
      onSubmit={() => void save()}
      submitting={form.submitting}
      serverError={form.serverError}
      formRef={form.formRef}
      dirty={dirty}
    >
      <Stack gap="sm">
        <TextInput
          label={t('findingsUi.recommendation.name')}
          required
          data-autofocus
          {...form.text('title', { max: LIMITS.name })}
        />
        <Textarea label={t('findingsUi.recommendation.text')} autosize minRows={3} {...form.text('text')} />
        <NativeSelect
          label={t('findingsUi.recommendation.priority')}
          value={form.values.priority}
          onChange={(e) => form.set('priority', e.currentTarget.value)}
          data={PRIORITIES.map((p) => ({ value: p, label: t(`vocab.priority.${p}`) }))}
        />
        <TextInput
          label={t('findingsUi.recommendation.addressedTo')}
          {...form.text('addressedTo', { max: LIMITS.name, hint: t('findingsUi.recommendation.addressedToHint') })}
        />
        <Checkbox.Group
          label={t('findingsUi.recommendation.findings')}
          required
          value={findingIds}
          onChange={setFindingIds}
          error={form.errors.findingIds ? t('findingsUi.recommendation.findingsRequired') : undefined}
        >
          <Stack gap={6} mt={4}>
            {findings.map((f) => (
              <Checkbox key={f.id} value={f.id} label={f.title} />
            ))}
          </Stack>
        </Checkbox.Group>
      </Stack>
    </FormModal>
  );
}
