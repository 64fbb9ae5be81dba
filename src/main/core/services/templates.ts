/**
 * Templates and their versions. A draft version is edited freely; `publish` freezes it, and a
 * frozen version's sections and criteria can no longer change — audits that pinned it rely on
 * their checklist staying what it was. A new version starts as a copy of an earlier one.
 */
import type { z } from 'zod';
import type { Criterion, Section, TemplateVersion, TemplateVersionCreate } from '../../../shared/domain/template';
import type { ReadableDB } from '../db/handles';
import { listRecords } from '../repositories/table';
import { CRITERION, SECTION, TEMPLATE, TEMPLATE_VERSION } from '../repositories/specs';
import type { ServiceContext } from './context';
import { createEntity, crudService, requireRecord, updateEntity, violation, withoutMeta, type Rules } from './entity';

function requireDraft(db: ReadableDB, versionId: string): void {
  const v = requireRecord(db, TEMPLATE_VERSION, versionId);
  if (v.status !== 'draft') {
    throw violation(`Version ${v.number} is published and frozen; create a new version to change the checklist.`);
  }
}

const sectionRules: Rules<Section> = {
  refs: { versionId: TEMPLATE_VERSION },
  check: (db, s) => requireDraft(db, s.versionId),
};

const criterionRules: Rules<Criterion> = {
  refs: { sectionId: SECTION },
  check(db, c) {
    requireDraft(db, requireRecord(db, SECTION, c.sectionId).versionId);
    if (c.responseType === 'choice' && c.choices.length < 2)
      throw violation('A choice criterion needs at least two options.');
  },
};

export const templates = crudService(TEMPLATE);
const sectionCrud = crudService(SECTION, sectionRules);
const criterionCrud = crudService(CRITERION, criterionRules);

/** Archiving a section or criterion changes the checklist, so it needs a draft too. */
export const sections = {
  ...sectionCrud,
  archive: (ctx: ServiceContext, input: { id: string }) => {
    requireDraft(ctx.db, requireRecord(ctx.db, SECTION, input.id).versionId);
    return sectionCrud.archive(ctx, input);
  },
};

export const criteria = {
  ...criterionCrud,
  archive: (ctx: ServiceContext, input: { id: string }) => {
    const c = requireRecord(ctx.db, CRITERION, input.id);
    requireDraft(ctx.db, requireRecord(ctx.db, SECTION, c.sectionId).versionId);
    return criterionCrud.archive(ctx, input);
  },
  /** Criteria of a section, or of a whole version in section order. */
  list: (
    ctx: ServiceContext,
    input: { sectionId?: string | undefined; versionId?: string | undefined; includeArchived?: boolean | undefined },
  ) => {
    if (input.sectionId) return listRecords(ctx.db, CRITERION, { sectionId: input.sectionId }, input.includeArchived);
    if (!input.versionId) throw violation('Give a sectionId or a versionId.');
    const secs = listRecords(ctx.db, SECTION, { versionId: input.versionId }, input.includeArchived);
    return secs.flatMap((s) => listRecords(ctx.db, CRITERION, { sectionId: s.id }, input.includeArchived));
  },
};

export const templateVersions = {
  create(ctx: ServiceContext, input: z.output<typeof TemplateVersionCreate>): TemplateVersion {
    requireRecord(ctx.db, TEMPLATE, input.templateId);
    const last = ctx.db
      .prepare(`SELECT coalesce(max(number), 0) AS n FROM template_version WHERE template_id = ?`)
      .get(input.templateId) as { n: number };
    const version = createEntity(
      ctx,
      TEMPLATE_VERSION,
      {},
      {
        templateId: input.templateId,
        number: last.n + 1,
        status: 'draft',
        note: input.note,
      },
    );
    if (input.copyFrom) {
      const source = requireRecord(ctx.db, TEMPLATE_VERSION, input.copyFrom);
      if (source.templateId !== input.templateId)
        throw violation('A version can only be copied from the same template.');
      for (const s of listRecords(ctx.db, SECTION, { versionId: source.id })) {
        const copy = createEntity(ctx, SECTION, sectionRules, { ...withoutMeta(s), versionId: version.id });
        for (const c of listRecords(ctx.db, CRITERION, { sectionId: s.id })) {
          createEntity(ctx, CRITERION, criterionRules, { ...withoutMeta(c), sectionId: copy.id });
        }
      }
    }
    return version;
  },
  get: (ctx: ServiceContext, input: { id: string }) => requireRecord(ctx.db, TEMPLATE_VERSION, input.id),
  list: (ctx: ServiceContext, input: { templateId: string; includeArchived?: boolean | undefined }) =>
    listRecords(ctx.db, TEMPLATE_VERSION, { templateId: input.templateId }, input.includeArchived),
  publish(ctx: ServiceContext, input: { id: string }): TemplateVersion {
    const v = requireRecord(ctx.db, TEMPLATE_VERSION, input.id);
    if (v.status === 'published') return v;
    const count = ctx.db
      .prepare(
        `SELECT count(*) AS n FROM criterion c JOIN template_section s ON s.id = c.section_id
         WHERE s.version_id = ? AND c.archived_at IS NULL AND s.archived_at IS NULL`,
      )
      .get(v.id) as { n: number };
    if (count.n === 0) throw violation('A version without criteria cannot be published.');
    return updateEntity(ctx, TEMPLATE_VERSION, {}, v.id, { status: 'published' }, 'status');
  },
};

/** True when the criterion belongs to the given template version. */
export function criterionInVersion(db: ReadableDB, criterionId: string, versionId: string): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM criterion c JOIN template_section s ON s.id = c.section_id WHERE c.id = ? AND s.version_id = ?`,
      )
      .get(criterionId, versionId) !== undefined
  );
}
