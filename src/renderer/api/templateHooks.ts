/**
 * react-query hooks of the Templates screen. Every template change refreshes the roots in
 * `TEMPLATE_KEYS` (the lists, the versions, the checklists and the built-in list), which are few
 * and small.
 */
import { useQuery } from '@tanstack/react-query';
import type { Paged } from '../../shared/domain/common';
import { api } from './client';

export const TEMPLATE_KEYS = ['templates', 'templateVersions', 'checklist', 'builtIns', 'grounds'] as const;

async function allPages<T>(page: (offset: number) => Promise<Paged<T>>): Promise<T[]> {
  const items: T[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const p: Paged<T> = await page(offset);
    items.push(...p.items);
    offset = p.next;
  }
  return items;
}

export function useTemplates() {
  return useQuery({
    queryKey: ['templates', 'list'],
    queryFn: () => allPages((offset) => api.call('templates.list', { offset })),
  });
}

export function useTemplateVersions(templateId: string | null) {
  return useQuery({
    queryKey: ['templateVersions', templateId],
    enabled: templateId !== null,
    queryFn: () => allPages((offset) => api.call('templateVersions.list', { templateId: templateId!, offset })),
  });
}

export function useChecklist(versionId: string | null) {
  return useQuery({
    queryKey: ['checklist', versionId],
    enabled: versionId !== null,
    queryFn: () => api.call('templateVersions.checklist', { id: versionId! }),
  });
}

export function useBuiltIns() {
  return useQuery({ queryKey: ['builtIns'], queryFn: () => api.call('templates.builtIns', {}) });
}

export function useGrounds() {
  return useQuery({
    queryKey: ['grounds', 'list'],
    queryFn: () => allPages((offset) => api.call('grounds.list', { offset })),
  });
}
