/**
 * react-query hooks over the typed client. Query keys start with the entity name; every change
 * invalidates what it can affect, and a session change (person, workspace) invalidates everything,
 * because lists belong to the open workspace.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, Input, Output } from '../../shared/api/contract';
import { api } from './client';

export const keys = {
  session: ['session'] as const,
  services: (input: Input<'services.list'>) => ['services', input] as const,
  people: (input: Input<'people.list'>) => ['people', input] as const,
  grounds: ['grounds'] as const,
};

export function useSession() {
  return useQuery({ queryKey: keys.session, queryFn: () => api.call('session.get', {}) });
}

export function useServices(input: Input<'services.list'>) {
  return useQuery({ queryKey: keys.services(input), queryFn: () => api.call('services.list', input) });
}

export function usePeople(input: Input<'people.list'>) {
  return useQuery({ queryKey: keys.people(input), queryFn: () => api.call('people.list', input) });
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
