/**
 * The form of a Measure, in a modal: created from scratch, from an accepted recommendation
 * (prefilled from it and from the manager's committed measure), or edited. Its status is not
 * here: it changes by recording progress. Typed text stays until the core accepts it.
 */
import { NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { MeasureCreate, MeasureUpdate, type Measure } from '../../../shared/domain/actionPlan';
import type { ManagementResponse, Recommendation } from '../../../shared/domain/findings';
import type { Person, Service } from '../../../shared/domain/programme';
import { ACTION_AREAS, type ActionArea } from '../../../shared/domain/vocabulary';
import { useApiMutation, usePeople } from '../../api/hooks';
import { useAreaNames } from '../../api/planHooks';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/FormModal';
import { dateOrNull, LIMITS, useForm, type FormState } from '../../components/useForm';

export type MeasureValues = {
  title: string;
  description: string;
  actionArea: string;
  department: string;
  responsibleId: string;
  startDate: string;
  dueDate: string;
  indicator: string;
  indicatorUnit: string;
  baseline: string;
  target: string;
  budget: string;
  /** The linked recommendations' ids, comma-separated (not edited in the form). */
  recommendationIds: string;
};

const num = (n: number | null): string => (n === null ? '' : String(n));

export const emptyMeasure = (): MeasureValues => ({
  title: '',
  description: '',
  actionArea: ACTION_AREAS[0],
  department: '',
  responsibleId: '',
  startDate: '',
  dueDate: '',
  indicator: '',
  indicatorUnit: '',
  baseline: '',
  target: '',
  budget: '',
  recommendationIds: '',
});

export const measureValues = (m: Measure): MeasureValues => ({
  title: m.title,
  description: m.description,
  actionArea: m.actionArea,
  department: m.department,
  responsibleId: m.responsibleId ?? '',
  startDate: m.startDate ?? '',
  dueDate: m.dueDate ?? '',
  indicator: m.indicator,
  indicatorUnit: m.indicatorUnit,
  baseline: num(m.baseline),
  target: num(m.target),
  budget: num(m.budget),
  recommendationIds: m.recommendationIds.join(','),
});

/**
 * A new measure for an accepted recommendation: titled by the manager's committed measure (or
 * the recommendation), owned by the audited service's department and manager.
 */
export function measureFromRecommendation(
  r: Recommendation,
  answer: ManagementResponse,
  service: Service | undefined,
): MeasureValues {
  const committed = answer.committedMeasure.trim();
  const firstLine = committed.split('\n')[0]!.trim();
  return {
    ...emptyMeasure(),
    title: (firstLine || r.title).slice(0, LIMITS.name),
    description: [committed, r.text.trim()].filter(Boolean).join('\n\n'),
    department: service?.department ?? '',
    responsibleId: service?.managerId ?? '',
    recommendationIds: r.id,
  };
}

/** A number typed with a point or a comma; '' → null; anything else stays text for the schema to refuse. */
export function numberOrNull(s: string): number | string | null {
  const v = s.trim().replace(',', '.');
  if (v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : s;
}

/** The fields as the channels take them. */
export const measureInput = (v: MeasureValues) => ({
  title: v.title,
  description: v.description,
  actionArea: v.actionArea as ActionArea,
  department: v.department,
  responsibleId: v.responsibleId === '' ? null : v.responsibleId,
  startDate: dateOrNull(v.startDate),
  dueDate: dateOrNull(v.dueDate),
  indicator: v.indicator,
  indicatorUnit: v.indicatorUnit,
  baseline: numberOrNull(v.baseline) as number | null,
  target: numberOrNull(v.target) as number | null,
  budget: numberOrNull(v.budget) as number | null,
  recommendationIds: v.recommendationIds ? v.recommendationIds.split(',') : [],
});

function MeasureFields({
  form,
  people,
  recommendations,
}: {
  form: FormState<MeasureValues>;
  people: readonly Person[];
  recommendations: readonly string[];
}): React.JSX.Element {
  const { t } = useTranslation();
  const areas = useAreaNames();
  const responsible = [
    { value: '', label: t('plan.fields.noResponsible') },
    ...people.map((p) => ({ value: p.id, label: `${p.displayName} (${p.code})` })),
  ];
  return (
    <Stack gap="sm">
      {recommendations.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {t('plan.fields.recommendations')}
          </Text>
          {recommendations.map((r) => (
            <Text size="sm" key={r}>
              {r}
            </Text>
          ))}
        </Stack>
      )}
      <TextInput label={t('plan.fields.title')} required {...form.text('title', { max: LIMITS.name })} data-autofocus />
      <Textarea
        label={t('plan.fields.description')}
        autosize
        minRows={2}
        {...form.text('description', { max: LIMITS.text })}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('plan.fields.actionArea')}
          data={areas.list.map((a) => ({ value: a.area, label: a.name }))}
          value={form.values.actionArea}
          onChange={(e) => form.set('actionArea', e.currentTarget.value)}
          error={form.errors.actionArea}
        />
        <TextInput label={t('plan.fields.department')} {...form.text('department', { max: LIMITS.short })} />
        <NativeSelect
          label={t('plan.fields.responsible')}
          data={responsible}
          value={form.values.responsibleId}
          onChange={(e) => form.set('responsibleId', e.currentTarget.value)}
          error={form.errors.responsibleId}
        />
        <TextInput label={t('plan.fields.budget')} inputMode="decimal" {...form.text('budget')} />
        <DateField
          label={t('plan.fields.startDate')}
          value={form.values.startDate}
          onChange={(v) => form.set('startDate', v)}
          error={form.errors.startDate}
        />
        <DateField
          label={t('plan.fields.dueDate')}
          value={form.values.dueDate}
          onChange={(v) => form.set('dueDate', v)}
          error={form.errors.dueDate}
        />
      </SimpleGrid>
      <Textarea label={t('plan.fields.indicator')} autosize minRows={1} {...form.text('indicator', { max: 1000 })} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('plan.fields.indicatorUnit')}
          {...form.text('indicatorUnit', { max: 50, hint: t('plan.fields.indicatorUnitHint') })}
        />
        <TextInput label={t('plan.fields.baseline')} inputMode="decimal" {...form.text('baseline')} />
        <TextInput label={t('plan.fields.target')} inputMode="decimal" {...form.text('target')} />
      </SimpleGrid>
    </Stack>
  );
}

