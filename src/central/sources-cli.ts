import { parseArgs } from 'node:util';
import { claimKinds, type ClaimKind } from '../shared/domain/claims';
import { audit } from './audit';
import { migrateCentral } from './db/migrate';
import { openSqlClient } from './db/sql-client';
import { createIntakeSource, listIntakeSources, revokeIntakeSource } from './intake/intake-service';

/**
 * `npm run central:sources -- list | add --id ID --name NAME [--kinds k1,k2] [--requests] | revoke --id ID`
 *
 * Keys of the systems that deliver to the central API: CJIB's own sources, the partners of
 * Betalingsregeling Rijk (each only its own claim kinds: `--kinds cak`) and the Digitaal Loket
 * (`--requests --kinds ''`: requests for a betalingsregeling, no claims). A new key is printed once;
 * only its hash is kept. Issuing and revoking are in the audit log. Runs on DATABASE_URL (as the
 * owner: MIGRATION_DATABASE_URL when set) or on the PGlite folder `--data-dir` while no central
 * API has it open.
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    'data-dir': { type: 'string', default: '.data/central' },
    id: { type: 'string' },
    name: { type: 'string' },
    kinds: { type: 'string' },
    requests: { type: 'boolean', default: false },
  },
});

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(2);
};

const command = positionals[0] ?? 'list';
const db = await openSqlClient({
  databaseUrl: process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL,
  dataDir: values['data-dir'],
});
try {
  await migrateCentral(db);
  const actorId = `beheer:${process.env.USER ?? 'onbekend'}`;
  if (command === 'list') {
    for (const s of await listIntakeSources(db)) {
      const what = [s.claimKinds.join(',') || '—', s.submitsRequests ? 'aanvragen' : ''].filter(Boolean).join(' · ');
      process.stdout.write(`${s.id}\t${s.displayName}\t${what}${s.revoked ? '\tingetrokken' : ''}\n`);
    }
  } else if (command === 'add') {
    const id = values.id ?? fail('Geef --id.');
    const kinds = (values.kinds ?? (values.requests ? '' : undefined))?.split(',').filter(Boolean);
    const unknown = kinds?.filter((k) => !(claimKinds as readonly string[]).includes(k)) ?? [];
    if (unknown.length) fail(`Onbekende soort vordering: ${unknown.join(', ')}.`);
    const key = await createIntakeSource(db, id, values.name ?? id, kinds as ClaimKind[] | undefined, {
      submitsRequests: values.requests,
    });
    await audit(db, {
      actorId,
      action: 'create',
      entity: 'intake_source',
      entityId: id,
      detail: { kinds, requests: values.requests },
    });
    process.stderr.write('De sleutel staat hieronder; hij wordt niet bewaard en is later niet meer op te vragen.\n');
    process.stdout.write(`${key}\n`);
  } else if (command === 'revoke') {
    const id = values.id ?? fail('Geef --id.');
    if (!(await revokeIntakeSource(db, id))) fail(`Geen geldige sleutel voor ${id}.`);
    await audit(db, { actorId, action: 'delete', entity: 'intake_source', entityId: id });
    process.stdout.write(`Sleutel van ${id} ingetrokken.\n`);
  } else {
    fail(`Onbekende opdracht ${command}: gebruik list, add of revoke.`);
  }
} finally {
  await db.close();
}
