import type { AppContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events/outbox.ts';
import { findPersonById } from '../../people/people.repository.ts';
import { findSpaceById } from '../../spaces/spaces.repository.ts';
import { addMember, ruleMatches } from '../member-writes.ts';
import { internalSpaceRules } from '../membership.repository.ts';

/**
 * Re-evaluates one person's rule memberships after their profile changed or they joined: joins the spaces
 * whose rules now match, and leaves only the rule-sourced memberships no rule justifies any more (never
 * manual or default ones, never an owner). A deactivated person's memberships stay as they are.
 */
export function reevaluateRuleMemberships(ctx: AppContext): EventHandler {
  return {
    name: 'space-membership.reevaluate_rule_memberships',
    events: ['person.updated', 'person.joined'],
    async handle(event) {
      if (event.subjectType !== 'person' || !event.subjectId) return;
      const personId = event.subjectId;
      await ctx.db.transaction().execute(async (trx) => {
        const person = await findPersonById(trx, personId);
        if (!person || person.status !== 'active') return;
        const rules = await internalSpaceRules(trx);
        const matching = new Set(rules.filter((r) => ruleMatches(r, person)).map((r) => r.space_id));
        const current = await trx
          .selectFrom('space_members')
          .select(['space_id', 'role', 'source'])
          .where('person_id', '=', person.id)
          .execute();
        const memberOf = new Set(current.map((m) => m.space_id));
        for (const spaceId of matching) {
          if (memberOf.has(spaceId)) continue;
          const space = await findSpaceById(trx, spaceId);
          // An archived space takes nobody new.
          if (!space || space.archived_at !== null) continue;
          await addMember(trx, ctx.outbox, { space, person, role: 'member', source: 'rule', actorId: null });
        }
        const stale = current.filter(
          (m) => m.source === 'rule' && m.role !== 'owner' && !matching.has(m.space_id),
        );
        for (const membership of stale) {
          await trx
            .deleteFrom('space_members')
            .where('space_id', '=', membership.space_id)
            .where('person_id', '=', person.id)
            .where('source', '=', 'rule')
            .execute();
          await ctx.outbox.record(trx, {
            name: 'space.member_removed',
            actorId: null,
            subjectType: 'person',
            subjectId: person.id,
            spaceId: membership.space_id,
            payload: { source: 'rule', reason: 'profile_changed' },
          });
        }
      });
      ctx.outbox.notifyCommitted();
    },
  };
}
