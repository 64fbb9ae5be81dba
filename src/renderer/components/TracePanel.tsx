/**
 * The way a record is traced: from a measure back to its recommendations, their findings and the
 * evidence they cite, or from a finding forward to its recommendations, the managers' answers and
 * the measures (`trace.measure`, `trace.finding`). Every record on the path is a link to its own
 * page: a measure to its page in the plan, a finding or recommendation to its audit's findings,
 * an evidence record to the audit tab that holds it. What the reader may not see the core leaves
 * out or withholds (a manager: other services, the content of field records).
 *
 * `<TracePanel kind="finding" id={finding.id} />` on a finding; `kind="measure"` on a measure.
 */
import { Alert, Anchor, Badge, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TraceEvidence, TraceFinding, TraceMeasure, TraceRecommendation } from '../../shared/domain/trace';
import { errorMessage } from '../api/client';
import { usePeople } from '../api/hooks';
import { useFindingTrace, useMeasureTrace } from '../api/planHooks';
import { EVIDENCE_TAB } from '../screens/audit/findingsData';
import { localized, formatDateTime } from '../screens/audit/text';
import { OverdueMark } from '../screens/plan/status';
import { formatDate } from './DataTable';

export const measurePath = (id: string): string => `/plan/${id}`;
export const findingPath = (auditId: string, id: string): string => `/audits/${auditId}?tab=findings&finding=${id}`;
export const recommendationPath = (auditId: string, id: string): string =>
  `/audits/${auditId}?tab=findings&recommendation=${id}`;
export const evidencePath = (e: Pick<TraceEvidence, 'kind' | 'auditId' | 'id'>): string =>
  `/audits/${e.auditId}?tab=${EVIDENCE_TAB[e.kind]}&record=${e.id}`;

function Archived({ archived }: { archived: boolean }): React.JSX.Element | null {
  const { t } = useTranslation();
  return archived ? <Text span size="sm">{` ${t('plan.trace.archived')}`}</Text> : null;
}

function EvidenceItem({ e }: { e: TraceEvidence }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const kind = t(`plan.trace.kind.${e.kind}`);
  if (e.withheld)
    return (
      <List.Item>
        <Text size="sm">
          {kind} — {t('plan.trace.evidenceWithheld')}
        </Text>
      </List.Item>
    );
  const what = [
    e.criterion ? localized(e.criterion, i18n.language) : '',
    e.rating ? t(`vocab.rating.${e.rating}`) : '',
    e.label,
  ]
    .filter(Boolean)
    .join(' — ');
  const when = e.date ? formatDate(e.date, i18n.language) : null;
  return (
    <List.Item>
      <Anchor component={Link} to={evidencePath(e)} size="sm">
        {kind}: {what || t('common.none')}
      </Anchor>
      {when && <Text span size="sm">{` · ${when}`}</Text>}
      <Archived archived={e.archived} />
    </List.Item>
  );
}

function FindingItem({ f, link = true }: { f: TraceFinding; link?: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const name = `${t('plan.trace.finding')}: ${f.title}`;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        {link ? (
          <Anchor component={Link} to={findingPath(f.auditId, f.id)} fw={500}>
            {name}
          </Anchor>
        ) : (
          <Text fw={500}>{name}</Text>
        )}
        <Badge variant="outline" color="dark">
          {t(`vocab.severity.${f.severity}`)}
        </Badge>
        <Archived archived={f.archived} />
      </Group>
      <Text size="sm" fw={500}>
        {t('plan.trace.evidence')}
      </Text>
      {f.evidence.length === 0 ? (
        <Text size="sm">{t('plan.trace.noEvidence')}</Text>
      ) : (
        <List size="sm" withPadding aria-label={`${t('plan.trace.evidence')}: ${f.title}`}>
          {f.evidence.map((e) => (
            <EvidenceItem key={`${e.kind}:${e.id}`} e={e} />
          ))}
        </List>
      )}
    </Stack>
  );
}

function MeasureItem({ m }: { m: TraceMeasure }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <List.Item>
      <Group gap="xs">
        <Anchor component={Link} to={measurePath(m.id)} size="sm">
          {t('plan.trace.measure')}: {m.title}
        </Anchor>
        <Text span size="sm">
          · {t(`vocab.measureStatus.${m.status}`)}
        </Text>
        <OverdueMark measure={m} />
        <Archived archived={m.archived} />
      </Group>
    </List.Item>
  );
}

