/** An auditor's landing screen: the audits of their team, each leading to its page (`/audits/:id`). */
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAudits, useServices, useSession } from '../api/hooks';
import { DataTable, formatDate } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';

export function MyAuditsScreen(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const me = useSession().data?.currentPerson;
  const audits = useAudits();
  const services = useServices({});
  const serviceName = new Map((services.data ?? []).map((s) => [s.id, s.name]));
  const mine = (audits.data ?? []).filter((a) => me && a.teamIds.includes(me.id));
  return (
    <>
      <PageHeader title={t('myAudits.title')} intro={t('myAudits.intro')} />
      <DataTable
        label={t('myAudits.title')}
        headers={[t('myAudits.audit'), t('myAudits.service'), t('myAudits.status'), t('myAudits.planned')]}
        empty={t('myAudits.empty')}
        count={audits.isSuccess ? mine.length : 1}
      >
        {mine.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <Anchor component={Link} to={`/audits/${a.id}`} fw={500}>
                {a.title}
              </Anchor>
              {a.leadId === me?.id && (
                <Text span size="sm" c="dimmed" ml="xs">
                  ({t('myAudits.lead')})
                </Text>
              )}
            </Table.Td>
            <Table.Td>{serviceName.get(a.serviceId) ?? t('common.none')}</Table.Td>
            <Table.Td>{t(`vocab.auditStatus.${a.status}`)}</Table.Td>
            <Table.Td>
              {[formatDate(a.plannedStart, i18n.language), formatDate(a.plannedEnd, i18n.language)]
                .filter(Boolean)
                .join(' – ') || t('common.none')}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </>
  );
}
