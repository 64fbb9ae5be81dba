/**
 * 0020 — references become relations the database checks.
 *
 * - Grounds: the JSON lists of ground codes of criteria, observations and findings become link
 *   tables, and a situation test's ground a column, all with foreign keys to `ground (code)`.
 *   Records refer to grounds by code, not id, because codes are what travels between machines
 *   (each database seeds its own ground ids). A code found in the data but missing from `ground`
 *   (0010 checked nothing) is added as a ground labelled with the text found, so nothing is lost;
 *   a text that is not a valid code is turned into one (`Star sign!` → `star_sign`).
 * - Evidence: a finding's JSON list of `{kind, id}` and a response's JSON list of ids become one
 *   table, `evidence_link`, with one nullable foreign key per kind of record and CHECKs that each
 *   link has exactly one owner and cites exactly one record. Every foreign key includes the
 *   audit, so evidence from another audit cannot be stored. Response evidence ids were never
 *   checked by 0010: an id is kept when it names an observation, situation test or attachment of
 *   the same audit, and dropped otherwise (the history keeps the original JSON).
 * - One programme per database: `programme_id` leaves services, audits and measures; a trigger
 *   refuses a second live programme. Should a database hold several (0010 allowed it through the
 *   API, never through the app), the oldest stays live and the others are archived.
 * - A measure's status is derived from its latest progress update (see repositories/specs.ts):
 *   `status` and `status_reason` leave `measure`. Where a stored status (or, for a delayed or
 *   cancelled measure, its reason) disagreed with the latest update, a progress update carrying
 *   the stored status and reason is added, so every measure keeps the status it had.
 * - Unique keys hold among live rows only (partial indexes `WHERE archived_at IS NULL`): an
 *   archived answer no longer blocks its auditor from answering again.
 * - Every foreign key has an index whose leftmost columns are the key.
 */
import type { WritableDB } from '../handles';

