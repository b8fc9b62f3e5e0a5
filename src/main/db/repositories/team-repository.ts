import type { SavedViewWire, TeamMemberWire } from '../../../shared/api/entities';
import { savedViewDefinition } from '../../../shared/api/saved-views';
import type { Database } from '../connection';
import { sql } from '../sql';

const upsertMember = sql`
  INSERT INTO team_members (id, display_name, role, version) VALUES (?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, version = excluded.version`;

const upsertView = sql`
  INSERT INTO saved_views (id, owner_id, owner_name, name, definition, deleted, version, pending)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET owner_id = excluded.owner_id, owner_name = excluded.owner_name, name = excluded.name,
    definition = excluded.definition, deleted = excluded.deleted, version = excluded.version, pending = excluded.pending`;

const viewRow = (v: SavedViewWire, pending: boolean) =>
  [
    v.id,
    v.ownerId,
    v.ownerName,
    v.name,
    JSON.stringify(v.definition),
    v.deleted ? 1 : 0,
    v.version,
    pending ? 1 : 0,
  ] as const;

export interface SavedViewRecord extends SavedViewWire {
  pending: boolean;
}

/** The user's team as far as the cache knows it: its members and its shared saved views. */
export class TeamRepository {
  constructor(private readonly db: Database) {}

  upsertMembers(members: readonly TeamMemberWire[]): void {
    this.db.runMany(
      upsertMember,
      members.map((m) => [m.id, m.displayName, m.role, m.version]),
    );
  }

  members(): TeamMemberWire[] {
    return this.db.all<TeamMemberWire>(
      sql`SELECT id, display_name AS displayName, role, version FROM team_members ORDER BY display_name`,
    );
  }

  upsertViewsFromServer(views: readonly SavedViewWire[]): void {
    this.db.runMany(
      upsertView,
      views.map((v) => viewRow(v, false)),
    );
  }

  saveViewPending(view: SavedViewWire): void {
    this.db.runMany(upsertView, [viewRow(view, true)]);
  }

  view(id: string): SavedViewRecord | undefined {
    return this.views(true).find((v) => v.id === id);
  }

  /** Views not deleted, by name; a stored definition that no longer parses is left out. */
  views(includeDeleted = false): SavedViewRecord[] {
    const rows = this.db.all<{
      id: string;
      owner_id: string;
      owner_name: string;
      name: string;
      definition: string;
      deleted: number;
      version: number;
      pending: number;
    }>(sql`SELECT * FROM saved_views WHERE ${includeDeleted ? 1 : 0} = 1 OR deleted = 0 ORDER BY name, id`);
    return rows.flatMap((row) => {
      const definition = savedViewDefinition.safeParse(JSON.parse(row.definition));
      if (!definition.success) return [];
      return [
        {
          id: row.id,
          ownerId: row.owner_id,
          ownerName: row.owner_name,
          name: row.name,
          definition: definition.data,
          deleted: row.deleted === 1,
          version: row.version,
          pending: row.pending === 1,
        },
      ];
    });
  }
}
