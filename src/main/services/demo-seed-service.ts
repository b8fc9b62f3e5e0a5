import { ParameterSetsRepository } from '../db/repositories/parameter-sets-repository';
import { demoParameterSetWire } from '../../shared/demo/demo-parameter-sets';
import type { TeamMemberWire } from '../../shared/api/entities';
import { generateDemoData, type DemoOptions } from '../../shared/demo/generator';
import { generateDemoTasks } from '../../shared/demo/tasks';
import type { Database } from '../db/connection';
import { ClaimsRepository } from '../db/repositories/claims-repository';
import { PersonsRepository } from '../db/repositories/persons-repository';
import { TasksRepository } from '../db/repositories/tasks-repository';
import { TeamRepository } from '../db/repositories/team-repository';
import { todayInAmsterdam } from '../../shared/domain/amsterdam-clock';

/** The local demo team: the local user's colleagues (invented), so queues and assignments have people. */
export function localDemoTeam(localUserId: string, localUserName: string): TeamMemberWire[] {
  return [
    { id: localUserId, displayName: localUserName, role: 'medewerker_inning', version: 1 },
    { id: 'demo-inning-2', displayName: 'Pieter Visser', role: 'medewerker_inning', version: 1 },
    { id: 'demo-inning-3', displayName: 'Lotte Jansen', role: 'medewerker_inning', version: 1 },
  ];
}

/**
 * Fills an empty local cache with deterministic demo data. Until the central API syncs real
 * queues this is what `npm start` shows; it never touches a cache that already has claims.
 */
export function seedDemoCacheIfEmpty(
  db: Database,
  options: DemoOptions,
  team: readonly TeamMemberWire[] = localDemoTeam('demo-inning-1', 'Sanne de Vries'),
  today = todayInAmsterdam(),
): number {
  const claims = new ClaimsRepository(db);
  if (claims.count() > 0) return 0;
  const data = generateDemoData(options);
  const persons = new PersonsRepository(db);
  db.transaction(() => {
    persons.upsertMany(data.persons.map((p) => ({ ...p, version: 1 })));
    claims.upsertMany(data.claims.map((c) => ({ ...c, version: 1 })));
    new TeamRepository(db).upsertMembers(team);
    new TasksRepository(db).upsertFromServer(
      generateDemoTasks(data.claims, today).map(({ assigneeSlot, ...task }) => ({
        ...task,
        assigneeId: assigneeSlot === null ? null : (team[assigneeSlot % team.length]?.id ?? null),
        version: 1,
      })),
    );
  });
  return data.claims.length;
}

/**
 * The demo's approved norms for the current half-year (the central's demo seed approves the same
 * set), so a demo without a central API does not flag every assessment as past a norm update.
 */
export function seedDemoParameterSets(db: Database, today = todayInAmsterdam()): void {
  const repository = new ParameterSetsRepository(db);
  if (repository.all().length === 0) repository.upsertMany([demoParameterSetWire(today)]);
}
