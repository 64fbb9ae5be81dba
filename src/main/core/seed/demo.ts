/**
 * Loads the demo programme (resources/demo/demo.json) into an empty database through the API
 * only, so every record passes the same validation and rules as one typed by a user, and every
 * change is attributed and written to the history.
 *
 * Order: the session begins as the demo coordinator (who creates themselves), then programme,
 * people, services and templates; for each audit the team's field records (observations,
 * situation tests, per-auditor responses, consolidated results), then findings and
 * recommendations, then the managers' responses; finally the action plan. Records are attributed
 * to whoever owns them (docs/product.md, "Who owns which data"): the session switches to an
 * auditor for their answers and observations, to the lead for situation tests, to whoever the
 * file names for consolidated results, to the manager for management responses, and to a
 * measure's responsible person for its progress updates — and back to the coordinator at the
 * end. Audit statuses move step by step (AUDIT_STEPS) as the work they stand for is loaded, and,
 * given `setNow`, every record is dated when the demo's story says it happened.
 */
import {
  AUDIT_STATUSES,
  AUDIT_STEP_NAMES,
  AUDIT_STEPS,
  AUDIT_TRANSITIONS,
  type AuditStatus,
  type AuditStep,
  type Language,
} from '../../../shared/domain/vocabulary';
import type { EvidenceLink } from '../../../shared/domain/evidence';
import type { Call } from '../../../shared/api/contract';
import { DemoSource, inLanguage, type DemoAudit, type DemoEvidence, type DemoFile } from './demoFile';
import { builtInTemplate, installTemplate, type InstalledTemplate } from './templates';
import demoJson from '../../../../resources/demo/demo.json' with { type: 'json' };

let parsed: DemoSource | undefined;
/** The bundled demo file, parsed once, in `language` (its bilingual texts in that language). */
export function demoFile(language: Language = 'en'): DemoFile {
  parsed ??= DemoSource.parse(demoJson);
  return inLanguage(parsed, language);
}

/** The statuses an audit passes through from `planned` to `target` (shortest path in AUDIT_TRANSITIONS). */
export function statusPath(target: AuditStatus): AuditStatus[] {
  const previous = new Map<AuditStatus, AuditStatus | null>([['planned', null]]);
  const queue: AuditStatus[] = ['planned'];
  while (queue.length) {
    const s = queue.shift()!;
    if (s === target) break;
    for (const next of AUDIT_TRANSITIONS[s]) {
      if (!previous.has(next)) {
        previous.set(next, s);
        queue.push(next);
      }
    }
  }
  if (!previous.has(target)) throw new Error(`No path of status transitions leads to ${target}.`);
  const path: AuditStatus[] = [];
  for (let s: AuditStatus | null = target; s; s = previous.get(s) ?? null) path.unshift(s);
  return path;
}

/** A map from local refs to ids that names what is missing instead of returning undefined. */
class Refs {
  private readonly ids = new Map<string, string>();
  constructor(private readonly what: string) {}
  set(ref: string, id: string): void {
    if (this.ids.has(ref)) throw new Error(`demo.json: the ${this.what} ref "${ref}" is used twice.`);
    this.ids.set(ref, id);
  }
  get(ref: string): string {
    const id = this.ids.get(ref);
    if (id === undefined) throw new Error(`demo.json: no ${this.what} with ref "${ref}".`);
    return id;
  }
}

export interface DemoOptions {
  /** The language its bilingual texts are loaded in (default `en`): the interface language. */
  language?: Language;
  /** Dates the few records the file leaves undated (default: the demo's `asOf` day). */
  now?: () => Date;
  /**
   * Moves the clock of the database being filled, so records carry the dates the demo tells
   * (an answer given in March 2025 is stored as given then). Without it, the core's clock is used.
   */
  setNow?: (iso: string) => void;
}

/** Loads the bundled demo. */
export async function loadDemo(call: Call, options: DemoOptions = {}): Promise<void> {
  await loadDemoFile(call, demoFile(options.language), options);
}

/** `2025-03-23` → `2025-03-23T<time>Z`; a timestamp → the same instant in UTC. */
const instant = (dateOrTimestamp: string, time = '09:00:00'): string =>
  new Date(dateOrTimestamp.length === 10 ? `${dateOrTimestamp}T${time}Z` : dateOrTimestamp).toISOString();

/** The step of AUDIT_STEPS that moves `from` to `to`. */
function stepBetween(from: AuditStatus, to: AuditStatus): AuditStep {
  const step = AUDIT_STEP_NAMES.find(
    (n) => AUDIT_STEPS[n].to === to && (AUDIT_STEPS[n].from as readonly AuditStatus[]).includes(from),
  );
  if (!step) throw new Error(`No step moves an audit from ${from} to ${to}.`);
  return step;
}

