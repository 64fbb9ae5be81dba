/**
 * Templates and their versions. A draft version is edited freely; `publish` freezes it, and a
 * frozen version's sections and criteria can no longer change — audits that pinned it rely on
 * their checklist staying what it was. A change to a published checklist starts a new draft (a
 * copy), at most one draft per template at a time.
 *
 * Positions: the live sections of a version, and the live criteria of a section, are numbered
 * 0..n-1 without gaps; adding, moving and removing renumber the siblings (each renumbered record
 * gets a new revision and a history entry, like any other change).
 */
import type { z } from 'zod';
import type {
  Checklist,
  Criterion,
  CriterionAdd,
  CriterionEdit,
  CriterionMove,
  Section,
  SectionAdd,
  SectionMove,
  StartDraft,
  Template,
  TemplateCreate,
  TemplateVersion,
} from '../../../shared/domain/template';
import {
  TEMPLATE_FILE_FORMAT,
  TEMPLATE_FILE_VERSION,
  fileGrounds,
  readTemplateFile,
  type TemplateFile,
  type TemplateFileProblem,
} from '../../../shared/exchange/templateFile';
import type { LocalizedText } from '../../../shared/domain/common';
import { BUILT_IN_TEMPLATES, builtInTemplate } from '../seed/templates';
import type { ReadableDB } from '../db/handles';
import {
  listRecords,
  pageRecords,
  queryRecords,
  type EntitySpec,
  type Fields,
  type Paging,
} from '../repositories/table';
import { CRITERION, SECTION, TEMPLATE, TEMPLATE_VERSION } from '../repositories/specs';
import type { ReadContext, ServiceContext } from './context';
import {
  archiveEntity,
  createEntity,
  recordService,
  requireRecord,
  updateEntity,
  withoutMeta,
  type Rules,
} from './entity';
import { checkGrounds } from './programme';
import { conflict, rule } from './problems';
import type { AppError } from '../../../shared/api/errors';

function requireDraft(db: ReadableDB, versionId: string): TemplateVersion {
  const v = requireRecord(db, TEMPLATE_VERSION, versionId);
  if (v.status !== 'draft') throw rule('templateVersionFrozen', { number: v.number });
  return v;
}

const templateRules: Rules<Template> = {
  check(db, t, before) {
    if (t.key === '' || (before && before.key === t.key)) return;
    const clash = db
      .prepare(`SELECT 1 FROM template WHERE key = ? AND id <> ? AND archived_at IS NULL`)
      .get(t.key, t.id);
    if (clash) throw rule('templateKeyExists', { key: t.key }, 'key');
  },
};

const sectionRules: Rules<Section> = {
  refs: { versionId: TEMPLATE_VERSION },
  check: (db, s) => void requireDraft(db, s.versionId),
  checkArchive: (db, s) => void requireDraft(db, s.versionId),
};

const criterionRules: Rules<Criterion> = {
  refs: { sectionId: SECTION },
  check(db, c, before) {
    requireDraft(db, requireRecord(db, SECTION, c.sectionId).versionId);
    if (c.responseType === 'choice' && c.choices.length < 2) throw rule('criterionChoicesNeeded', {}, 'choices');
    if (c.responseType !== 'choice' && c.choices.length > 0) throw rule('criterionChoicesOnlyForChoice', {}, 'choices');
    checkGrounds(db, c.grounds, before?.grounds);
  },
  checkArchive: (db, c) => void requireDraft(db, requireRecord(db, SECTION, c.sectionId).versionId),
};

const versionRules: Rules<TemplateVersion> = { refs: { templateId: TEMPLATE } };

/**
 * Gives `ordered` (the live siblings in their new order) the positions 0..n-1, changing only
 * those whose position moves.
 */
function renumber<R extends Section | Criterion>(
  ctx: ServiceContext,
  spec: EntitySpec<R>,
  rules: Rules<R>,
  ordered: readonly R[],
): void {
  ordered.forEach((r, position) => {
    if (r.position !== position) {
      const patch: Partial<Fields<R>> = {};
      (patch as { position?: number }).position = position;
      updateEntity(ctx, spec, rules, r.id, r.rev, patch);
    }
  });
}

/** `list` with `item` inserted at `position` (clamped to the end). */
function insertAt<T>(list: readonly T[], item: T, position: number | undefined): T[] {
  const at = Math.min(position ?? list.length, list.length);
  return [...list.slice(0, at), item, ...list.slice(at)];
}

const sectionsOf = (db: ReadableDB, versionId: string) => listRecords(db, SECTION, { versionId });
const criteriaOf = (db: ReadableDB, sectionId: string) => listRecords(db, CRITERION, { sectionId });

