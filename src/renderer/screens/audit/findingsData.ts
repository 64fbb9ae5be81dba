/**
 * What the Findings tab and the Reviews screen read: an audit's findings, suggestions,
 * recommendations and the managers' answers, and an index of the records a finding can cite
 * (label, details, the tab that shows them). Each source is read only when the current role may
 * read it (a manager reads consolidated results, not the auditors' field records), so no screen
 * asks the core for what it would refuse.
 */
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { Channel } from '../../../shared/api/contract';
import type { Role } from '../../../shared/api/roles';
import { mayCall } from '../../../shared/api/roles';
import type { Audit } from '../../../shared/domain/audit';
import type { Rating } from '../../../shared/domain/vocabulary';
import type { EvidenceKind, EvidenceLink } from '../../../shared/domain/evidence';
import { api } from '../../api/client';
import { allPages } from '../../api/hooks';
import { useChecklist } from '../../api/fieldworkHooks';
import { linkKey } from './review';
import { formatDateTime, localized, plainText } from './text';

export { linkKey };

/** The query roots a change of findings, recommendations or answers invalidates. */
export const REVIEW_KEYS = ['findings', 'recommendations', 'suggestions', 'history'] as const;

export function useFindings(auditId?: string) {
  return useQuery({
    queryKey: ['findings', auditId ?? 'all'],
    queryFn: () => allPages((offset) => api.call('findings.list', { offset, ...(auditId ? { auditId } : {}) })),
  });
}

export function useRecommendations(auditId?: string) {
  return useQuery({
    queryKey: ['recommendations', auditId ?? 'all'],
    queryFn: () => allPages((offset) => api.call('recommendations.list', { offset, ...(auditId ? { auditId } : {}) })),
  });
}

export function useRecommendationAnswers(auditId?: string) {
  return useQuery({
    queryKey: ['recommendations', 'answers', auditId ?? 'all'],
    queryFn: () =>
      allPages((offset) => api.call('recommendations.answers', { offset, ...(auditId ? { auditId } : {}) })),
  });
}

export function useSuggestions(auditId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['suggestions', auditId],
    queryFn: () => api.call('findings.suggestFromResults', { auditId, includeDismissed: true }),
    enabled,
  });
}

/** One list of the audit's records, read only when `enabled`. */
function useSource<T>(key: string, auditId: string, enabled: boolean, fn: () => Promise<T[]>) {
  return useQuery({ queryKey: [key, 'evidence', auditId], queryFn: fn, enabled });
}

/** The tab of the audit page that shows each kind of evidence. */
export const EVIDENCE_TAB: Record<EvidenceKind, 'checklist' | 'agreement' | 'observations' | 'tests'> = {
  consolidated_result: 'agreement',
  response: 'checklist',
  observation: 'observations',
  situation_test: 'tests',
  attachment: 'observations',
};

export interface EvidenceItem {
  link: EvidenceLink;
  label: string;
  /** Lines shown when the evidence is opened. */
  details: { label: string; value: string }[];
}

/**
 * Every record of the audit the current role may read that a finding can cite, by `kind:id`,
 * with a label and its details; the list in the order the picker offers them.
 */
export function useEvidenceIndex(audit: Audit, role: Role | null, t: TFunction, language: string) {
  const checklist = useChecklist(audit.templateVersionId);
  const read = <T>(key: string, channel: Channel, fn: () => Promise<T[]>) =>
    useSource(key, audit.id, mayCall(channel, role), fn);
  const results = read('consolidated', 'audits.consolidatedResults', () =>
    allPages((offset) => api.call('audits.consolidatedResults', { auditId: audit.id, offset })),
  );
  const answers = read('answers', 'audits.answers', () =>
    allPages((offset) => api.call('audits.answers', { auditId: audit.id, offset })),
  );
  const observations = read('observations', 'observations.list', () =>
    allPages((offset) => api.call('observations.list', { auditId: audit.id, offset })),
  );
  const tests = read('situationTests', 'situationTests.list', () =>
    allPages((offset) => api.call('situationTests.list', { auditId: audit.id, offset })),
  );
  const attachments = read('attachments', 'attachments.list', () =>
    allPages((offset) => api.call('attachments.list', { auditId: audit.id, offset })),
  );
  const people = useQuery({
    queryKey: ['people', 'evidence'],
    queryFn: () => allPages((offset) => api.call('people.list', { offset, includeArchived: true })),
  });
  const codeOf = new Map((people.data ?? []).map((p) => [p.id, p.code]));
  const criterion = new Map(
    (checklist.data?.sections ?? []).flatMap((s) => s.criteria.map((c) => [c.id, localized(c.text, language)])),
  );
  const rating = (r: Rating | null): string => (r ? t(`vocab.rating.${r}`) : t('common.none'));
  const cut = (s: string) => (s.length > 90 ? `${s.slice(0, 89)}…` : s);
  const items: EvidenceItem[] = [
    ...(results.data ?? []).map((r) => ({
      link: { kind: 'consolidated_result' as const, id: r.id },
      label: `${cut(criterion.get(r.criterionId) ?? '')} — ${rating(r.rating)}`,
      details: [
        { label: t('findingsUi.finding.criterion'), value: criterion.get(r.criterionId) ?? '' },
        { label: t('findingsUi.evidence.rating'), value: rating(r.rating) },
        { label: t('findingsUi.evidence.note'), value: r.note },
      ],
    })),
    ...(answers.data ?? []).map((r) => ({
      link: { kind: 'response' as const, id: r.id },
      label: `${codeOf.get(r.auditorId) ?? ''} · ${cut(criterion.get(r.criterionId) ?? '')} — ${rating(r.rating)}`,
      details: [
        { label: t('findingsUi.evidence.by'), value: codeOf.get(r.auditorId) ?? '' },
        { label: t('findingsUi.finding.criterion'), value: criterion.get(r.criterionId) ?? '' },
        { label: t('findingsUi.evidence.rating'), value: rating(r.rating) },
        { label: t('findingsUi.evidence.note'), value: r.note },
      ],
    })),
    ...(observations.data ?? []).map((o) => ({
      link: { kind: 'observation' as const, id: o.id },
      label: `${formatDateTime(o.observedAt, language)} · ${cut(plainText(o.excerpt))}`,
      details: [
        { label: t('findingsUi.evidence.by'), value: codeOf.get(o.authorId) ?? '' },
        { label: t('findingsUi.evidenceKind.observation'), value: plainText(o.excerpt) },
      ],
    })),
    ...(tests.data ?? []).map((s) => ({
      link: { kind: 'situation_test' as const, id: s.id },
      label: cut(s.scenario),
      details: [
        { label: t('findingsUi.evidenceKind.situation_test'), value: s.scenario },
        { label: 'A', value: s.outcomeA },
        { label: 'B', value: s.outcomeB },
      ],
    })),
    ...(attachments.data ?? []).map((a) => ({
      link: { kind: 'attachment' as const, id: a.id },
      label: a.fileName,
      details: [
        { label: t('findingsUi.evidenceKind.attachment'), value: a.fileName },
        { label: t('findingsUi.evidence.note'), value: a.caption },
      ],
    })),
  ];
  return { items, byKey: new Map(items.map((i) => [linkKey(i.link), i])), checklist: checklist.data };
}