/** Loads a parsed demo file into an empty database. */
export async function loadDemoFile(call: Call, demo: DemoFile, options: DemoOptions = {}): Promise<void> {
  const now = options.now ?? (() => new Date(instant(demo.asOf, '12:00:00')));
  const at = (iso: string | null | undefined): void => {
    if (iso) options.setNow?.(iso);
  };
  const people = new Refs('person');
  const codes = new Map(demo.people.map((p) => [p.ref, p.code]));

  // 1. The coordinator begins the session: every later change is attributed.
  const coordinator = demo.people.find((p) => p.ref === demo.coordinator);
  if (!coordinator || coordinator.role !== 'coordinator') {
    throw new Error(`demo.json: the coordinator "${demo.coordinator}" must be a person with the coordinator role.`);
  }
  at(instant(demo.programme.periodStart ?? demo.asOf, '08:00:00'));
  const { ref: _coordinatorRef, ...coordinatorFields } = coordinator;
  const session = await call('session.begin', coordinatorFields);
  if (!session.currentPerson) throw new Error('session.begin did not set the current person.');
  const coordinatorId = session.currentPerson.id;
  people.set(coordinator.ref, coordinatorId);

  let current = coordinatorId;
  /** Runs `work` as `personId`, switching the session only when needed. */
  const as = async <T>(personId: string, work: () => Promise<T>): Promise<T> => {
    if (current !== personId) {
      await call('session.setCurrentPerson', { personId });
      current = personId;
    }
    return work();
  };

  // 2. Programme, people, services, templates.
  await call('programme.setUp', demo.programme);
  const start = instant(demo.programme.periodStart ?? demo.asOf, '08:00:00');
  for (const p of demo.people) {
    if (p.ref === coordinator.ref) continue;
    const { ref, ...fields } = p;
    // A certification is never in the future: an auditor certified later joins on that day.
    if (p.certificationDate && instant(p.certificationDate, '08:00:00') > start)
      at(instant(p.certificationDate, '08:00:00'));
    people.set(ref, (await call('people.create', fields)).id);
    at(start);
  }
  const services = new Refs('service');
  for (const s of demo.services) {
    const { ref, manager, ...fields } = s;
    const created = await call('services.create', {
      ...fields,
      managerId: manager === null ? null : people.get(manager),
    });
    services.set(ref, created.id);
  }
  const templates = new Map<string, InstalledTemplate>();
  for (const key of demo.templates) {
    const file = builtInTemplate(key);
    if (!file) throw new Error(`demo.json: no built-in template with key "${key}".`);
    templates.set(key, await installTemplate(call, file));
  }

  // 3. Audits, each with its field records, findings, recommendations and answers.
  const recommendations = new Refs('recommendation');
  for (const audit of demo.audits) {
    const template = templates.get(audit.template);
    if (!template)
      throw new Error(`demo.json: audit "${audit.ref}" uses template "${audit.template}", which is not installed.`);
    await loadAudit(audit, template);
  }

  async function loadAudit(a: DemoAudit, template: InstalledTemplate): Promise<void> {
    const criterion = (ref: string): string => {
      const id = template.criterionIdByRef[ref];
      if (!id) throw new Error(`demo.json: audit "${a.ref}": no criterion "${ref}" in template "${a.template}".`);
      return id;
    };
    at(instant(a.plannedStart ?? demo.asOf, '08:00:00'));
    let audit = await as(coordinatorId, () =>
      call('audits.plan', {
        serviceId: services.get(a.service),
        templateVersionId: template.versionId,
        title: a.title,
        scope: a.scope,
        methods: a.methods,
        leadId: a.lead === null ? null : people.get(a.lead),
        teamIds: a.team.map((r) => people.get(r)),
        plannedStart: a.plannedStart,
        plannedEnd: a.plannedEnd,
        actualStart: a.actualStart,
        actualEnd: a.actualEnd,
      }),
    );
    const lead = a.lead === null ? coordinatorId : people.get(a.lead);

    // Status moves along the path to the audit's final status, never beyond it.
    const path = statusPath(a.status);
    let reached = 0;
    const advance = async (stage: AuditStatus): Promise<void> => {
      await as(coordinatorId, async () => {
        while (
          reached + 1 < path.length &&
          AUDIT_STATUSES.indexOf(path[reached + 1]!) <= AUDIT_STATUSES.indexOf(stage)
        ) {
          const step = stepBetween(path[reached]!, path[reached + 1]!);
          audit = await call(`audits.${step}`, { id: audit.id, rev: audit.rev });
          reached += 1;
        }
      });
    };

    at(instant(a.actualStart ?? a.plannedStart ?? demo.asOf, '08:30:00'));
    await advance('fieldwork');
    const auditId = audit.id;
    const observations = new Refs('observation');
    for (const o of a.observations) {
      const authorId = people.get(o.author);
      at(instant(o.observedAt));
      const rec = await as(authorId, () =>
        call('observations.record', {
          auditId,
          observedAt: o.observedAt,
          location: o.location,
          method: o.method,
          narrative: o.narrative,
          grounds: o.grounds,
          severity: o.severity,
          criterionIds: o.criteria.map(criterion),
          personalData: o.personalData,
        }),
      );
      observations.set(o.ref, rec.id);
    }
    const tests = new Refs('situation test');
    for (const t of a.situationTests) {
      const { ref, testerA, testerB, ...fields } = t;
      const code = (r: string) => {
        people.get(r);
        return codes.get(r)!;
      };
      at(instant(t.conductedOn, '18:00:00'));
      const rec = await as(lead, () =>
        call('situationTests.record', { ...fields, auditId, testerACode: code(testerA), testerBCode: code(testerB) }),
      );
      tests.set(ref, rec.id);
    }
    const responses = new Refs('response');
    for (const r of a.responses) {
      const auditorId = people.get(r.auditor);
      at(r.answeredAt ? instant(r.answeredAt) : now().toISOString());
      const rec = await as(auditorId, () =>
        call('audits.recordAnswer', {
          auditId,
          criterionId: criterion(r.criterion),
          rating: r.rating,
          value: r.value,
          note: r.note,
          evidence: r.evidence.map((e) => ({ kind: 'observation' as const, id: observations.get(e) })),
          rev: null,
        }),
      );
      responses.set(`${r.auditor}/${r.criterion}`, rec.id);
    }
    at(instant(a.actualEnd ?? demo.asOf, '10:00:00'));
    const consolidated = new Refs('consolidated result');
    for (const c of a.consolidatedResults) {
      const decidedBy = people.get(c.decidedBy);
      const rec = await as(decidedBy, () =>
        call('audits.consolidate', {
          auditId,
          criterionId: criterion(c.criterion),
          rating: c.rating,
          value: c.value,
          note: c.note,
          rev: null,
        }),
      );
      consolidated.set(c.criterion, rec.id);
    }

    at(instant(a.actualEnd ?? demo.asOf, '12:00:00'));
    await advance('in_review');
    const evidence = (e: DemoEvidence): EvidenceLink => {
      switch (e.kind) {
        case 'observation':
          return { kind: e.kind, id: observations.get(e.ref) };
        case 'situation_test':
          return { kind: e.kind, id: tests.get(e.ref) };
        case 'response':
          return { kind: e.kind, id: responses.get(`${e.auditor}/${e.criterion}`) };
        case 'consolidated_result':
          return { kind: e.kind, id: consolidated.get(e.criterion) };
      }
    };
    const findings = new Refs('finding');
    await as(coordinatorId, async () => {
      for (const f of a.findings) {
        const { ref, evidence: links, ...fields } = f;
        const rec = await call('findings.create', { ...fields, auditId, evidence: links.map(evidence) });
        findings.set(ref, rec.id);
      }
      for (const r of a.recommendations) {
        const { ref, findings: refs, ...fields } = r;
        const rec = await call('recommendations.create', {
          ...fields,
          auditId,
          findingIds: refs.map((f) => findings.get(f)),
        });
        recommendations.set(ref, rec.id);
      }
    });
    for (const m of a.managementResponses) {
      const managerId = people.get(m.manager);
      at(m.respondedAt ? instant(m.respondedAt) : now().toISOString());
      await as(managerId, () =>
        call('recommendations.answer', {
          recommendationId: recommendations.get(m.recommendation),
          decision: m.decision,
          justification: m.justification,
          committedMeasure: m.committedMeasure,
          rev: null,
        }),
      );
    }
    await advance(a.status);
  }

  // 4. The Local Action Plan.
  for (const m of demo.measures) {
    const { ref: _ref, recommendations: recs, responsible, progress, ...fields } = m;
    const responsibleId = responsible === null ? null : people.get(responsible);
    // Planned when it starts, or by the demo's day for one that starts later.
    at(instant(m.startDate && m.startDate < demo.asOf ? m.startDate : demo.asOf, '08:00:00'));
    const measure = await as(coordinatorId, () =>
      call('measures.create', {
        ...fields,
        recommendationIds: recs.map((r) => recommendations.get(r)),
        responsibleId,
      }),
    );
    for (const p of progress) {
      const { author, ...update } = p;
      const by = author !== undefined ? people.get(author) : (responsibleId ?? coordinatorId);
      at(instant(p.date, '17:00:00'));
      await as(by, () => call('measures.recordProgress', { ...update, measureId: measure.id }));
    }
  }

  at(instant(demo.asOf, '18:00:00'));
  await as(coordinatorId, async () => undefined);
}
