/**
 * A measure's progress updates, oldest first, and the form that records one (date, status,
 * indicator value, comment). The measure's status is its latest update's; a delayed or cancelled
 * status needs a reason (the comment), refused otherwise with a message next to the field.
 */
import { Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordProgress, type Measure, type ProgressUpdate } from '../../../shared/domain/actionPlan';
import { MEASURE_STATUSES } from '../../../shared/domain/vocabulary';
import { api } from '../../api/client';
import { useApiMutation, useSession } from '../../api/hooks';
import { ConfirmArchive } from '../../components/ConfirmArchive';
import { useProgress } from '../../api/planHooks';
import { DataTable, formatDate } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/FormModal';
import { LIMITS, useForm } from '../../components/useForm';
import { numberOrNull } from './MeasureForm';
import { today } from './status';

type ProgressValues = { date: string; status: string; indicatorValue: string; note: string };

const withUnit = (n: number | null, unit: string): string | null =>
  n === null ? null : unit ? `${n} ${unit}` : String(n);

export function ProgressSection({ measure, canRecord }: { measure: Measure; canRecord: boolean }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const progress = useProgress(measure.id);
  const [open, setOpen] = useState(false);
  const form = useForm<ProgressValues>({ date: today(), status: 'in_progress', indicatorValue: '', note: '' });
  const record = useApiMutation('measures.recordProgress', ['measures', 'trace']);
  const rows = progress.data ?? [];
  const me = useSession().data?.currentPerson ?? null;
  const qc = useQueryClient();
  const [withdrawing, setWithdrawing] = useState<ProgressUpdate | null>(null);
  // Who recorded an update withdraws it, or a coordinator (measures.withdrawProgress).
  const mayWithdraw = (p: ProgressUpdate) => me !== null && (me.role === 'coordinator' || p.createdBy === me.id);
  const withActions = rows.some(mayWithdraw);

  const start = () => {
    form.reset({
      date: today(),
      status: measure.status === 'not_started' ? 'in_progress' : measure.status,
      indicatorValue: '',
      note: '',
    });
    setOpen(true);
  };
  const save = async () => {
    const input = {
      measureId: measure.id,
      date: form.values.date,
      status: form.values.status as Measure['status'],
      indicatorValue: numberOrNull(form.values.indicatorValue) as number | null,
      note: form.values.note,
    };
    if (await form.submit(RecordProgress, input, (i) => record.mutateAsync(i))) setOpen(false);
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="progress-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="progress-title">
          {t('plan.progress.title')}
        </Title>
        {canRecord && <Button onClick={start}>{t('plan.progress.record')}</Button>}
      </Group>
      <DataTable
        label={t('plan.progress.table')}
        headers={[
          t('plan.progress.date'),
          t('plan.progress.status'),
          t('plan.progress.indicatorValue'),
          t('plan.progress.note'),
          ...(withActions ? [t('plan.progress.actions')] : []),
        ]}
        empty={t('plan.progress.empty')}
        count={progress.isSuccess ? rows.length : 1}
      >
        {rows.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>{formatDate(p.date, i18n.language)}</Table.Td>
            <Table.Td>{t(`vocab.measureStatus.${p.status}`)}</Table.Td>
            <Table.Td>{withUnit(p.indicatorValue, measure.indicatorUnit) ?? t('common.none')}</Table.Td>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {p.note || t('common.none')}
              </Text>
            </Table.Td>
            {withActions && (
              <Table.Td>
                {mayWithdraw(p) && (
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('plan.progress.withdrawOf', { date: formatDate(p.date, i18n.language) })}
                    onClick={() => setWithdrawing(p)}
                  >
                    {t('plan.progress.withdraw')}
                  </Button>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </DataTable>
      <ConfirmArchive
        name={
          withdrawing
            ? `${formatDate(withdrawing.date, i18n.language)} · ${t(`vocab.measureStatus.${withdrawing.status}`)}`
            : null
        }
        onCancel={() => setWithdrawing(null)}
        onConfirm={async () => {
          if (!withdrawing) return;
          await api.call('measures.withdrawProgress', { id: withdrawing.id, rev: withdrawing.rev });
          await Promise.all(['measures', 'trace'].map((k) => qc.invalidateQueries({ queryKey: [k] })));
          setWithdrawing(null);
        }}
      />
      <FormModal
        opened={open}
        title={t('plan.progress.recordTitle', { title: measure.title })}
        onClose={() => setOpen(false)}
        onSubmit={() => void save()}
        submitting={form.submitting}
        serverError={form.serverError}
        formRef={form.formRef}
        dirty={form.dirty}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField
              label={t('plan.progress.date')}
              value={form.values.date}
              onChange={(v) => form.set('date', v)}
              error={form.errors.date}
            />
            <NativeSelect
              label={t('plan.progress.status')}
              data={MEASURE_STATUSES.map((s) => ({ value: s, label: t(`vocab.measureStatus.${s}`) }))}
              value={form.values.status}
              onChange={(e) => form.set('status', e.currentTarget.value)}
              error={form.errors.status}
            />
            <TextInput
              label={
                measure.indicatorUnit
                  ? `${t('plan.progress.indicatorValue')} (${measure.indicatorUnit})`
                  : t('plan.progress.indicatorValue')
              }
              inputMode="decimal"
              {...form.text('indicatorValue')}
            />
          </SimpleGrid>
          <Textarea
            label={t('plan.progress.note')}
            autosize
            minRows={2}
            inputWrapperOrder={['label', 'description', 'input', 'error']}
            {...form.text('note', { max: LIMITS.text, hint: t('plan.progress.noteHint') })}
          />
        </Stack>
      </FormModal>
    </Stack>
  );
}
