/**
 * The coordinator's landing screen: the programme at a glance — how much there is, what is in
 * progress, and what comes next (including the first steps of a new programme).
 */
import { Anchor, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAudits, useMeasures, usePeople, useServices, useSession } from '../api/hooks';
import { formatDate } from '../components/DataTable';
import { Count } from '../components/Count';
import { PageHeader } from '../components/PageHeader';
import { OverdueMark } from './plan/status';

const IN_PROGRESS = ['fieldwork', 'submitted', 'in_review'] as const;

export function OverviewScreen(): React.JSX.Element | null {
  const { t, i18n } = useTranslation();
  const programme = useSession().data?.programme;
  const services = useServices({});
  const people = usePeople({});
  const audits = useAudits();
  const measures = useMeasures();
  if (!programme) return null;

  const everyone = people.data ?? [];
  const auditors = everyone.filter((p) => p.role === 'auditor');
  const allAudits = audits.data ?? [];
  const inProgress = allAudits.filter((a) => (IN_PROGRESS as readonly string[]).includes(a.status));
  const planned = allAudits
    .filter((a) => a.status === 'planned')
    .sort((a, b) => (a.plannedStart ?? '9999').localeCompare(b.plannedStart ?? '9999'));
  const openMeasures = (measures.data ?? [])
    .filter((m) => m.status !== 'done' && m.status !== 'cancelled')
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  const loaded = services.isSuccess && people.isSuccess && audits.isSuccess;

  const next: React.ReactNode[] = [];
  if (loaded && (services.data ?? []).length === 0)
    next.push(
      <Anchor component={Link} to="/services">
        {t('overview.addServices')}
      </Anchor>,
    );
  if (loaded && auditors.length === 0)
    next.push(
      <Anchor component={Link} to="/people">
        {t('overview.addAuditors')}
      </Anchor>,
    );
  for (const a of planned.slice(0, 5))
    next.push(
      <Anchor component={Link} to={`/audits/${a.id}`}>
        {t('overview.plannedAudit', {
          title: a.title,
          date: formatDate(a.plannedStart, i18n.language) ?? t('overview.noDate'),
        })}
      </Anchor>,
    );
  for (const m of openMeasures.slice(0, 5))
    next.push(
      <Group gap="xs" data-testid="next-measure">
        <Anchor component={Link} to={`/plan/${m.id}`}>
          {t('overview.measureDue', {
            title: m.title,
            date: formatDate(m.dueDate, i18n.language) ?? t('overview.noDate'),
          })}
        </Anchor>
        <OverdueMark measure={m} />
      </Group>,
    );

  const period = [formatDate(programme.periodStart, i18n.language), formatDate(programme.periodEnd, i18n.language)]
    .filter(Boolean)
    .join(' – ');
  return (
    <>
      <PageHeader title={t('overview.title')} intro={[programme.city, period].filter(Boolean).join(' · ')} />
      <Stack gap="xl">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Count label={t('overview.services')} value={(services.data ?? []).length} testId="count-services" />
          <Count label={t('overview.people')} value={everyone.length} testId="count-people" />
          <Count label={t('overview.audits')} value={allAudits.length} testId="count-audits" />
          <Count label={t('overview.measures')} value={(measures.data ?? []).length} testId="count-measures" />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <section aria-labelledby="overview-in-progress">
            <Title order={2} size="h3" id="overview-in-progress" mb="sm">
              {t('overview.inProgress')}
            </Title>
            {inProgress.length === 0 ? (
              <Text c="dimmed">{t('overview.nothingInProgress')}</Text>
            ) : (
              <List spacing="xs">
                {inProgress.map((a) => (
                  <List.Item key={a.id}>
                    <Anchor component={Link} to={`/audits/${a.id}`}>
                      {a.title}
                    </Anchor>{' '}
                    — {t(`vocab.auditStatus.${a.status}`)}
                  </List.Item>
                ))}
              </List>
            )}
          </section>
          <section aria-labelledby="overview-next">
            <Title order={2} size="h3" id="overview-next" mb="sm">
              {t('overview.next')}
            </Title>
            {next.length === 0 ? (
              <Text c="dimmed">{t('overview.nothingNext')}</Text>
            ) : (
              <List spacing="xs">
                {next.map((item, i) => (
                  <List.Item key={i}>{item}</List.Item>
                ))}
              </List>
            )}
          </section>
        </SimpleGrid>
      </Stack>
    </>
  );
}