export type MeasureEditing =
  | { mode: 'create'; values: MeasureValues; recommendations: readonly string[] }
  | { mode: 'edit'; measure: Measure; recommendations: readonly string[] };

/** The modal that creates or edits a measure; `onSaved` gets the stored measure. */
export function MeasureModal({
  editing,
  onClose,
  onSaved,
}: {
  editing: MeasureEditing | null;
  onClose: () => void;
  onSaved?: (m: Measure) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const people = usePeople({});
  const form = useForm(emptyMeasure());
  const create = useApiMutation('measures.create', ['measures', 'trace']);
  const update = useApiMutation('measures.update', ['measures', 'trace']);
  const { reset } = form;
  useEffect(() => {
    if (editing) reset(editing.mode === 'edit' ? measureValues(editing.measure) : editing.values);
  }, [editing, reset]);

  const save = async () => {
    if (!editing) return;
    const fields = measureInput(form.values);
    let saved: Measure | null = null;
    const keep = (m: Measure) => {
      saved = m;
    };
    const ok =
      editing.mode === 'create'
        ? await form.submit(MeasureCreate, fields, async (input) => keep(await create.mutateAsync(input)))
        : await form.submit(
            MeasureUpdate,
            { id: editing.measure.id, rev: editing.measure.rev, ...fields },
            async (input) => keep(await update.mutateAsync(input)),
          );
    if (ok && saved) onSaved?.(saved);
    if (ok) onClose();
  };

  return (
    <FormModal
      opened={editing !== null}
      title={editing?.mode === 'edit' ? t('common.editOf', { name: editing.measure.title }) : t('plan.createTitle')}
      onClose={onClose}
      onSubmit={() => void save()}
      submitting={form.submitting}
      serverError={form.serverError}
      formRef={form.formRef}
      dirty={form.dirty}
    >
      <MeasureFields form={form} people={people.data ?? []} recommendations={editing?.recommendations ?? []} />
    </FormModal>
  );
}
