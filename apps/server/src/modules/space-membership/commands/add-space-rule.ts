import { LIMITS, type SpaceRuleField } from '@atrium/contracts';
import type { Viewer } from '../../../platform/access/people.ts';
import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { newId, nowIso } from '../../../platform/db/time.ts';
import { badRequest, conflict } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { loadSpace, requireManager } from '../load-space.ts';
import { addMember, assertLive, ruleMatches, ruleValueKey } from '../member-writes.ts';
import { lockSpace, type RuleRow, rulesOf } from '../membership.repository.ts';

/**
 * Adds a membership rule to an internal space and brings in every active employee it matches now
 * (source 'rule'). Later profile changes are handled by handlers/reevaluate-rule-memberships.ts.
 */
export async function addSpaceRule(
  ctx: AppContext,
  input: { actor: Viewer; handle: string; field: SpaceRuleField; value: string; ip: string | null },
): Promise<RuleRow> {
  const value = input.value.trim();
  if (value === '') throw badRequest('Enter a value.', [{ path: 'body/value', message: 'is blank' }]);
  const max = input.field === 'department' ? LIMITS.department : LIMITS.location;
  if (value.length > max) {
    throw badRequest('The value is too long.', [{ path: 'body/value', message: `is longer than ${max}` }]);
  }
  return inTransaction(ctx, async (trx) => {
    const loaded = await loadSpace(trx, input.actor, input.handle);
    requireManager(loaded);
    const { space } = loaded;
    assertLive(space);
    if (space.audience !== 'internal') throw conflict('Membership rules apply to internal spaces only.');
    await lockSpace(trx, ctx.dialect, space.id);
    const existing = await rulesOf(trx, space.id);
    if (existing.length >= LIMITS.spaceRulesPerSpace) {
      throw conflict(`A space has at most ${LIMITS.spaceRulesPerSpace} rules.`);
    }
    if (existing.some((r) => r.field === input.field && ruleValueKey(r.value) === ruleValueKey(value))) {
      throw conflict('This rule already exists.');
    }
    const rule: RuleRow = {
      id: newId(),
      space_id: space.id,
      field: input.field,
      value,
      created_by: input.actor.id,
      created_at: nowIso(),
    };
    await trx.insertInto('space_rules').values(rule).execute();
    // Matching is done here, not in SQL, so it is the same comparison as the re-evaluation handler's.
    const candidates = await trx
      .selectFrom('people')
      .select(['id', 'kind', 'status', 'department', 'location'])
      .where('kind', '=', 'member')
      .where('status', '=', 'active')
      .where(input.field, 'is not', null)
      .where('id', 'not in', (eb) =>
        eb.selectFrom('space_members').select('person_id').where('space_id', '=', space.id),
      )
      .execute();
    let added = 0;
    for (const person of candidates.filter((p) => ruleMatches(rule, p))) {
      await addMember(trx, ctx.outbox, {
        space,
        person,
        role: 'member',
        source: 'rule',
        actorId: input.actor.id,
      });
      added += 1;
    }
    await audit(trx, {
      actorId: input.actor.id,
      action: 'space.rule_added',
      targetType: 'space',
      targetId: space.id,
      ip: input.ip,
      data: { ruleId: rule.id, field: rule.field, value: rule.value, added },
    });
    return rule;
  });
}