function RecommendationItem({
  r,
  findings,
  skipMeasure,
}: {
  r: TraceRecommendation;
  /** The findings to show under it (all of them walking back; none walking forward from one). */
  findings: readonly TraceFinding[];
  skipMeasure?: string;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const people = usePeople({});
  const byId = new Map((people.data ?? []).map((p) => [p.id, p]));
  const measures = r.measures.filter((m) => m.id !== skipMeasure);
  return (
    <Paper withBorder p="sm" radius="md" component="li" style={{ listStyle: 'none' }}>
      <Stack gap="xs">
        <div>
          <Anchor component={Link} to={recommendationPath(r.auditId, r.id)} fw={600}>
            {t('plan.trace.recommendation')}: {r.title}
          </Anchor>
          <Archived archived={r.archived} />
          <Text size="sm" c="dimmed">
            {t('plan.trace.inAudit', { audit: r.auditTitle, service: r.serviceName })} ·{' '}
            {t(`vocab.priority.${r.priority}`)}
          </Text>
        </div>
        <Text size="sm" fw={500}>
          {t('plan.trace.answers')}
        </Text>
        {r.answers.length === 0 ? (
          <Text size="sm">{t('plan.trace.noAnswers')}</Text>
        ) : (
          <List size="sm" withPadding>
            {r.answers.map((a) => {
              const who = byId.get(a.managerId);
              return (
                <List.Item key={a.id}>
                  <Text span size="sm" fw={500}>
                    {t(`vocab.decision.${a.decision}`)}
                  </Text>
                  {` · ${who ? `${who.displayName} (${who.code})` : t('common.none')} · ${formatDateTime(a.respondedAt, i18n.language)}`}
                  {a.committedMeasure && (
                    <Text size="sm">{t('plan.unplanned.committed', { text: a.committedMeasure })}</Text>
                  )}
                  {a.justification && <Text size="sm">{a.justification}</Text>}
                </List.Item>
              );
            })}
          </List>
        )}
        {findings.length > 0 && (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {findings.map((f) => (
              <li key={f.id}>
                <FindingItem f={f} />
              </li>
            ))}
          </Stack>
        )}
        {skipMeasure === undefined || measures.length > 0 ? (
          <>
            <Text size="sm" fw={500}>
              {t('plan.trace.measures')}
            </Text>
            {measures.length === 0 ? (
              <Text size="sm">{t('plan.trace.noMeasures')}</Text>
            ) : (
              <List size="sm" withPadding>
                {measures.map((m) => (
                  <MeasureItem key={m.id} m={m} />
                ))}
              </List>
            )}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

type Level = 2 | 3 | 4;

function Frame({
  level,
  intro,
  loading,
  error,
  children,
}: {
  level: Level;
  intro: string;
  loading: boolean;
  error: unknown;
  children: React.ReactNode;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  // Several panels may share a page (one per finding): each heading has its own id.
  const titleId = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={level} size="h4" id={titleId}>
          {t('plan.trace.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
        {loading && <Loader size="sm" aria-label={t('app.loading')} />}
        {error !== null && error !== undefined && (
          <Alert color="red" role="alert">
            {errorMessage(error, i18n.language)}
          </Alert>
        )}
        {children}
      </Stack>
    </Paper>
  );
}

function MeasureTracePanel({ id, level }: { id: string; level: Level }): React.JSX.Element {
  const { t } = useTranslation();
  const trace = useMeasureTrace(id);
  const d = trace.data;
  return (
    <Frame level={level} intro={t('plan.trace.measureIntro')} loading={trace.isPending} error={trace.error}>
      {d && (
        <>
          {d.recommendations.length === 0 && d.withheld === 0 && <Text>{t('plan.trace.noRecommendations')}</Text>}
          {d.withheld > 0 && <Text size="sm">{t('plan.trace.withheld', { count: d.withheld })}</Text>}
          <Stack gap="sm" component="ul" p={0} m={0}>
            {d.recommendations.map((r) => (
              <RecommendationItem key={r.id} r={r} findings={r.findings} skipMeasure={id} />
            ))}
          </Stack>
        </>
      )}
    </Frame>
  );
}

function FindingTracePanel({ id, level }: { id: string; level: Level }): React.JSX.Element {
  const { t } = useTranslation();
  const trace = useFindingTrace(id);
  const d = trace.data;
  return (
    <Frame level={level} intro={t('plan.trace.findingIntro')} loading={trace.isPending} error={trace.error}>
      {d && (
        <>
          <FindingItem f={d.finding} link={false} />
          {d.recommendations.length === 0 && <Text size="sm">{t('plan.trace.noRecommendations')}</Text>}
          <Stack gap="sm" component="ul" p={0} m={0}>
            {d.recommendations.map((r) => (
              <RecommendationItem key={r.id} r={r} findings={[]} />
            ))}
          </Stack>
        </>
      )}
    </Frame>
  );
}

/**
 * The trace of a measure (back to the evidence) or of a finding (forward to the measures);
 * `level` is its heading's (2 on a page of its own, 3 or 4 inside a tab or a card).
 */
export function TracePanel({
  kind,
  id,
  level = 2,
}: {
  kind: 'measure' | 'finding';
  id: string;
  level?: Level;
}): React.JSX.Element {
  return kind === 'measure' ? <MeasureTracePanel id={id} level={level} /> : <FindingTracePanel id={id} level={level} />;
}
