/**
 * The session: who one works as, in which workspace (the user's programme or the demo), in
 * which language. The workspace and settings themselves are held by the core (../index.ts) and
 * reached through `SessionControl`, so these handlers are ordinary handlers of the dispatcher.
 */
import type { SessionState } from '../../../shared/api/contract';
import type { Person } from '../../../shared/domain/programme';
import type { Language } from '../../../shared/domain/vocabulary';
import type { Fields } from '../repositories/table';
import { PERSON } from '../repositories/specs';
import type { ReadContext, ServiceContext } from './context';
import { createEntity, requireRecord } from './entity';
import { personRules } from './programme';
import { rule } from './problems';

export type WorkspaceName = SessionState['workspace'];

export interface SessionControl {
  state(): SessionState;
  setCurrentPersonId(id: string): void;
  setLanguage(language: Language): void;
  /** Closes the open workspace and opens `name` (the demo is built on its first open). */
  openWorkspace(name: WorkspaceName): Promise<void>;
}

export const session = {
  get: (ctx: { session: SessionControl }): SessionState => ctx.session.state(),

  /** First start: the first person creates themselves (the record is attributed to its own id). */
  begin(ctx: ServiceContext & { session: SessionControl }, input: Fields<Person>): SessionState {
    if (ctx.db.prepare(`SELECT 1 FROM person WHERE archived_at IS NULL LIMIT 1`).get())
      throw rule('sessionAlreadyBegun');
    // The first person sets up the programme, its people and templates: the coordinator's work.
    if (input.role !== 'coordinator') throw rule('sessionFirstCoordinator', {}, 'role');
    const id = ctx.newId();
    createEntity(ctx, PERSON, personRules, input, { id, personId: id });
    ctx.session.setCurrentPersonId(id);
    return ctx.session.state();
  },

  setCurrentPerson(ctx: ReadContext & { session: SessionControl }, input: { personId: string }): SessionState {
    const p = requireRecord(ctx.db, PERSON, input.personId);
    if (p.archivedAt !== null) throw rule('sessionPersonArchived', {}, 'personId');
    ctx.session.setCurrentPersonId(p.id);
    return ctx.session.state();
  },

  setLanguage(ctx: { session: SessionControl }, input: { language: Language }): Promise<SessionState> {
    ctx.session.setLanguage(input.language);
    return Promise.resolve(ctx.session.state());
  },

  async openWorkspace(ctx: { session: SessionControl }, input: { workspace: WorkspaceName }): Promise<SessionState> {
    await ctx.session.openWorkspace(input.workspace);
    return ctx.session.state();
  },
};
