/**
 * A manager's landing screen: for each audit of the services they manage, its review state, its
 * findings (with their evidence) and its recommendations, each with the manager's answer form.
 * The core lists only their own services' records (another service's findings are neither
 * listed nor readable), so nothing here filters them.
 */
import { Anchor, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Audit } from '../../shared/domain/audit';
import type { Finding, ManagementResponse, Recommendation } from '../../shared/domain/findings';
import type { Person } from '../../shared/domain/programme';
import { useAudits, usePeople, useSession } from '../api/hooks';
import { useGrounds } from '../api/fieldworkHooks';
import { PageHeader } from '../components/PageHeader';
import { AnswerForm } from './audit/AnswerForm';
import { FindingCard, RecommendationCard, ReviewStateBox } from './audit/ReviewCards';
import { useEvidenceIndex, useFindings, useRecommendationAnswers, useRecommendations } from './audit/findingsData';
import { localized } from './audit/text';

export function ReviewsScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const me = useSession().data?.currentPerson ?? null;
  const findings = useFindings();
  const recommendations = useRecommendations();
  const answers = useRecommendationAnswers();
  const audits = useAudits();
  const people = usePeople({ includeArchived: true });
  const peopleById = new Map((people.data ?? []).map((p) => [p.id, p]));
  const ready = findings.isSuccess && recommendations.isSuccess && answers.isSuccess && audits.isSuccess;
  const shown = (audits.data ?? []).filter(
    (a) =>
      (findings.data ?? []).some((f) => f.auditId === a.id) ||
      (recommendations.data ?? []).some((r) => r.auditId === a.id),
  );
  return (
    <>
      <PageHeader title={t('reviews.title')} intro={t('reviews.intro')} />
      {!ready && <Loader aria-label={t('app.loading')} />}
      {ready && shown.length === 0 && <Text c="dimmed">{t('reviews.empty')}</Text>}
      <Stack gap="xl">
        {me &&
          shown.map((a) => (
            <AuditReview
              key={a.id}
              audit={a}
              me={me}
              findings={(findings.data ?? []).filter((f) => f.auditId === a.id)}
              recommendations={(recommendations.data ?? []).filter((r) => r.auditId === a.id)}
              answers={answers.data ?? []}
              people={peopleById}
            />
          ))}
      </Stack>
    </>
  );
}

function AuditReview({
  audit,
  me,
  findings,
  recommendations,
  answers,
  people,
}: {
  audit: Audit;
  me: Person;
  findings: Finding[];
  recommendations: Recommendation[];
  answers: ManagementResponse[];
  people: ReadonlyMap<string, Person>;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const evidence = useEvidenceIndex(audit, me.role, t, i18n.language);
  const grounds = useGrounds();
  const groundLabel = (code: string) =>
    localized((grounds.data ?? []).find((g) => g.code === code)?.label, i18n.language) || code;
  const byId = new Map(findings.map((f) => [f.id, f]));
  const open = audit.status !== 'closed' && audit.archivedAt === null;
  return (
    <Stack gap="md" component="section" aria-labelledby={`audit-${audit.id}`} data-testid="audit-review">
      <Title order={2} size="h3" id={`audit-${audit.id}`}>
        {t('findingsUi.reviews.audit', { title: audit.title })}
      </Title>
      <Anchor component={Link} to={`/audits/${audit.id}?tab=findings`} size="sm">
        {t('findingsUi.reviews.openTab')}
      </Anchor>
      <ReviewStateBox recommendations={recommendations} answers={answers} people={people} level={3} />
      <Title order={3} size="h4">
        {t('findingsUi.reviews.findingsOf')}
      </Title>
      {findings.map((f) => (
        <FindingCard
          key={f.id}
          finding={f}
          evidence={evidence.byKey}
          groundLabel={groundLabel}
          role={me.role}
          level={4}
        />
      ))}
      <Title order={3} size="h4">
        {t('findingsUi.recommendation.title')}
      </Title>
      {recommendations.length === 0 && <Text c="dimmed">{t('findingsUi.recommendation.empty')}</Text>}
      {recommendations.map((r) => {
        const mine = answers.find((x) => x.recommendationId === r.id && x.managerId === me.id) ?? null;
        return (
          <RecommendationCard
            key={r.id}
            recommendation={r}
            findings={byId}
            answers={answers}
            people={people}
            role={me.role}
            level={4}
          >
            {open && <AnswerForm recommendation={r} answer={mine} />}
          </RecommendationCard>
        );
      })}
    </Stack>
  );
}
