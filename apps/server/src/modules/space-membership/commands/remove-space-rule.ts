import type { Viewer } from '../../../platform/access/people.ts';
import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { loadSpace, requireManager } from '../load-space.ts';
import { ruleMatches } from '../member-writes.ts';
import { lockSpace, rulesOf } from '../membership.repository.ts';

/**
 * Removes a rule and the rule-sourced members no remaining rule justifies. Manual and default memberships,
 * and owners, are never touched.
 */
export async function removeSpaceRule(
  ctx: AppContext,
  input: { actor: Viewer; handle: string; id: string; ip: string | null },
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const loaded = await loadSpace(trx, input.actor, input.handle);
    requireManager(loaded);
    const { space } = loaded;
    await lockSpace(trx, ctx.dialect, space.id);
    const rules = await rulesOf(trx, space.id);
    const rule = rules.find((r) => r.id === input.id);
    if (!rule) throw notFound('No such rule.');
    await trx.deleteFrom('space_rules').where('id', '=', rule.id).execute();
    const remaining = rules.filter((r) => r.id !== rule.id);
    const ruleMembers = await trx
      .selectFrom('space_members')
      .innerJoin('people', 'people.id', 'space_members.person_id')
      .select(['people.id', 'people.kind', 'people.status', 'people.department', 'people.location'])
      .where('space_members.space_id', '=', space.id)
      .where('space_members.source', '=', 'rule')
      .where('space_members.role', '!=', 'owner')
      .execute();
    // A deactivated person keeps their memberships (their content stays attributed).
    const unjustified = ruleMembers.filter(
      (p) => p.status === 'active' && !remaining.some((r) => ruleMatches(r, p)),
    );
    for (const person of unjustified) {
      await trx
        .deleteFrom('space_members')
        .where('space_id', '=', space.id)
        .where('person_id', '=', person.id)
        .execute();
      await ctx.outbox.record(trx, {
        name: 'space.member_removed',
        actorId: input.actor.id,
        subjectType: 'person',
        subjectId: person.id,
        spaceId: space.id,
        payload: { source: 'rule', reason: 'rule_removed' },
      });
    }
    await audit(trx, {
      actorId: input.actor.id,
      action: 'space.rule_removed',
      targetType: 'space',
      targetId: space.id,
      ip: input.ip,
      data: { ruleId: rule.id, field: rule.field, value: rule.value, removed: unjustified.length },
    });
  });
}
