/**
 * A manager's landing screen: the recommendations about the services they manage and whether
 * they have answered each (the core lists only their own services' records).
 */
import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { allPages, useAudits, useSession } from '../api/hooks';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';

export function ReviewsScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const me = useSession().data?.currentPerson;
  const recommendations = useQuery({
    queryKey: ['recommendations', 'all'],
    queryFn: () => allPages((offset) => api.call('recommendations.list', { offset })),
  });
  const answers = useQuery({
    queryKey: ['recommendations', 'answers', 'all'],
    queryFn: () => allPages((offset) => api.call('recommendations.answers', { offset })),
  });
  const audits = useAudits();
  const auditTitle = new Map((audits.data ?? []).map((a) => [a.id, a.title]));
  const myAnswer = new Map(
    (answers.data ?? []).filter((a) => a.managerId === me?.id).map((a) => [a.recommendationId, a]),
  );
  const rows = recommendations.data ?? [];
  return (
    <>
      <PageHeader title={t('reviews.title')} intro={t('reviews.intro')} />
      <DataTable
        label={t('reviews.title')}
        headers={[t('reviews.recommendation'), t('reviews.audit'), t('reviews.priority'), t('reviews.answer')]}
        empty={t('reviews.empty')}
        count={recommendations.isSuccess ? rows.length : 1}
      >
        {rows.map((r) => {
          const answer = myAnswer.get(r.id);
          return (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Text fw={500}>{r.title}</Text>
              </Table.Td>
              <Table.Td>{auditTitle.get(r.auditId) ?? t('common.none')}</Table.Td>
              <Table.Td>{t(`vocab.priority.${r.priority}`)}</Table.Td>
              <Table.Td>
                {answer ? (
                  <Text size="sm" fw={600} c="teal.9">
                    {t(`vocab.decision.${answer.decision}`)}
                  </Text>
                ) : (
                  <Text size="sm" fw={600} c="orange.9">
                    {t('reviews.notAnswered')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
    </>
  );
}
