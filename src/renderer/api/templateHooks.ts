/**
 * react-query hooks of the Templates screen. Every template change refreshes the roots in
 * `TEMPLATE_KEYS` (the lists, the versions, the checklists and the built-in list), which are few
 * and small.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { allPages } from './hooks';

export const TEMPLATE_KEYS = ['templates', 'templateVersions', 'checklist', 'builtIns', 'grounds'] as const;

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
