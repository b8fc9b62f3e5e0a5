import type { Change } from '../../shared/api/entities';
import { cacheTags, listTagId, type CacheTag, type ChangedTag } from '../../shared/ipc/events';

/** Above this many claims in one pull the screens refetch every claim query, not claim by claim. */
const maxClaimIds = 200;

/** The screens' tag for each kind of row in the change feed. */
const tagOfEntity: Record<Change['entity'], CacheTag> = {
  person: 'Claims',
  claim: 'Claims',
  claim_event: 'Claims',
  case_note: 'Notes',
  arrangement: 'Arrangements',
  escalation: 'Escalations',
  victim: 'Victims',
  detention_event: 'Victims',
  victim_notification: 'Victims',
  victim_wish: 'Victims',
  victim_compensation: 'Victims',
  voorschot_payment: 'Victims',
  task: 'Tasks',
  loket_request: 'Tasks',
  team_member: 'Team',
  saved_view: 'Views',
  parameter_set: 'ParameterSets',
};

/**
 * Collects what a pull changed, as RTK Query tags: per claim (its page, its history) plus the
 * claim lists, and the other kinds of rows by type. A person's change touches every claim of
 * theirs, so it counts as all claims.
 */
export class ChangedTags {
  private readonly types = new Set<CacheTag>();
  private readonly claimIds = new Set<string>();
  private allClaims = false;

  add(changes: readonly Change[]): void {
    for (const change of changes) {
      const tag = tagOfEntity[change.entity];
      this.types.add(tag);
      if (change.entity === 'claim') this.claimIds.add(change.data.id);
      else if (change.entity === 'claim_event') this.claimIds.add(change.data.claimId);
      else if (change.entity === 'person') this.allClaims = true;
    }
  }

  /** Every type at once, e.g. after a push whose outcomes touched rows of any kind. */
  addAll(): void {
    for (const tag of cacheTags) this.types.add(tag);
    this.allClaims = true;
  }

  get empty(): boolean {
    return this.types.size === 0;
  }

  /** The tags to invalidate, and forgets them. */
  take(): ChangedTag[] {
    const tags: ChangedTag[] = [];
    for (const type of this.types) {
      if (type !== 'Claims') tags.push({ type });
      else if (this.allClaims || this.claimIds.size > maxClaimIds) tags.push({ type: 'Claims' });
      else tags.push({ type, id: listTagId }, ...[...this.claimIds].map((id) => ({ type, id })));
    }
    this.types.clear();
    this.claimIds.clear();
    this.allClaims = false;
    return tags;
  }
}
