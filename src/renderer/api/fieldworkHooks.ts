/**
 * react-query hooks of the fieldwork screens (audits, checklist, observation log, situation tests,
 * agreement, history). Query keys start with the entity name, as in ./hooks.ts, so a mutation
 * invalidates them by root (`['audits']`, `['answers']`, …).
 */
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { allPages } from './hooks';

export function useAudit(id: string | undefined) {
  return useQuery({
    queryKey: ['audits', 'one', id],
    queryFn: () => api.call('audits.get', { id: id ?? '' }),
    enabled: Boolean(id),
  });
}

export function useChecklist(versionId: string | undefined) {
  return useQuery({
    queryKey: ['checklist', versionId],
    queryFn: () => api.call('templateVersions.checklist', { id: versionId ?? '' }),
    enabled: Boolean(versionId),
    staleTime: Infinity,
  });
}

/** Templates with their published versions, for planning an audit. */
export function usePublishedVersions() {
  return useQuery({
    queryKey: ['templates', 'published'],
    queryFn: async () => {
      const templates = await allPages((offset) => api.call('templates.list', { offset }));
      const out: { versionId: string; templateName: Record<string, string>; number: number }[] = [];
      for (const t of templates) {
        const versions = await allPages((offset) => api.call('templateVersions.list', { templateId: t.id, offset }));
        for (const v of versions) {
          if (v.status === 'published') out.push({ versionId: v.id, templateName: t.name, number: v.number });
        }
      }
      return out;
    },
  });
}

export function useAnswers(auditId: string, auditorId?: string) {
  return useQuery({
    queryKey: ['answers', auditId, auditorId ?? 'all'],
    queryFn: () =>
      allPages((offset) => api.call('audits.answers', { auditId, offset, ...(auditorId ? { auditorId } : {}) })),
  });
}

export function useConsolidated(auditId: string) {
  return useQuery({
    queryKey: ['consolidated', auditId],
    queryFn: () => allPages((offset) => api.call('audits.consolidatedResults', { auditId, offset })),
  });
}

export function useAgreement(auditId: string) {
  return useQuery({
    queryKey: ['agreement', auditId],
    queryFn: () => api.call('audits.agreement', { id: auditId }),
  });
}

export function useSituationTests(auditId: string) {
  return useQuery({
    queryKey: ['situationTests', auditId],
    queryFn: () => allPages((offset) => api.call('situationTests.list', { auditId, offset })),
  });
}

export function useAttachments(auditId: string) {
  return useQuery({
    queryKey: ['attachments', auditId],
    queryFn: () => allPages((offset) => api.call('attachments.list', { auditId, offset })),
  });
}

/** The audit's observations (entries with excerpts) for pickers: evidence, links. */
export function useObservationEntries(auditId: string) {
  return useQuery({
    queryKey: ['observations', 'all', auditId],
    queryFn: () => allPages((offset) => api.call('observations.list', { auditId, offset })),
  });
}

export function useGrounds() {
  return useQuery({
    queryKey: ['grounds', 'all'],
    queryFn: () => allPages((offset) => api.call('grounds.list', { offset })),
    staleTime: Infinity,
  });
}
