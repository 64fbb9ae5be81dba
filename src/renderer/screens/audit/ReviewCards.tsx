/**
 * The pieces the Findings tab and the managers' Reviews screen share: the audit's review state
 * (how many recommendations are answered, by whom, when), a finding with its evidence (each link
 * opens the record it cites), and a recommendation with its answers.
 */
import { Anchor, Badge, Button, Group, List, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Role } from '../../../shared/api/roles';
import { mayCall } from '../../../shared/api/roles';
import type { EvidenceLink } from '../../../shared/domain/evidence';
import type { Finding, ManagementResponse, Recommendation } from '../../../shared/domain/findings';
import type { Person } from '../../../shared/domain/programme';
import { formatDate } from '../../components/DataTable';
import { HistoryPanel } from '../../components/HistoryPanel';
import { TracePanel } from '../../components/TracePanel';
import { recordAnchor } from '../../components/useBringIntoView';
import { EVIDENCE_TAB, linkKey, type EvidenceItem } from './findingsData';
import { reviewState } from './review';
import { formatDateTime } from './text';

// Colours that keep the badge's text readable (axe's contrast); the severity is said in words anyway.
const SEVERITY_COLOR = { low: 'gray', medium: 'indigo', high: 'grape', critical: 'dark' } as const;

export function ReviewStateBox({
  recommendations,
  answers,
  people,
  level = 2,
}: {
  recommendations: readonly Recommendation[];
  answers: readonly ManagementResponse[];
  people: ReadonlyMap<string, Person>;
  /** The heading level of its title. */
  level?: 2 | 3;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const s = reviewState(recommendations, answers);
  const headingId = useId();
  const code = (id: string) => people.get(id)?.code ?? '—';
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby={headingId} data-testid="review-state">
      <Title order={level} size="h5" id={headingId}>
        {t('findingsUi.review.title')}
      </Title>
      {s.total === 0 ? (
        <Text size="sm">{t('findingsUi.review.none')}</Text>
      ) : (
        <Stack gap={2}>
          <Text size="sm" fw={600} data-testid="review-count">
            {t('findingsUi.review.answered', { answered: s.answered, total: s.total })}
          </Text>
          {s.managers.length > 0 && (
            <Text size="sm">
              {t('findingsUi.review.who')}: {s.managers.map(code).join(', ')}
            </Text>
          )}
          {s.last && (
            <Text size="sm">
              {t('findingsUi.review.last', {
                code: code(s.last.managerId),
                date: formatDateTime(s.last.respondedAt, i18n.language),
              })}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}

/** Opens one cited record: its details, and (for those who may read it) its tab. */
function EvidenceButton({
  link,
  item,
  role,
}: {
  link: EvidenceLink;
  item: EvidenceItem | undefined;
  role: Role | null;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [params, setParams] = useSearchParams();
  const kind = t(`findingsUi.evidenceKind.${link.kind}`);
  const label = item?.label ?? t('findingsUi.evidence.notReadable');
  const tab = EVIDENCE_TAB[link.kind];
  const mayOpenTab = item !== undefined && role === 'coordinator';
  return (
    <>
      <Anchor component="button" type="button" size="sm" onClick={() => setOpen(true)} ta="left">
        {kind}: {label}
      </Anchor>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={`${kind}: ${label}`}
        size="lg"
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="sm" data-testid="evidence-details">
          {(item?.details ?? []).map((d, i) => (
            <Stack key={i} gap={0}>
              <Text size="sm" c="dimmed">
                {d.label}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {d.value || t('common.none')}
              </Text>
            </Stack>
          ))}
          {!item && <Text size="sm">{t('findingsUi.evidence.notReadable')}</Text>}
          {mayOpenTab && (
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() => {
                  // The tab, and on it the record's card (useBringIntoView).
                  const next = new URLSearchParams(params);
                  next.set('tab', tab);
                  next.set('record', link.id);
                  setOpen(false);
                  setParams(next);
                }}
              >
                {t('findingsUi.evidence.goTo')}
              </Button>
            </Group>
          )}
        </Stack>
      </Modal>
    </>
  );
}

export function FindingCard({
  finding: f,
  evidence,
  groundLabel,
  role,
  actions,
  level = 3,
}: {
  finding: Finding;
  evidence: ReadonlyMap<string, EvidenceItem>;
  groundLabel: (code: string) => string;
  role: Role | null;
  actions?: React.ReactNode;
  level?: 3 | 4;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [tracing, setTracing] = useState(false);
  const traceId = useId();
  const parts = [
    ['criterion', f.criterion],
    ['condition', f.condition],
    ['cause', f.cause],
    ['effect', f.effect],
  ] as const;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-label={f.title}
      data-testid="finding"
      id={recordAnchor(f.id)}
      tabIndex={-1}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Title order={level} size="h5">
              {f.title}
            </Title>
            <Group gap="xs">
              <Badge color={SEVERITY_COLOR[f.severity]} variant="light">
                {t('findingsUi.finding.severity')}: {t(`vocab.severity.${f.severity}`)}
              </Badge>
              <Badge color="indigo" variant="light">
                {t(`vocab.findingType.${f.type}`)}
                {f.structuralKind ? ` · ${t(`vocab.structuralKind.${f.structuralKind}`)}` : ''}
              </Badge>
              {f.grounds.map((g) => (
                <Badge key={g} color="gray" variant="outline">
                  {groundLabel(g)}
                </Badge>
              ))}
            </Group>
          </Stack>
          {actions}
        </Group>
        <Table variant="vertical" withTableBorder={false}>
          <Table.Tbody>
            {parts.map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Th w={220}>{t(`findingsUi.finding.${k}`)}</Table.Th>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{v || t('common.none')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('findingsUi.finding.evidence')}
          </Text>
          {f.evidence.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('findingsUi.finding.noEvidence')}
            </Text>
          ) : (
            <List size="sm" spacing={2} data-testid="finding-evidence">
              {f.evidence.map((l) => (
                <List.Item key={linkKey(l)}>
                  <EvidenceButton link={l} item={evidence.get(linkKey(l))} role={role} />
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
        {mayCall('trace.finding', role) && (
          <Stack gap="xs">
            <Group>
              <Button
                size="xs"
                variant="default"
                aria-expanded={tracing}
                aria-controls={traceId}
                onClick={() => setTracing((o) => !o)}
              >
                {tracing ? t('findingsUi.finding.hideTrace') : t('findingsUi.finding.showTrace')}
              </Button>
            </Group>
            {tracing && (
              <div id={traceId}>
                <TracePanel kind="finding" id={f.id} level={4} />
              </div>
            )}
          </Stack>
        )}
        {mayCall('history.list', role) && (
          <HistoryPanel entityId={f.id} entity="finding" title={t('findingsUi.finding.history')} />
        )}
      </Stack>
    </Paper>
  );
}

export function RecommendationCard({
  recommendation: r,
  findings,
  answers,
  people,
  role,
  actions,
  children,
  level = 3,
}: {
  recommendation: Recommendation;
  findings: ReadonlyMap<string, Finding>;
  answers: readonly ManagementResponse[];
  people: ReadonlyMap<string, Person>;
  role: Role | null;
  actions?: React.ReactNode;
  /** Below the answers: the manager's answer form. */
  children?: React.ReactNode;
  level?: 3 | 4;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const mine = answers.filter((a) => a.recommendationId === r.id);
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-label={r.title}
      data-testid="recommendation"
      id={recordAnchor(r.id)}
      tabIndex={-1}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Title order={level} size="h5">
              {r.title}
            </Title>
            <Group gap="xs">
              <Badge variant="light">
                {t('findingsUi.recommendation.priority')}: {t(`vocab.priority.${r.priority}`)}
              </Badge>
              <Text size="sm">
                {t('findingsUi.recommendation.addressedTo')}:{' '}
                <span data-testid="addressed-to">{r.addressedTo || t('findingsUi.recommendation.auditedService')}</span>
              </Text>
            </Group>
          </Stack>
          {actions}
        </Group>
        {r.text && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.text}
          </Text>
        )}
        <Text size="sm">
          <Text span c="dimmed">
            {t('findingsUi.recommendation.findings')}:{' '}
          </Text>
          <span data-testid="recommendation-findings">
            {r.findingIds.map((id) => findings.get(id)?.title ?? '—').join('; ')}
          </span>
        </Text>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('findingsUi.recommendation.answers')}
          </Text>
          {mine.length === 0 ? (
            <Text size="sm" fw={600} data-testid="answer-state">
              {t('findingsUi.recommendation.notAnswered')}
            </Text>
          ) : (
            mine.map((a) => (
              <Stack key={a.id} gap={0} data-testid="answer-state">
                <Text size="sm" fw={600} c="teal.9">
                  {t('findingsUi.recommendation.answer', {
                    decision: t(`vocab.decision.${a.decision}`),
                    code: people.get(a.managerId)?.code ?? '—',
                    date: formatDateTime(a.respondedAt, i18n.language),
                  })}
                </Text>
                {a.justification && (
                  <Text size="sm">
                    {t('findingsUi.answer.justification')}: {a.justification}
                  </Text>
                )}
                {(a.committedMeasure || a.committedBy) && (
                  <Text size="sm">
                    {t('findingsUi.answer.committedMeasure')}: {a.committedMeasure || t('common.none')}
                    {a.committedBy
                      ? ` · ${t('findingsUi.answer.committedBy')}: ${formatDate(a.committedBy, i18n.language)}`
                      : ''}
                  </Text>
                )}
              </Stack>
            ))
          )}
        </Stack>
        {children}
        {mayCall('history.list', role) && (
          <HistoryPanel entityId={r.id} entity="recommendation" title={t('findingsUi.recommendation.history')} />
        )}
      </Stack>
    </Paper>
  );
}