const META = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  updated_by TEXT,
  rev INTEGER NOT NULL DEFAULT 1,
  archived_at TEXT`;
const META_COLUMNS = ['created_at', 'updated_at', 'created_by', 'updated_by', 'rev', 'archived_at'];

const json = (col: string): string => `${col} TEXT NOT NULL CHECK (json_valid(${col}))`;
const bool = (col: string, nullable = false): string =>
  `${col} INTEGER ${nullable ? '' : 'NOT NULL'} CHECK (${col} IS NULL OR ${col} IN (0, 1))`;

/** New definitions of the rebuilt tables, and the columns copied from the old table by name. */
const REBUILT: readonly { table: string; create: string; copy: readonly string[] }[] = [
  {
    table: 'service',
    create: `(
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      department TEXT NOT NULL,
      address TEXT NOT NULL,
      description TEXT NOT NULL,
      manager_id TEXT REFERENCES person (id),${META}
    ) STRICT`,
    copy: ['id', 'name', 'department', 'address', 'description', 'manager_id'],
  },
  {
    table: 'criterion',
    create: `(
      id TEXT PRIMARY KEY,
      section_id TEXT NOT NULL REFERENCES template_section (id),
      position INTEGER NOT NULL,
      ${json('text')},
      ${json('guidance')},
      response_type TEXT NOT NULL,
      ${json('choices')},
      weight REAL,
      reference TEXT NOT NULL,${META}
    ) STRICT`,
    copy: ['id', 'section_id', 'position', 'text', 'guidance', 'response_type', 'choices', 'weight', 'reference'],
  },
  {
    table: 'audit',
    create: `(
      id TEXT PRIMARY KEY,
      service_id TEXT NOT NULL REFERENCES service (id),
      template_version_id TEXT NOT NULL REFERENCES template_version (id),
      title TEXT NOT NULL,
      scope TEXT NOT NULL,
      ${json('methods')},
      lead_id TEXT REFERENCES person (id),
      status TEXT NOT NULL,
      planned_start TEXT,
      planned_end TEXT,
      actual_start TEXT,
      actual_end TEXT,${META}
    ) STRICT`,
    copy: [
      'id',
      'service_id',
      'template_version_id',
      'title',
      'scope',
      'methods',
      'lead_id',
      'status',
      'planned_start',
      'planned_end',
      'actual_start',
      'actual_end',
    ],
  },
  {
    table: 'response',
    create: `(
      id TEXT PRIMARY KEY,
      audit_id TEXT NOT NULL REFERENCES audit (id),
      criterion_id TEXT NOT NULL REFERENCES criterion (id),
      auditor_id TEXT NOT NULL REFERENCES person (id),
      rating TEXT,
      value ANY,
      note TEXT NOT NULL,
      answered_at TEXT NOT NULL,${META}
    ) STRICT`,
    copy: ['id', 'audit_id', 'criterion_id', 'auditor_id', 'rating', 'value', 'note', 'answered_at'],
  },
  {
    table: 'consolidated_result',
    create: `(
      id TEXT PRIMARY KEY,
      audit_id TEXT NOT NULL REFERENCES audit (id),
      criterion_id TEXT NOT NULL REFERENCES criterion (id),
      rating TEXT,
      value ANY,
      note TEXT NOT NULL,
      decided_by TEXT NOT NULL REFERENCES person (id),${META}
    ) STRICT`,
    copy: ['id', 'audit_id', 'criterion_id', 'rating', 'value', 'note', 'decided_by'],
  },
  {
    table: 'observation',
    create: `(
      id TEXT PRIMARY KEY,
      audit_id TEXT NOT NULL REFERENCES audit (id),
      author_id TEXT NOT NULL REFERENCES person (id),
      observed_at TEXT NOT NULL,
      location TEXT NOT NULL,
      method TEXT NOT NULL,
      narrative TEXT NOT NULL,
      severity TEXT,
      ${bool('personal_data')},${META}
    ) STRICT`,
    copy: [
      'id',
      'audit_id',
      'author_id',
      'observed_at',
      'location',
      'method',
      'narrative',
      'severity',
      'personal_data',
    ],
  },
  {
    table: 'attachment',
    create: `(
      id TEXT PRIMARY KEY,
      audit_id TEXT NOT NULL REFERENCES audit (id),
      observation_id TEXT,
      file_name TEXT NOT NULL,
      media_type TEXT NOT NULL,
      size INTEGER NOT NULL CHECK (size >= 0),
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      caption TEXT NOT NULL,
      ${bool('personal_data')},${META},
      FOREIGN KEY (observation_id, audit_id) REFERENCES observation (id, audit_id)
    ) STRICT`,
    copy: ['id', 'audit_id', 'observation_id', 'file_name', 'media_type', 'size', 'sha256', 'caption', 'personal_data'],
  },
  {
    table: 'situation_test',
    create: `(
      id TEXT PRIMARY KEY,
      audit_id TEXT NOT NULL REFERENCES audit (id),
      scenario TEXT NOT NULL,
      conducted_on TEXT NOT NULL,
      ground_tested TEXT NOT NULL REFERENCES ground (code),
      tester_a_code TEXT NOT NULL,
      profile_a TEXT NOT NULL,
      outcome_a TEXT NOT NULL,
      tester_b_code TEXT NOT NULL,
      profile_b TEXT NOT NULL,
      outcome_b TEXT NOT NULL,
      ${bool('differential_treatment', true)},
      notes TEXT NOT NULL,${META}
    ) STRICT`,
    // ground_tested is rewritten below, after the codes are normalised.
    copy: [
      'id',
      'audit_id',
      'scenario',
      'conducted_on',
      'ground_tested',
      'tester_a_code',
      'profile_a',
      'outcome_a',
      'tester_b_code',
      'profile_b',
      'outcome_b',
      'differential_treatment',
      'notes',
    ],
  },
  {
    table: 'finding',
    create: `(
      id TEXT PRIMARY KEY,
      audit_id TEXT NOT NULL REFERENCES audit (id),
      title TEXT NOT NULL,
      criterion TEXT NOT NULL,
      condition TEXT NOT NULL,
      cause TEXT NOT NULL,
      effect TEXT NOT NULL,
      severity TEXT NOT NULL,
      type TEXT NOT NULL,
      structural_kind TEXT,${META}
    ) STRICT`,
    copy: [
      'id',
      'audit_id',
      'title',
      'criterion',
      'condition',
      'cause',
      'effect',
      'severity',
      'type',
      'structural_kind',
    ],
  },
  {
    table: 'management_response',
    create: `(
      id TEXT PRIMARY KEY,
      recommendation_id TEXT NOT NULL REFERENCES recommendation (id),
      manager_id TEXT NOT NULL REFERENCES person (id),
      decision TEXT NOT NULL,
      justification TEXT NOT NULL,
      committed_measure TEXT NOT NULL,
      responded_at TEXT NOT NULL,${META}
    ) STRICT`,
    copy: ['id', 'recommendation_id', 'manager_id', 'decision', 'justification', 'committed_measure', 'responded_at'],
  },
  {
    table: 'measure',
    create: `(
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      description TEXT NOT NULL,
      action_area TEXT NOT NULL,
      department TEXT NOT NULL,
      responsible_id TEXT REFERENCES person (id),
      start_date TEXT,
      due_date TEXT,
      indicator TEXT NOT NULL,
      baseline REAL,
      target REAL,
      budget REAL,${META}
    ) STRICT`,
    copy: [
      'id',
      'title',
      'description',
      'action_area',
      'department',
      'responsible_id',
      'start_date',
      'due_date',
      'indicator',
      'baseline',
      'target',
      'budget',
    ],
  },
];

const NEW_TABLES = `
CREATE TABLE criterion_ground (
  criterion_id TEXT NOT NULL REFERENCES criterion (id),
  ground_code TEXT NOT NULL REFERENCES ground (code),
  position INTEGER NOT NULL,
  PRIMARY KEY (criterion_id, ground_code)
) STRICT;
CREATE TABLE observation_ground (
  observation_id TEXT NOT NULL REFERENCES observation (id),
  ground_code TEXT NOT NULL REFERENCES ground (code),
  position INTEGER NOT NULL,
  PRIMARY KEY (observation_id, ground_code)
) STRICT;
CREATE TABLE finding_ground (
  finding_id TEXT NOT NULL REFERENCES finding (id),
  ground_code TEXT NOT NULL REFERENCES ground (code),
  position INTEGER NOT NULL,
  PRIMARY KEY (finding_id, ground_code)
) STRICT;

