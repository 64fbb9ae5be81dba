/**
 * The coordinator's list of accepted (and partly accepted) recommendations that no measure
 * carries out yet, each with "Create measure": the measure form opens prefilled from the
 * recommendation and the manager's committed measure, linked to the recommendation.
 */
import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAudits, useServices } from '../../api/hooks';
import { useUnplannedRecommendations } from '../../api/planHooks';
import { DataTable } from '../../components/DataTable';
import { measureFromRecommendation, type MeasureEditing } from './MeasureForm';

export function UnplannedList({ onCreate }: { onCreate: (editing: MeasureEditing) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const unplanned = useUnplannedRecommendations(true);
  const audits = useAudits();
  const services = useServices({});
  const auditById = new Map((audits.data ?? []).map((a) => [a.id, a]));
  const serviceById = new Map((services.data ?? []).map((s) => [s.id, s]));
  const rows = unplanned.data ?? [];

  return (
    <Stack gap="sm" component="section" aria-labelledby="unplanned-title">
      <Title order={2} size="h3" id="unplanned-title">
        {t('plan.unplanned.title')}
      </Title>
      <Text c="dimmed">{t('plan.unplanned.intro')}</Text>
      <DataTable
        label={t('plan.unplanned.table')}
        headers={[
          t('plan.unplanned.recommendation'),
          t('plan.unplanned.audit'),
          t('plan.unplanned.answer'),
          t('common.actions'),
        ]}
        empty={t('plan.unplanned.empty')}
        count={unplanned.isSuccess ? rows.length : 1}
      >
        {rows.map(({ recommendation: r, answer }) => {
          const audit = auditById.get(r.auditId);
          return (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Text fw={500}>{r.title}</Text>
              </Table.Td>
              <Table.Td>{audit?.title ?? t('common.none')}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {t(`vocab.decision.${answer.decision}`)}
                </Text>
                {answer.committedMeasure && (
                  <Text size="sm">{t('plan.unplanned.committed', { text: answer.committedMeasure })}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  aria-label={t('plan.unplanned.createFor', { title: r.title })}
                  onClick={() =>
                    onCreate({
                      mode: 'create',
                      values: measureFromRecommendation(
                        r,
                        answer,
                        audit ? serviceById.get(audit.serviceId) : undefined,
                      ),
                      recommendations: [r.title],
                    })
                  }
                >
                  {t('plan.unplanned.create')}
                </Button>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
    </Stack>
  );
}
