/**
 * One audit's page (`/audits/:id`): its status with the moves that fit it (as buttons), and the
 * tabs Overview, Checklist, Observations, Situation tests, Agreement and Findings. The open tab is
 * kept in the address (`?tab=checklist`), so a reload comes back to it. A tab shows only for the
 * roles that may read what it shows (docs/roles.md): Findings for the coordinator and the
 * service's manager, the fieldwork tabs for the team and the coordinator.
 */
import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { AUDIT_STEPS, stepsFrom, type AuditStep } from '../../shared/domain/vocabulary';
import { ApiCallError, api } from '../api/client';
import { useSession } from '../api/hooks';
import { useAudit } from '../api/fieldworkHooks';
import { useQueryClient } from '@tanstack/react-query';
import { statusColor } from './AuditsScreen';
import { AgreementTab } from './audit/AgreementTab';
import { ChecklistTab } from './audit/ChecklistTab';
import { ObservationsTab } from './audit/ObservationsTab';
import { OverviewTab } from './audit/OverviewTab';
import { SituationTestsTab } from './audit/SituationTestsTab';
import { FindingsTab } from './audit/FindingsTab';
import { mayCall, type Role } from '../../shared/api/roles';
import type { Channel } from '../../shared/api/contract';

const TABS = ['overview', 'checklist', 'observations', 'tests', 'agreement', 'findings'] as const;
type Tab = (typeof TABS)[number];
/** What a role must be able to read for a tab to show. */
const TAB_READS: Partial<Record<Tab, Channel>> = {
  checklist: 'audits.answers',
  observations: 'observations.list',
  tests: 'situationTests.list',
  agreement: 'audits.agreement',
  findings: 'findings.list',
};
const tabsFor = (role: Role | null): Tab[] =>
  TABS.filter((x) => {
    const needs = TAB_READS[x];
    return !needs || mayCall(needs, role);
  });

export function AuditScreen(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const audit = useAudit(id);
  const session = useSession().data;
  const qc = useQueryClient();
  const [moving, setMoving] = useState<AuditStep | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tabs = tabsFor(session?.currentPerson?.role ?? null);
  const tab: Tab = (tabs as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'overview';

  if (audit.isError) {
    return (
      <Alert color="red" title={t('fieldwork.audit.notFound')} role="alert">
        <Anchor component={Link} to="/audits">
          {t('fieldwork.audit.backToList')}
        </Anchor>
      </Alert>
    );
  }
  if (!audit.data || !session?.currentPerson) return <Loader aria-label={t('app.loading')} />;
  const a = audit.data;

  const move = async (step: AuditStep) => {
    setError(null);
    setMoving(step);
    try {
      await api.call(`audits.${step}`, { id: a.id, rev: a.rev });
      await qc.invalidateQueries({ queryKey: ['audits'] });
    } catch (e) {
      setError(e instanceof ApiCallError ? e.messageIn(i18n.language === 'es' ? 'es' : 'en') : String(e));
      await qc.invalidateQueries({ queryKey: ['audits'] });
    } finally {
      setMoving(null);
    }
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/audits" size="sm">
        {t('fieldwork.audit.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {a.title}
          </Title>
          <Group gap="xs">
            <Text c="dimmed" size="sm">
              {t('fieldwork.audits.status')}:
            </Text>
            <Badge color={statusColor[a.status]} variant="light" data-testid="audit-status">
              {t(`vocab.auditStatus.${a.status}`)}
            </Badge>
          </Group>
        </Stack>
        <Group gap="xs" wrap="nowrap" aria-label={t('fieldwork.audit.moves')} role="group">
          {stepsFrom(a.status).map((step) => (
            <Button
              key={step}
              variant={step === 'returnToFieldwork' ? 'default' : 'filled'}
              loading={moving === step}
              onClick={() => void move(step)}
            >
              {t(`fieldwork.steps.${step}`, { to: t(`vocab.auditStatus.${AUDIT_STEPS[step].to}`) })}
            </Button>
          ))}
        </Group>
      </Group>
      {error && (
        <Alert color="red" role="alert" title={t('common.saveFailed')}>
          {error}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(v) => {
          const next = new URLSearchParams(params);
          next.set('tab', v ?? 'overview');
          setParams(next, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List>
          {tabs.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {x === 'findings' ? t('findingsUi.tab') : t(`fieldwork.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <OverviewTab audit={a} />
        </Tabs.Panel>
        <Tabs.Panel value="checklist" pt="md">
          <ChecklistTab audit={a} me={session.currentPerson} workspace={session.workspace} />
        </Tabs.Panel>
        <Tabs.Panel value="observations" pt="md">
          <ObservationsTab audit={a} me={session.currentPerson} workspace={session.workspace} />
        </Tabs.Panel>
        <Tabs.Panel value="tests" pt="md">
          <SituationTestsTab audit={a} />
        </Tabs.Panel>
        <Tabs.Panel value="agreement" pt="md">
          <AgreementTab audit={a} me={session.currentPerson} />
        </Tabs.Panel>
        <Tabs.Panel value="findings" pt="md">
          <FindingsTab audit={a} me={session.currentPerson} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