-- One row per citation. The owner is a finding or one auditor's answer (citing_response_id);
-- the cited record is named by the one column of its kind. Each foreign key includes audit_id,
-- so owner and evidence are always of the same audit.
CREATE TABLE evidence_link (
  audit_id TEXT NOT NULL REFERENCES audit (id),
  finding_id TEXT,
  citing_response_id TEXT,
  position INTEGER NOT NULL,
  consolidated_result_id TEXT,
  response_id TEXT,
  observation_id TEXT,
  situation_test_id TEXT,
  attachment_id TEXT,
  FOREIGN KEY (finding_id, audit_id) REFERENCES finding (id, audit_id),
  FOREIGN KEY (citing_response_id, audit_id) REFERENCES response (id, audit_id),
  FOREIGN KEY (consolidated_result_id, audit_id) REFERENCES consolidated_result (id, audit_id),
  FOREIGN KEY (response_id, audit_id) REFERENCES response (id, audit_id),
  FOREIGN KEY (observation_id, audit_id) REFERENCES observation (id, audit_id),
  FOREIGN KEY (situation_test_id, audit_id) REFERENCES situation_test (id, audit_id),
  FOREIGN KEY (attachment_id, audit_id) REFERENCES attachment (id, audit_id),
  CHECK ((finding_id IS NOT NULL) + (citing_response_id IS NOT NULL) = 1),
  CHECK ((consolidated_result_id IS NOT NULL) + (response_id IS NOT NULL) + (observation_id IS NOT NULL)
         + (situation_test_id IS NOT NULL) + (attachment_id IS NOT NULL) = 1),
  -- An answer cites what was seen in the field, not other answers.
  CHECK (citing_response_id IS NULL OR (response_id IS NULL AND consolidated_result_id IS NULL))
) STRICT;
`;

const INDEXES = `
-- Targets of the composite foreign keys above: (id, audit_id) is unique because id is.
CREATE UNIQUE INDEX finding_id_audit ON finding (id, audit_id);
CREATE UNIQUE INDEX response_id_audit ON response (id, audit_id);
CREATE UNIQUE INDEX consolidated_result_id_audit ON consolidated_result (id, audit_id);
CREATE UNIQUE INDEX observation_id_audit ON observation (id, audit_id);
CREATE UNIQUE INDEX situation_test_id_audit ON situation_test (id, audit_id);
CREATE UNIQUE INDEX attachment_id_audit ON attachment (id, audit_id);