const templateRecord = recordService(TEMPLATE, templateRules);

export const templates = {
  list: (ctx: ReadContext, input: Paging & { includeArchived?: boolean | undefined }) =>
    pageRecords(ctx.db, TEMPLATE, {}, input),
  get: templateRecord.get,
  update: templateRecord.update,
  archive: templateRecord.archive,

  /** A city's own template with an empty draft version 1. */
  create(ctx: ServiceContext, input: z.output<typeof TemplateCreate>) {
    const template = createEntity(ctx, TEMPLATE, templateRules, input);
    const version = createEntity(ctx, TEMPLATE_VERSION, versionRules, {
      templateId: template.id,
      number: 1,
      status: 'draft',
      note: '',
    });
    return { template, version };
  },

  /** Installs a template file: the template, version 1 with its sections and criteria, published. */
  import(ctx: ServiceContext, input: { file: TemplateFile }) {
    const { file } = input;
    const template = createEntity(ctx, TEMPLATE, templateRules, {
      key: file.key,
      name: file.name,
      description: file.description,
    });
    let version = createEntity(ctx, TEMPLATE_VERSION, versionRules, {
      templateId: template.id,
      number: 1,
      status: 'draft',
      note: file.versionNote ?? '',
    });
    const criterionIdsByRef: Record<string, string> = {};
    file.sections.forEach((s, si) => {
      const section = createEntity(ctx, SECTION, sectionRules, { versionId: version.id, position: si, title: s.title });
      s.criteria.forEach((c, ci) => {
        const criterion = createEntity(ctx, CRITERION, criterionRules, {
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
        if (c.ref) criterionIdsByRef[c.ref] = criterion.id;
      });
    });
    version = updateEntity(
      ctx,
      TEMPLATE_VERSION,
      versionRules,
      version.id,
      version.rev,
      { status: 'published' },
      'status',
    );
    return { template, version, criterionIdsByRef };
  },

  /**
   * Installs a template file from its text, as chosen in the UI. A file that is not a valid
   * template is refused with its first problem — where in the file and why — before anything is
   * written; so is one naming a ground this programme does not have, or a key already in use.
   */
  importFile(ctx: ServiceContext, input: { content: string }) {
    const read = readTemplateFile(input.content);
    if (!read.ok) throw fileProblem(read.problem);
    const { file } = read;
    for (const { path, code } of fileGrounds(file)) {
      const g = ctx.db.prepare(`SELECT archived_at FROM ground WHERE code = ?`).get(code) as
        { archived_at: string | null } | undefined;
      if (!g) throw fileProblem({ key: 'templateFileGroundUnknown', params: { path, code } });
      if (g.archived_at !== null) throw fileProblem({ key: 'templateFileGroundArchived', params: { path, code } });
    }
    if (file.key !== '' && liveTemplateWithKey(ctx.db, file.key)) {
      throw fileProblem({ key: 'templateFileKeyExists', params: { path: 'key', key: file.key } });
    }
    return templates.import(ctx, { file });
  },

  /** One version as a template file (the format of resources/templates), and a file name for it. */
  export(ctx: ReadContext, input: { versionId: string }): { fileName: string; file: TemplateFile } {
    const checklist = templateVersions.checklist(ctx, { id: input.versionId });
    const { template, version } = checklist;
    const file: TemplateFile = {
      format: TEMPLATE_FILE_FORMAT,
      formatVersion: TEMPLATE_FILE_VERSION,
      key: template.key,
      name: template.name,
      description: template.description,
      ...(version.note ? { versionNote: version.note } : {}),
      sections: checklist.sections.map((s) => ({
        title: s.title,
        criteria: s.criteria.map((c) => ({
          text: c.text,
          ...(Object.keys(c.guidance).length > 0 ? { guidance: c.guidance } : {}),
          responseType: c.responseType,
          ...(c.responseType === 'choice' ? { choices: c.choices } : {}),
          ...(c.weight !== null ? { weight: c.weight } : {}),
          grounds: c.grounds,
          ...(c.reference ? { reference: c.reference } : {}),
        })),
      })),
    };
    const base = template.key || slug(template.name) || 'template';
    return { fileName: `${base}-v${version.number}.json`, file };
  },

  /**
   * A city's own copy of a version: a new template (no key) named `name`, whose draft version 1
   * holds a copy of the version's sections and criteria.
   */
  duplicate(ctx: ServiceContext, input: { versionId: string; name: LocalizedText }) {
    const source = requireRecord(ctx.db, TEMPLATE_VERSION, input.versionId);
    const original = requireRecord(ctx.db, TEMPLATE, source.templateId);
    const template = createEntity(ctx, TEMPLATE, templateRules, {
      key: '',
      name: input.name,
      description: original.description,
    });
    const version = createEntity(ctx, TEMPLATE_VERSION, versionRules, {
      templateId: template.id,
      number: 1,
      status: 'draft',
      note: '',
    });
    copyChecklist(ctx, source.id, version.id);
    return { template, version };
  },

  /** The built-in templates that come with the app, and which of them this programme has installed. */
  builtIns(ctx: ReadContext) {
    return BUILT_IN_TEMPLATES.map((t) => ({
      key: t.key,
      name: t.name,
      description: t.description,
      sections: t.sections.length,
      criteria: t.sections.reduce((n, s) => n + s.criteria.length, 0),
      templateId: liveTemplateWithKey(ctx.db, t.key)?.id ?? null,
    }));
  },

  /** Installs a built-in template (once: its key is then taken). */
  installBuiltIn(ctx: ServiceContext, input: { key: string }) {
    const file = builtInTemplate(input.key);
    if (!file) throw rule('templateBuiltInUnknown', { key: input.key }, 'key');
    if (liveTemplateWithKey(ctx.db, file.key)) throw rule('templateKeyExists', { key: file.key }, 'key');
    const { template, version } = templates.import(ctx, { file });
    return { template, version };
  },
};

/** A refused template file: its problem as a rule refusal about the `content` of the input. */
function fileProblem(problem: TemplateFileProblem): AppError {
  return rule(problem.key, problem.params, 'content');
}

function liveTemplateWithKey(db: ReadableDB, key: string): { id: string } | undefined {
  return db.prepare(`SELECT id FROM template WHERE key = ? AND archived_at IS NULL`).get(key) as
    { id: string } | undefined;
}

/** A name as a file name: lower-case ASCII letters and digits joined by `-`. */
function slug(name: LocalizedText): string {
  const first = Object.values(name).find((s) => s.trim() !== '') ?? '';
  return first
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** Copies the live sections and criteria of version `fromId` into version `toId`, in order. */
function copyChecklist(ctx: ServiceContext, fromId: string, toId: string): void {
  for (const s of sectionsOf(ctx.db, fromId)) {
    const copy = createEntity(ctx, SECTION, sectionRules, { ...withoutMeta(s), versionId: toId });
    for (const c of criteriaOf(ctx.db, s.id)) {
      createEntity(ctx, CRITERION, criterionRules, { ...withoutMeta(c), sectionId: copy.id });
    }
  }
}

export const templateVersions = {
  list: (ctx: ReadContext, input: Paging & { templateId: string; includeArchived?: boolean | undefined }) =>
    pageRecords(ctx.db, TEMPLATE_VERSION, { templateId: input.templateId }, input),
  get: (ctx: ReadContext, input: { id: string }) => requireRecord(ctx.db, TEMPLATE_VERSION, input.id),

  /** The version's live sections and criteria in order: two statements, whatever the size. */
  checklist(ctx: ReadContext, input: { id: string }): Checklist {
    const version = requireRecord(ctx.db, TEMPLATE_VERSION, input.id);
    const template = requireRecord(ctx.db, TEMPLATE, version.templateId);
    const sections = sectionsOf(ctx.db, version.id);
    const criteria = queryRecords(
      ctx.db,
      CRITERION,
      `JOIN template_section s ON s.id = t.section_id
       WHERE s.version_id = ? AND s.archived_at IS NULL AND t.archived_at IS NULL`,
      [version.id],
      's.position, t.position, t.rowid',
    );
    return {
      template,
      version,
      sections: sections.map((s) => ({ ...s, criteria: criteria.filter((c) => c.sectionId === s.id) })),
    };
  },

  /** A new draft, numbered last + 1, copied from `copyFrom` (a version of the same template) if given. */
  startDraft(ctx: ServiceContext, input: z.output<typeof StartDraft>): TemplateVersion {
    requireRecord(ctx.db, TEMPLATE, input.templateId);
    const versions = listRecords(ctx.db, TEMPLATE_VERSION, { templateId: input.templateId });
    const draft = versions.find((v) => v.status === 'draft');
    if (draft) throw rule('templateDraftExists', { number: draft.number });
    const source = input.copyFrom ? requireRecord(ctx.db, TEMPLATE_VERSION, input.copyFrom) : null;
    if (source && source.templateId !== input.templateId) throw rule('templateCopyFromOtherTemplate', {}, 'copyFrom');
    const version = createEntity(ctx, TEMPLATE_VERSION, versionRules, {
      templateId: input.templateId,
      number: Math.max(0, ...versions.map((v) => v.number)) + 1,
      status: 'draft',
      note: input.note,
    });
    if (source) copyChecklist(ctx, source.id, version.id);
    return version;
  },

  publish(ctx: ServiceContext, input: { id: string; rev: number }): TemplateVersion {
    const v = requireDraft(ctx.db, input.id);
    const count = ctx.db
      .prepare(
        `SELECT count(*) AS n FROM criterion c JOIN template_section s ON s.id = c.section_id
         WHERE s.version_id = ? AND c.archived_at IS NULL AND s.archived_at IS NULL`,
      )
      .get(v.id) as { n: number };
    if (count.n === 0) throw rule('templateEmptyVersion');
    return updateEntity(ctx, TEMPLATE_VERSION, versionRules, v.id, input.rev, { status: 'published' }, 'status');
  },
};

export const sections = {
  add(ctx: ServiceContext, input: z.output<typeof SectionAdd>): Section {
    requireDraft(ctx.db, input.versionId);
    const siblings = sectionsOf(ctx.db, input.versionId);
    const added = createEntity(ctx, SECTION, sectionRules, {
      versionId: input.versionId,
      position: siblings.length,
      title: input.title,
    });
    renumber(ctx, SECTION, sectionRules, insertAt(siblings, added, input.position));
    return requireRecord(ctx.db, SECTION, added.id);
  },
  edit: (ctx: ServiceContext, input: { id: string; rev: number; title: Section['title'] }) =>
    updateEntity(ctx, SECTION, sectionRules, input.id, input.rev, { title: input.title }),
  move(ctx: ServiceContext, input: z.output<typeof SectionMove>): Section {
    const section = requireRecord(ctx.db, SECTION, input.id);
    if (section.rev !== input.rev) throw conflict(SECTION.entity, input.rev, section.rev);
    requireDraft(ctx.db, section.versionId);
    const others = sectionsOf(ctx.db, section.versionId).filter((s) => s.id !== section.id);
    renumber(ctx, SECTION, sectionRules, insertAt(others, section, input.position));
    return requireRecord(ctx.db, SECTION, section.id);
  },
  remove(ctx: ServiceContext, input: { id: string; rev: number }): Section {
    const removed = archiveEntity(ctx, SECTION, sectionRules, input.id, input.rev);
    renumber(ctx, SECTION, sectionRules, sectionsOf(ctx.db, removed.versionId));
    return removed;
  },
};

export const criteria = {
  add(ctx: ServiceContext, input: z.output<typeof CriterionAdd>): Criterion {
    const { position, ...fields } = input;
    const siblings = criteriaOf(ctx.db, input.sectionId);
    const added = createEntity(ctx, CRITERION, criterionRules, { ...fields, position: siblings.length });
    renumber(ctx, CRITERION, criterionRules, insertAt(siblings, added, position));
    return requireRecord(ctx.db, CRITERION, added.id);
  },
  edit(ctx: ServiceContext, input: z.output<typeof CriterionEdit>): Criterion {
    const { id, rev, ...patch } = input;
    return updateEntity(ctx, CRITERION, criterionRules, id, rev, patch);
  },
  move(ctx: ServiceContext, input: z.output<typeof CriterionMove>): Criterion {
    const criterion = requireRecord(ctx.db, CRITERION, input.id);
    if (criterion.rev !== input.rev) throw conflict(CRITERION.entity, input.rev, criterion.rev);
    const from = requireRecord(ctx.db, SECTION, criterion.sectionId);
    const to = input.sectionId ? requireRecord(ctx.db, SECTION, input.sectionId) : from;
    if (to.versionId !== from.versionId) throw rule('criterionMoveToOtherVersion', {}, 'sectionId');
    if (to.archivedAt !== null) throw rule('refArchived', { entity: 'section' }, 'sectionId');
    requireDraft(ctx.db, from.versionId);
    let moved = criterion;
    if (to.id !== from.id) {
      // Leave the old section (placed after its last criterion until the new one is renumbered).
      moved = updateEntity(ctx, CRITERION, criterionRules, criterion.id, criterion.rev, {
        sectionId: to.id,
        position: criteriaOf(ctx.db, to.id).length,
      });
      renumber(ctx, CRITERION, criterionRules, criteriaOf(ctx.db, from.id));
    }
    const others = criteriaOf(ctx.db, to.id).filter((c) => c.id !== moved.id);
    renumber(ctx, CRITERION, criterionRules, insertAt(others, moved, input.position));
    return requireRecord(ctx.db, CRITERION, criterion.id);
  },
  remove(ctx: ServiceContext, input: { id: string; rev: number }): Criterion {
    const removed = archiveEntity(ctx, CRITERION, criterionRules, input.id, input.rev);
    renumber(ctx, CRITERION, criterionRules, criteriaOf(ctx.db, removed.sectionId));
    return removed;
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
