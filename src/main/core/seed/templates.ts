/**
 * Installs a checklist template file through the API (`templates.import`: template, version 1
 * with its sections and criteria in file order, published). The built-in templates are JSON files
 * under resources/templates, imported statically so the bundler embeds them (no file paths at
 * run time).
 */
import { TemplateFile, type TemplateFile as TemplateFileType } from '../../../shared/exchange/templateFile';
import type { Call } from '../../../shared/api/contract';
import localPolice from '../../../../resources/templates/local_police.json' with { type: 'json' };
import employmentServices from '../../../../resources/templates/employment_services.json' with { type: 'json' };
import generalFrontOffice from '../../../../resources/templates/general_front_office.json' with { type: 'json' };

export interface InstalledTemplate {
  templateId: string;
  versionId: string;
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

/** Installs a template file through the API, in one call (one transaction). */
export async function installTemplate(call: Call, file: TemplateFileType): Promise<InstalledTemplate> {
  const { template, version, criterionIdsByRef } = await call('templates.import', { file });
  return { templateId: template.id, versionId: version.id, criterionIdByRef: criterionIdsByRef };
}
