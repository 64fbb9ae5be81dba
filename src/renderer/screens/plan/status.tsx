/**
 * How a measure's status reads wherever a measure appears (plan, measure page, trace): the
 * status in words, its reason when delayed or cancelled, and — by the one overdue rule of
 * src/shared/domain/actionPlan.ts — an overdue mark made of an icon and words, never colour alone.
 */
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { daysOverdue, isOverdue, type Measure } from '../../../shared/domain/actionPlan';
import { formatDate } from '../../components/DataTable';

/** Today in the computer's own calendar, as an ISO date (`2026-03-31`). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A warning triangle; its meaning is always in the words beside it. */
function WarningIcon(): React.JSX.Element {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" style={{ flexShrink: 0 }}>
      <path d="M8 1.5 15 14.5H1z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
      <path d="M8 6v4" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      <circle cx="8" cy="12.2" r="0.9" fill="currentColor" />
    </svg>
  );
}

/** "⚠ Overdue since 31 Dec 2025 · 90 days past the due date", or nothing when not overdue. */
export function OverdueMark({
  measure,
  withDays = false,
}: {
  measure: Pick<Measure, 'dueDate' | 'status'>;
  withDays?: boolean;
}): React.JSX.Element | null {
  const { t, i18n } = useTranslation();
  const now = today();
  if (!isOverdue(measure, now)) return null;
  return (
    <Group gap={4} wrap="nowrap" c="red.9" data-testid="overdue">
      <WarningIcon />
      <Text size="sm" fw={700} c="red.9">
        {t('plan.overdue', { date: formatDate(measure.dueDate, i18n.language) })}
        {withDays && ` · ${t('plan.overdueDays', { days: daysOverdue(measure, now) })}`}
      </Text>
    </Group>
  );
}

/** The status in words, the reason of a delayed or cancelled measure, and the overdue mark. */
export function MeasureStatus({
  measure,
  withDays = false,
}: {
  measure: Pick<Measure, 'dueDate' | 'status' | 'statusReason'>;
  withDays?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {t(`vocab.measureStatus.${measure.status}`)}
      </Text>
      {measure.statusReason && (
        <Text size="sm" c="dimmed">
          {t('plan.reason', { reason: measure.statusReason })}
        </Text>
      )}
      <OverdueMark measure={measure} withDays={withDays} />
    </Stack>
  );
}
