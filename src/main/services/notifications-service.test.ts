import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localMigrationsDir, makeTempDir } from '../../../tests/support/temp-dir';
import { testVictim } from '../../../tests/support/victim-fixture';
import type { SessionUser } from '../../shared/ipc/contract';
import { Database } from '../db/connection';
import { loadMigrations, migrate } from '../db/migrations';
import { EscalationsRepository } from '../db/repositories/escalations-repository';
import { TasksRepository } from '../db/repositories/tasks-repository';
import { VictimsRepository } from '../db/repositories/victims-repository';
import { seedDemoCacheIfEmpty } from './demo-seed-service';
import { notificationsFor } from './notifications-service';
import { currentDemoBvvSet } from '../../shared/demo/demo-parameter-sets';
import { installApprovedParameterSets } from '../../shared/domain/parameters/registry';

const temp = makeTempDir();
afterAll(() => temp.cleanup());
const today = '2026-11-29';

function freshDb(name: string): Database {
  const db = new Database(join(temp.dir, `${name}.sqlite`));
  migrate(db, loadMigrations(localMigrationsDir));
  return db;
}

const worker: SessionUser = { id: 'demo-inning-1', displayName: 'Sanne', role: 'medewerker_inning', teamName: 'T' };
const lead: SessionUser = { id: 'lead', displayName: 'Marieke', role: 'teamleider', teamName: 'T' };
const victimWorker: SessionUser = {
  id: 'v',
  displayName: 'Fatima',
  role: 'medewerker_slachtofferinformatie',
  teamName: 'S',
};

describe('notifications', () => {
  it('tells a worker about their own urgent or nearly due tasks, not about colleagues’', () => {
    const db = freshDb('worker');
    seedDemoCacheIfEmpty(db, { seed: 3, persons: 100, claims: 500 }, undefined, today);
    const items = notificationsFor(db, worker, today).filter((n) => n.kind === 'urgente_taak');
    const tasks = new TasksRepository(db);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const task = tasks.get(item.id.replace('taak:', ''));
      expect(task?.assigneeId).toBe(worker.id);
      expect(task?.priority === 'urgent' || (task?.dueDate ?? '') <= '2026-12-01').toBe(true);
    }
    expect(notificationsFor(db, victimWorker, today).some((n) => n.kind === 'urgente_taak')).toBe(false);
    db.close();
  });

  it('tells a team lead how many decisions wait for approval, and nobody else', () => {
    const db = freshDb('lead');
    new EscalationsRepository(db).upsertFromServer(
      [1, 2].map((n) => ({
        id: `e${n}`,
        claimId: `c${n}`,
        personId: `p${n}`,
        step: 'gijzeling' as const,
        status: 'ter_goedkeuring' as const,
        motivation: 'Verhaal mislukt, geen andere middelen.',
        decidedBy: 'Sanne',
        decidedById: 'u-sdevries',
        decidedAt: '2026-11-28T10:00:00.000Z',
        approvedBy: null,
        approvalNote: null,
        trace: [],
        version: n,
      })),
    );
    expect(notificationsFor(db, lead, today)).toContainEqual(
      expect.objectContaining({
        kind: 'goedkeuring',
        title: '2 besluiten wachten op uw goedkeuring',
        route: '/teamoverzicht',
      }),
    );
    expect(notificationsFor(db, worker, today).some((n) => n.kind === 'goedkeuring')).toBe(false);
    db.close();
  });

  it('tells the victim-information worker of deadlines within a week, escapes first', () => {
    const db = freshDb('victims');
    const victims = new VictimsRepository(db);
    victims.upsertVictims([testVictim({ offenderPersonId: 'o1', displayName: 'A. Jansen' })]);
    victims.upsertEvents([
      {
        id: 'ev-far',
        offenderPersonId: 'o1',
        kind: 'invrijheidstelling',
        eventDate: '2027-02-01',
        reportedOn: today,
        version: 1,
      },
      {
        id: 'ev-escape',
        offenderPersonId: 'o1',
        kind: 'ontvluchting',
        eventDate: today,
        reportedOn: today,
        version: 2,
      },
    ]);
    const items = notificationsFor(db, victimWorker, today);
    expect(items.map((n) => n.id)).toEqual(['slachtoffer:v1:ev-escape']);
    expect(items[0]).toMatchObject({ urgent: true, route: '/slachtofferinformatie/v1' });
    // Victim names never reach the other roles' notifications.
    expect(JSON.stringify(notificationsFor(db, lead, today))).not.toContain('Jansen');
    db.close();
  });
});

describe('notifications for the functioneel beheerder: norm dates', () => {
  const beheerder: SessionUser = { id: 'b', displayName: 'Henk', role: 'functioneel_beheerder', teamName: 'F' };
  afterAll(() => installApprovedParameterSets([]));

  it('eight weeks before 1 January with no set for it, and at once for a running half-year without one', () => {
    const db = freshDb('beheerder');
    installApprovedParameterSets([]);
    // 7 December 2026: no set from 1 July 2026 (overdue), and 1 January 2027 is 25 days away.
    const now = notificationsFor(db, beheerder, '2026-12-07').filter((n) => n.kind === 'normen');
    expect(now.map((n) => [n.title, n.urgent])).toEqual([
      ['Normen per 01-07-2026 ontbreken', true],
      ['Normen per 01-01-2027 nog niet vastgesteld', false],
    ]);
    expect(now.every((n) => n.route === '/parameters')).toBe(true);
    // The same half-year's first day, with the set approved: nothing left for 1 July 2026.
    installApprovedParameterSets([currentDemoBvvSet('2026-07-01')]);
    expect(notificationsFor(db, beheerder, '2026-11-04').filter((n) => n.kind === 'normen')).toEqual([]); // 58 days
    expect(notificationsFor(db, beheerder, '2026-11-06').map((n) => n.id)).toEqual(['normen:2027-01-01']); // 56 days
    // A worker is not told.
    expect(notificationsFor(db, worker, '2026-12-07').some((n) => n.kind === 'normen')).toBe(false);
    db.close();
  });
});
