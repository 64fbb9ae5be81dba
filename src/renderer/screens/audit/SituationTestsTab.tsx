/**
 * The audit's paired situation tests: both testers' profiles and accounts side by side, the
 * comparison of outcomes with the differential-treatment flag, and each test's history. A test is
 * evidence an answer can cite (the checklist's evidence picker lists them).
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SituationTestRecord, type Audit, type SituationTest } from '../../../shared/domain/audit';
import { api } from '../../api/client';
import { usePeople } from '../../api/hooks';
import { useGrounds, useSituationTests } from '../../api/fieldworkHooks';
import { formatDate } from '../../components/DataTable';
import { FormModal } from '../../components/FormModal';
import { HistoryPanel } from '../../components/HistoryPanel';
import { recordAnchor, useBringIntoView } from '../../components/useBringIntoView';
import { useSearchParams } from 'react-router';
import { useForm } from '../../components/useForm';
import { localized } from './text';

type TestValues = {
  scenario: string;
  conductedOn: string;
  groundTested: string;
  testerACode: string;
  profileA: string;
  outcomeA: string;
  testerBCode: string;
  profileB: string;
  outcomeB: string;
  differentialTreatment: string;
  notes: string;
};

const today = () => new Date().toISOString().slice(0, 10);

export function SituationTestsTab({ audit }: { audit: Audit }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const tests = useSituationTests(audit.id);
  // A link to one test (`?record=<id>`, from a finding's trace) lands on its card.
  const [params] = useSearchParams();
  const linked = params.get('record');
  useBringIntoView(linked ? recordAnchor(linked) : null, tests.isSuccess);
  const grounds = useGrounds();
  const people = usePeople({});
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const team = (people.data ?? []).filter((p) => audit.teamIds.includes(p.id));
  const empty = (): TestValues => ({
    scenario: '',
    conductedOn: today(),
    groundTested: '',
    testerACode: team[0]?.code ?? '',
    profileA: '',
    outcomeA: '',
    testerBCode: team[1]?.code ?? team[0]?.code ?? '',
    profileB: '',
    outcomeB: '',
    differentialTreatment: '',
    notes: '',
  });
  const form = useForm<TestValues>(empty());
  const editable = audit.status === 'fieldwork';
  const groundLabel = (code: string) =>
    localized((grounds.data ?? []).find((g) => g.code === code)?.label, i18n.language) || code;
  const testers = team.map((p) => ({ value: p.code, label: `${p.code} · ${p.displayName}` }));

  const save = async () => {
    const v = form.values;
    const input = {
      auditId: audit.id,
      scenario: v.scenario,
      conductedOn: v.conductedOn,
      groundTested: v.groundTested,
      testerACode: v.testerACode,
      profileA: v.profileA,
      outcomeA: v.outcomeA,
      testerBCode: v.testerBCode,
      profileB: v.profileB,
      outcomeB: v.outcomeB,
      differentialTreatment: v.differentialTreatment === '' ? null : v.differentialTreatment === 'yes',
      notes: v.notes,
    };
    const ok = await form.submit(SituationTestRecord, input, async (i) => {
      await api.call('situationTests.record', i);
      await qc.invalidateQueries({ queryKey: ['situationTests'] });
    });
    if (ok) setAdding(false);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('fieldwork.tests.title')}
        </Title>
        {editable && (
          <Button
            onClick={() => {
              form.reset(empty());
              setAdding(true);
            }}
          >
            {t('fieldwork.tests.add')}
          </Button>
        )}
      </Group>
      {!editable && <Alert color="gray">{t('fieldwork.observations.readOnly')}</Alert>}
      {tests.isSuccess && tests.data.length === 0 && <Text c="dimmed">{t('fieldwork.tests.empty')}</Text>}
      {(tests.data ?? []).map((s) => (
        <TestCard key={s.id} test={s} groundLabel={groundLabel(s.groundTested)} />
      ))}
      <FormModal
        opened={adding}
        title={t('fieldwork.tests.add')}
        onClose={() => setAdding(false)}
        onSubmit={() => void save()}
        submitting={form.submitting}
        serverError={form.serverError}
        formRef={form.formRef}
      >
        <Stack gap="sm">
          <Textarea
            label={t('fieldwork.tests.scenario')}
            required
            autosize
            minRows={2}
            {...form.text('scenario')}
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label={t('fieldwork.tests.conductedOn')} required {...form.text('conductedOn')} />
            <NativeSelect
              label={t('fieldwork.tests.groundTested')}
              required
              value={form.values.groundTested}
              onChange={(e) => form.set('groundTested', e.currentTarget.value)}
              error={form.errors.groundTested}
              data={[
                { value: '', label: t('fieldwork.audits.choose') },
                ...(grounds.data ?? []).map((g) => ({ value: g.code, label: localized(g.label, i18n.language) })),
              ]}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {(['A', 'B'] as const).map((x) => (
              <Stack key={x} gap="xs">
                <NativeSelect
                  label={t('fieldwork.tests.tester', { x })}
                  value={form.values[`tester${x}Code`]}
                  onChange={(e) => form.set(`tester${x}Code`, e.currentTarget.value)}
                  data={testers}
                />
                <Textarea
                  label={t('fieldwork.tests.profile', { x })}
                  autosize
                  minRows={2}
                  {...form.text(`profile${x}`)}
                />
                <Textarea
                  label={t('fieldwork.tests.outcome', { x })}
                  autosize
                  minRows={2}
                  {...form.text(`outcome${x}`)}
                />
              </Stack>
            ))}
          </SimpleGrid>
          <NativeSelect
            label={t('fieldwork.tests.differential')}
            value={form.values.differentialTreatment}
            onChange={(e) => form.set('differentialTreatment', e.currentTarget.value)}
            data={[
              { value: '', label: t('fieldwork.tests.undetermined') },
              { value: 'yes', label: t('fieldwork.tests.yes') },
              { value: 'no', label: t('fieldwork.tests.no') },
            ]}
          />
          <Textarea label={t('fieldwork.tests.notes')} autosize minRows={2} {...form.text('notes')} />
        </Stack>
      </FormModal>
    </Stack>
  );
}

function TestCard({ test: s, groundLabel }: { test: SituationTest; groundLabel: string }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const flag =
    s.differentialTreatment === null
      ? { color: 'gray', label: t('fieldwork.tests.undetermined') }
      : s.differentialTreatment
        ? { color: 'red', label: t('fieldwork.tests.differentialYes') }
        : { color: 'indigo', label: t('fieldwork.tests.differentialNo') };
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-label={s.scenario.slice(0, 80)}
      data-testid="situation-test"
      id={recordAnchor(s.id)}
      tabIndex={-1}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Text fw={600}>{s.scenario}</Text>
            <Text size="sm" c="dimmed">
              {formatDate(s.conductedOn, i18n.language)} · {t('fieldwork.tests.groundTested')}: {groundLabel}
            </Text>
          </Stack>
          <Badge color={flag.color} variant="light" data-testid="differential">
            {flag.label}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {(
            [
              ['A', s.testerACode, s.profileA, s.outcomeA],
              ['B', s.testerBCode, s.profileB, s.outcomeB],
            ] as const
          ).map(([x, code, profile, outcome]) => (
            <Paper key={x} withBorder p="sm" radius="sm">
              <Text size="sm" fw={600}>
                {t('fieldwork.tests.tester', { x })}: {code}
              </Text>
              <Text size="sm" c="dimmed" mt={4}>
                {t('fieldwork.tests.profile', { x })}
              </Text>
              <Text size="sm">{profile || t('common.none')}</Text>
              <Text size="sm" c="dimmed" mt={4}>
                {t('fieldwork.tests.outcome', { x })}
              </Text>
              <Text size="sm">{outcome || t('common.none')}</Text>
            </Paper>
          ))}
        </SimpleGrid>
        {s.notes && (
          <Text size="sm">
            <Text span c="dimmed">
              {t('fieldwork.tests.notes')}:{' '}
            </Text>
            {s.notes}
          </Text>
        )}
        <HistoryPanel entityId={s.id} entity="situation_test" />
      </Stack>
    </Paper>
  );
}