-- Unique among live rows only.
CREATE UNIQUE INDEX response_live_answer ON response (audit_id, criterion_id, auditor_id) WHERE archived_at IS NULL;
CREATE UNIQUE INDEX consolidated_result_live ON consolidated_result (audit_id, criterion_id) WHERE archived_at IS NULL;
CREATE UNIQUE INDEX management_response_live ON management_response (recommendation_id, manager_id)
  WHERE archived_at IS NULL;
CREATE UNIQUE INDEX evidence_link_once ON evidence_link (
  coalesce(finding_id, citing_response_id),
  coalesce(consolidated_result_id, response_id, observation_id, situation_test_id, attachment_id)
);

-- One index per foreign key (its leftmost columns), for the screens and reports that filter on it.
CREATE INDEX service_manager ON service (manager_id);
CREATE INDEX criterion_section ON criterion (section_id, position);
CREATE INDEX criterion_ground_code ON criterion_ground (ground_code);
CREATE INDEX audit_service ON audit (service_id);
CREATE INDEX audit_template_version ON audit (template_version_id);
CREATE INDEX audit_lead ON audit (lead_id);
CREATE INDEX audit_member_person ON audit_member (person_id);
CREATE INDEX response_audit ON response (audit_id, criterion_id);
CREATE INDEX response_criterion ON response (criterion_id);
CREATE INDEX response_auditor ON response (auditor_id);
CREATE INDEX consolidated_result_audit ON consolidated_result (audit_id, criterion_id);
CREATE INDEX consolidated_result_criterion ON consolidated_result (criterion_id);
CREATE INDEX consolidated_result_decided_by ON consolidated_result (decided_by);
CREATE INDEX observation_audit ON observation (audit_id, observed_at);
CREATE INDEX observation_author ON observation (author_id);
CREATE INDEX observation_criterion_criterion ON observation_criterion (criterion_id);
CREATE INDEX observation_ground_code ON observation_ground (ground_code);
CREATE INDEX attachment_audit ON attachment (audit_id);
CREATE INDEX attachment_observation ON attachment (observation_id, audit_id);
CREATE INDEX situation_test_audit ON situation_test (audit_id, conducted_on);
CREATE INDEX situation_test_ground ON situation_test (ground_tested);
CREATE INDEX finding_audit ON finding (audit_id);
CREATE INDEX finding_ground_code ON finding_ground (ground_code);
CREATE INDEX evidence_link_audit ON evidence_link (audit_id);
CREATE INDEX evidence_link_finding ON evidence_link (finding_id, audit_id, position);
CREATE INDEX evidence_link_citing_response ON evidence_link (citing_response_id, audit_id, position);
CREATE INDEX evidence_link_consolidated_result ON evidence_link (consolidated_result_id, audit_id);
CREATE INDEX evidence_link_response ON evidence_link (response_id, audit_id);
CREATE INDEX evidence_link_observation ON evidence_link (observation_id, audit_id);
CREATE INDEX evidence_link_situation_test ON evidence_link (situation_test_id, audit_id);
CREATE INDEX evidence_link_attachment ON evidence_link (attachment_id, audit_id);
CREATE INDEX recommendation_audit ON recommendation (audit_id);
CREATE INDEX recommendation_finding_finding ON recommendation_finding (finding_id);
CREATE INDEX management_response_recommendation ON management_response (recommendation_id);
CREATE INDEX management_response_manager ON management_response (manager_id);
CREATE INDEX measure_responsible ON measure (responsible_id);
CREATE INDEX measure_recommendation_recommendation ON measure_recommendation (recommendation_id);
CREATE INDEX progress_update_measure ON progress_update (measure_id, date);

