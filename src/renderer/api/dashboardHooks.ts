/**
 * react-query hooks of the dashboards. Their figures are always read afresh when a dashboard is
 * shown (no stale time): they count records that many screens change.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export function useAuditDashboard(auditId: string) {
  return useQuery({
    queryKey: ['dashboards', 'audit', auditId],
    queryFn: () => api.call('dashboards.audit', { auditId }),
    staleTime: 0,
  });
}

export function useProgrammeDashboard() {
  return useQuery({
    queryKey: ['dashboards', 'programme'],
    queryFn: () => api.call('dashboards.programme', {}),
    staleTime: 0,
  });
}
