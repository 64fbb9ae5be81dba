/**
 * Installs a checklist template file through the API: template → draft version → sections and
 * criteria (positions 0..n, in file order) → publish. The built-in templates are JSON files under
 * resources/templates, imported statically so the bundler embeds them (no file paths at run time).
 */
import { TemplateFile, type TemplateFile as TemplateFileType } from '../../../shared/exchange/templateFile';
import type { Call } from '../../../shared/api/contract';
import localPolice from '../../../../resources/templates/local_police.json' with { type: 'json' };
import employmentServices from '../../../../resources/templates/employment_services.json' with { type: 'json' };
import generalFrontOffice from '../../../../resources/templates/general_front_office.json' with { type: 'json' };

export interface InstalledTemplate {
  templateId: string;
  versionId: string;
  /** Criterion ids by section and position: `criterionIds[section][criterion]`. */
  criterionIds: string[][];
  /** Criterion ids by the `ref` the file gives them (criteria without a ref are absent). */
  criterionIdByRef: Record<string, string>;
}

/** The three built-in templates, parsed (a malformed file fails at start-up and in tests). */
export const BUILT_IN_TEMPLATES: readonly TemplateFileType[] = [
  localPolice,
  employmentServices,
  generalFrontOffice,
].map((json) => TemplateFile.parse(json));

/** The built-in template with this key, or undefined. */
export const builtInTemplate = (key: string): TemplateFileType | undefined =>
  BUILT_IN_TEMPLATES.find((t) => t.key === key);

export async function installTemplate(call: Call, file: TemplateFileType): Promise<InstalledTemplate> {
  const t = await call('templates.create', { key: file.key, name: file.name, description: file.description });
  const v = await call('templateVersions.create', { templateId: t.id, note: file.versionNote ?? '' });
  const criterionIds: string[][] = [];
  const criterionIdByRef: Record<string, string> = {};
  for (const [si, s] of file.sections.entries()) {
    const section = await call('sections.create', { versionId: v.id, position: si, title: s.title });
    const ids: string[] = [];
    for (const [ci, c] of s.criteria.entries()) {
      const criterion = await call('criteria.create', {
        sectionId: section.id,
        position: ci,
        text: c.text,
        guidance: c.guidance ?? {},
        responseType: c.responseType,
        choices: c.choices ?? [],
        weight: c.weight ?? null,
        grounds: c.grounds,
        reference: c.reference ?? '',
      });
      ids.push(criterion.id);
      if (c.ref) criterionIdByRef[c.ref] = criterion.id;
    }
    criterionIds.push(ids);
  }
  await call('templateVersions.publish', { id: v.id });
  return { templateId: t.id, versionId: v.id, criterionIds, criterionIdByRef };
}