-- One programme per database file (archived ones do not count).
CREATE TRIGGER programme_one_live BEFORE INSERT ON programme
WHEN NEW.archived_at IS NULL AND EXISTS (SELECT 1 FROM programme WHERE archived_at IS NULL)
BEGIN SELECT RAISE(ABORT, 'one programme per database'); END;
CREATE TRIGGER programme_one_live_update BEFORE UPDATE OF archived_at ON programme
WHEN NEW.archived_at IS NULL AND EXISTS (SELECT 1 FROM programme WHERE archived_at IS NULL AND id <> NEW.id)
BEGIN SELECT RAISE(ABORT, 'one programme per database'); END;
`;

/**
 * A valid ground code for any text found in a 0010 grounds list: lower-case letters, digits and
 * `_`, starting with a letter, 2–40 characters. `Star sign!` → `star_sign`; `` → `other`.
 */
export function groundCodeFor(text: string): string {
  let code = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  if (code.length === 1) code = `${code}_`;
  return code.length === 0 ? 'other' : code;
}

function parseList(text: string | null): unknown[] {
  if (text === null) return [];
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

/** Ground codes for a list of texts, without repeats, in order. */
function codesOf(values: unknown[]): { code: string; text: string }[] {
  const seen = new Set<string>();
  const out: { code: string; text: string }[] = [];
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const code = groundCodeFor(v);
    if (seen.has(code)) continue;
    seen.add(code);
    out.push({ code, text: v });
  }
  return out;
}

export function up(db: WritableDB): void {
  const now = new Date().toISOString();

  // Read what lives in JSON before the tables are rebuilt without it.
  const groundLists = (table: string, column: string) =>
    (db.prepare(`SELECT id, ${column} AS list FROM ${table}`).all() as { id: string; list: string | null }[]).map(
      (r) => ({ id: r.id, grounds: codesOf(parseList(r.list)) }),
    );
  const criterionGrounds = groundLists('criterion', 'grounds');
  const observationGrounds = groundLists('observation', 'grounds');
  const findingGrounds = groundLists('finding', 'grounds');
  const tests = (
    db.prepare(`SELECT id, ground_tested AS text FROM situation_test`).all() as { id: string; text: string }[]
  ).map((t) => ({ id: t.id, ground: codesOf([t.text])[0] ?? { code: 'other', text: t.text } }));
  const findingEvidence = db.prepare(`SELECT id, audit_id, evidence FROM finding`).all() as {
    id: string;
    audit_id: string;
    evidence: string;
  }[];
  const responseEvidence = db.prepare(`SELECT id, audit_id, evidence_ids FROM response`).all() as {
    id: string;
    audit_id: string;
    evidence_ids: string;
  }[];
  const measures = db.prepare(`SELECT id, status, status_reason, updated_at, updated_by FROM measure`).all() as {
    id: string;
    status: string;
    status_reason: string;
    updated_at: string;
    updated_by: string | null;
  }[];

  // Several programmes (never made by the app): the oldest stays, the others are archived.
  db.prepare(
    `UPDATE programme SET archived_at = ?, updated_at = ?, rev = rev + 1
     WHERE archived_at IS NULL AND rowid <> (SELECT rowid FROM programme WHERE archived_at IS NULL ORDER BY created_at, rowid LIMIT 1)`,
  ).run(now, now);

  // Every ground code used must exist.
  const known = new Set((db.prepare(`SELECT code FROM ground`).all() as { code: string }[]).map((g) => g.code));
  const addGround = db.prepare(`INSERT INTO ground (id, code, label, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`);
  for (const g of [
    ...criterionGrounds.flatMap((r) => r.grounds),
    ...observationGrounds.flatMap((r) => r.grounds),
    ...findingGrounds.flatMap((r) => r.grounds),
    ...tests.map((t) => t.ground),
  ]) {
    if (known.has(g.code)) continue;
    known.add(g.code);
    addGround.run(crypto.randomUUID(), g.code, JSON.stringify({ en: g.text.trim() || g.code }), now, now);
  }

  for (const { table, create, copy } of REBUILT) {
    const columns = [...copy, ...META_COLUMNS].join(', ');
    db.exec(`CREATE TABLE ${table}_0020 ${create}`);
    db.exec(`INSERT INTO ${table}_0020 (${columns}) SELECT ${columns} FROM ${table}`);
    db.exec(`DROP TABLE ${table}`);
    db.exec(`ALTER TABLE ${table}_0020 RENAME TO ${table}`);
  }
  db.exec(NEW_TABLES);

  const setGroundTested = db.prepare(`UPDATE situation_test SET ground_tested = ? WHERE id = ?`);
  for (const t of tests) setGroundTested.run(t.ground.code, t.id);
  const link = (table: string, owner: string, rows: { id: string; grounds: { code: string }[] }[]) => {
    const insert = db.prepare(`INSERT INTO ${table} (${owner}, ground_code, position) VALUES (?, ?, ?)`);
    for (const r of rows) r.grounds.forEach((g, i) => insert.run(r.id, g.code, i));
  };
  link('criterion_ground', 'criterion_id', criterionGrounds);
  link('observation_ground', 'observation_id', observationGrounds);
  link('finding_ground', 'finding_id', findingGrounds);

  // Evidence: kept when the cited record exists in the same audit.
  const inAudit = (table: string) => db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND audit_id = ?`);
  const exists: Record<string, ReturnType<typeof inAudit>> = {
    consolidated_result: inAudit('consolidated_result'),
    response: inAudit('response'),
    observation: inAudit('observation'),
    situation_test: inAudit('situation_test'),
    attachment: inAudit('attachment'),
  };
  const insertLink = (owner: 'finding_id' | 'citing_response_id', kind: string) =>
    db.prepare(`INSERT OR IGNORE INTO evidence_link (audit_id, ${owner}, position, ${kind}_id) VALUES (?, ?, ?, ?)`);
  const insertFor: Record<string, Record<string, ReturnType<typeof insertLink>>> = {};
  const inserter = (owner: 'finding_id' | 'citing_response_id', kind: string) =>
    ((insertFor[owner] ??= {})[kind] ??= insertLink(owner, kind));
  for (const f of findingEvidence) {
    let position = 0;
    for (const e of parseList(f.evidence)) {
      const { kind, id } = (e ?? {}) as { kind?: unknown; id?: unknown };
      if (typeof kind !== 'string' || typeof id !== 'string' || !exists[kind]?.get(id, f.audit_id)) continue;
      inserter('finding_id', kind).run(f.audit_id, f.id, position++, id);
    }
  }
  for (const r of responseEvidence) {
    let position = 0;
    for (const id of parseList(r.evidence_ids)) {
      if (typeof id !== 'string') continue;
      const kind = (['observation', 'situation_test', 'attachment'] as const).find((k) =>
        exists[k]!.get(id, r.audit_id),
      );
      if (!kind) continue;
      inserter('citing_response_id', kind).run(r.audit_id, r.id, position++, id);
    }
  }

  // Measures keep the status they had: where the latest progress update says otherwise, the
  // stored status is recorded as the newest update.
  const latest = db.prepare(
    `SELECT status, date, note FROM progress_update WHERE measure_id = ? AND archived_at IS NULL ORDER BY date DESC, rowid DESC LIMIT 1`,
  );
  const addUpdate = db.prepare(
    `INSERT INTO progress_update (id, measure_id, date, status, indicator_value, note, created_at, updated_at, created_by, updated_by)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
  );
  for (const m of measures) {
    const last = latest.get(m.id) as { status: string; date: string; note: string } | undefined;
    const sameStatus = (last?.status ?? 'not_started') === m.status;
    // The reason of a delayed or cancelled measure now is its latest update's note: keep it too.
    const needsReason = m.status === 'delayed' || m.status === 'cancelled';
    if (sameStatus && (!needsReason || last?.note === m.status_reason)) continue;
    const changed = m.updated_at.slice(0, 10);
    const date = last && last.date > changed ? last.date : changed;
    addUpdate.run(
      crypto.randomUUID(),
      m.id,
      date,
      m.status,
      m.status_reason,
      m.updated_at,
      m.updated_at,
      m.updated_by,
      m.updated_by,
    );
  }

  db.exec(INDEXES);
}
