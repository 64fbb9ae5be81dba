/**
 * Hooks of the Local Action Plan: one measure, its progress updates, the traces, the action
 * areas as the programme names them, and the accepted recommendations no measure carries out
 * yet. Query keys start with `measures` (or `trace`), so every change of a measure, its progress
 * or a recommendation refreshes them.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { actionAreaName, actionAreas } from '../../shared/domain/programme';
import type { ManagementResponse, Recommendation } from '../../shared/domain/findings';
import type { ActionArea } from '../../shared/domain/vocabulary';
import { api } from './client';
import { allPages, useSession } from './hooks';

export function useMeasure(id: string | undefined) {
  return useQuery({
    queryKey: ['measures', 'one', id],
    enabled: id !== undefined,
    queryFn: () => api.call('measures.get', { id: id! }),
  });
}

/** Every progress update of a measure, oldest first (a measure has tens over the years). */
export function useProgress(measureId: string) {
  return useQuery({
    queryKey: ['measures', 'progress', measureId],
    queryFn: () => allPages((offset) => api.call('measures.progress', { measureId, offset })),
  });
}

export function useMeasureTrace(id: string) {
  return useQuery({ queryKey: ['trace', 'measure', id], queryFn: () => api.call('trace.measure', { id }) });
}

export function useFindingTrace(id: string) {
  return useQuery({ queryKey: ['trace', 'finding', id], queryFn: () => api.call('trace.finding', { id }) });
}

/** The language the UI shows, as the programme's names know it. */
const uiLanguage = (language: string) => (language === 'es' ? 'es' : 'en');

/**
 * The action areas as the programme names them in the UI language (its own names where it
 * renamed them, the defaults otherwise): `name(area)` and the ordered list.
 */
export function useAreaNames() {
  const { t, i18n } = useTranslation();
  const names = useSession().data?.programme?.actionAreaNames;
  const fallback = (a: ActionArea) => t(`vocab.actionArea.${a}`);
  const language = uiLanguage(i18n.language);
  return {
    name: (a: ActionArea) => actionAreaName(names, a, language, fallback),
    list: actionAreas(names, language, fallback),
  };
}

export interface UnplannedRecommendation {
  recommendation: Recommendation;
  answer: ManagementResponse;
}

/**
 * Recommendations whose manager accepted them (fully or partly) and that no live measure links
 * yet, with that answer: what the coordinator turns into measures. Read from the three lists
 * (tens to hundreds of rows each).
 */
export function useUnplannedRecommendations(enabled: boolean) {
  return useQuery({
    queryKey: ['measures', 'unplanned'],
    enabled,
    queryFn: async (): Promise<UnplannedRecommendation[]> => {
      const [recommendations, answers, measures] = await Promise.all([
        allPages((offset) => api.call('recommendations.list', { offset })),
        allPages((offset) => api.call('recommendations.answers', { offset })),
        allPages((offset) => api.call('measures.list', { offset })),
      ]);
      const planned = new Set(measures.flatMap((m) => m.recommendationIds));
      const answerOf = new Map(answers.map((a) => [a.recommendationId, a]));
      return recommendations.flatMap((recommendation) => {
        const answer = answerOf.get(recommendation.id);
        if (!answer || answer.decision === 'rejected' || planned.has(recommendation.id)) return [];
        return [{ recommendation, answer }];
      });
    },
  });
}
