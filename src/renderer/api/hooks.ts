/**
 * react-query hooks over the typed client. Query keys start with the entity name; every change
 * invalidates what it can affect, and a session change (person, workspace) invalidates everything,
 * because lists belong to the open workspace.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, Input, Output } from '../../shared/api/contract';
import type { Paged } from '../../shared/domain/common';
import { api } from './client';

export const keys = {
  session: ['session'] as const,
  services: (input: Input<'services.list'>) => ['services', input] as const,
  people: (input: Input<'people.list'>) => ['people', input] as const,
  grounds: ['grounds'] as const,
  backups: ['backups'] as const,
};

export function useSession() {
  return useQuery({ queryKey: keys.session, queryFn: () => api.call('session.get', {}) });
}

/**
 * Every page of a short list (services, people: tens, rarely hundreds), read one page after the
 * other. Long lists (observations, history) are shown page by page instead.
 */
export async function allPages<T>(page: (offset: number) => Promise<Paged<T>>): Promise<T[]> {
  const items: T[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const p: Paged<T> = await page(offset);
    items.push(...p.items);
    offset = p.next;
  }
  return items;
}

export function useServices(input: Input<'services.list'>) {
  return useQuery({
    queryKey: keys.services(input),
    queryFn: () => allPages((offset) => api.call('services.list', { ...input, offset })),
  });
}

export function usePeople(input: Input<'people.list'>) {
  return useQuery({
    queryKey: keys.people(input),
    queryFn: () => allPages((offset) => api.call('people.list', { ...input, offset })),
  });
}

/**
 * A mutation of one channel. `invalidate` lists the query-key roots to refresh afterwards;
 * `'*'` refreshes everything (session changes).
 */
export function useApiMutation<C extends Channel>(channel: C, invalidate: readonly string[] | '*') {
  const qc = useQueryClient();
  return useMutation<Output<C>, Error, Input<C>>({
    mutationFn: (input) => api.call(channel, input),
    onSuccess: async (value) => {
      if (channel.startsWith('session.')) qc.setQueryData(keys.session, value);
      if (invalidate === '*') await qc.invalidateQueries();
      else await Promise.all(invalidate.map((k) => qc.invalidateQueries({ queryKey: [k] })));
    },
  });
}

/** Every audit (tens per programme) matching `input` (filters, search); all of them by default. */
export function useAudits(input: Input<'audits.list'> = {}) {
  return useQuery({
    queryKey: ['audits', 'list', input],
    queryFn: () => allPages((offset) => api.call('audits.list', { ...input, offset })),
  });
}

/** Every measure of the Local Action Plan. */
export function useMeasures() {
  return useQuery({
    queryKey: ['measures', 'all'],
    queryFn: () => allPages((offset) => api.call('measures.list', { offset })),
  });
}
