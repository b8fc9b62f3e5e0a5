import type { PersonStatus } from '../../../shared/domain/escalatie-situatie';
import type { Database } from '../connection';
import { sql } from '../sql';

export interface PersonRecord {
  id: string;
  bsn: string;
  displayName: string;
  birthDate: string;
  city: string;
  /** Street and house number, and postcode: the postal address letters go to (null: not known). */
  streetAddress?: string | null;
  postcode?: string | null;
  version: number;
  /** From the BRP; collection stops. */
  deceasedOn?: string | null;
  /** Breed moratorium ordered by the court; no enforcement until then. */
  moratoriumUntil?: string | null;
}

const upsertPerson = sql`
  INSERT INTO persons (id, bsn, display_name, birth_date, city, street_address, postcode, deceased_on,
                       moratorium_until, version)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET
    bsn = excluded.bsn, display_name = excluded.display_name, birth_date = excluded.birth_date,
    city = excluded.city, street_address = excluded.street_address, postcode = excluded.postcode,
    deceased_on = excluded.deceased_on, moratorium_until = excluded.moratorium_until, version = excluded.version`;

export class PersonsRepository {
  constructor(private readonly db: Database) {}

  /** Inserts or replaces persons; call inside a transaction for bulk loads. */
  upsertMany(persons: readonly PersonRecord[]): void {
    this.db.runMany(
      upsertPerson,
      persons.map((p) => [
        p.id,
        p.bsn,
        p.displayName,
        p.birthDate,
        p.city,
        p.streetAddress ?? null,
        p.postcode ?? null,
        p.deceasedOn ?? null,
        p.moratoriumUntil ?? null,
        p.version,
      ]),
    );
  }

  get(id: string): PersonRecord | undefined {
    return this.db.get<PersonRecord>(sql`
      SELECT id, bsn, display_name AS displayName, birth_date AS birthDate, city, street_address AS streetAddress,
             postcode, deceased_on AS deceasedOn,
             moratorium_until AS moratoriumUntil, version
      FROM persons WHERE id = ${id}`);
  }

  status(id: string): PersonStatus {
    const person = this.get(id);
    return { deceasedOn: person?.deceasedOn ?? null, moratoriumUntil: person?.moratoriumUntil ?? null };
  }

  count(): number {
    return this.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM persons`)?.n ?? 0;
  }
}
