import type { SpaceAudience, SpaceVisibility } from '@atrium/contracts';
import type { Viewer } from '../../../platform/access/people.ts';
import { canSeeSpace, membershipOf } from '../../../platform/access/spaces.ts';
import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/db/time.ts';
import { conflict, forbidden } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { searchTextOf } from '../../people/handles.ts';
import { closeInadmissible } from '../../space-membership/close-inadmissible.ts';
import { spaceNotFound } from '../load-space.ts';
import { spaceAbilities } from '../spaces.policy.ts';
import {
  countExternalMembers,
  countNonOwners,
  findSpaceById,
  hasLivePosts,
  joinEveryEmployee,
  type SpaceRow,
} from '../spaces.repository.ts';
import { defaultAllowed, type SpaceTextInput, spaceText } from './space-fields.ts';

export interface SpacePatch extends SpaceTextInput {
  visibility?: SpaceVisibility | undefined;
  audience?: SpaceAudience | undefined;
  isDefault?: boolean | undefined;
  confirmAudienceChange?: boolean | undefined;
}

const SETTINGS = ['name', 'description', 'guidelines', 'category', 'visibility', 'audience'] as const;

/**
 * Changes a space's settings. Owners and admins of the space edit it; the audience changes only with
 * `changeAudience`; the company-wide default flag only by site admins. Internal→external with members
 * other than the owners needs `confirmAudienceChange`; external→internal is refused while an external
 * person belongs. Visibility, audience and default changes are audited, one row each.
 */
export async function updateSpace(
  ctx: AppContext,
  input: { actor: Viewer; spaceId: string; patch: SpacePatch; ip: string | null },
): Promise<SpaceRow> {
  const { actor, patch } = input;
  const text = spaceText(patch);
  return inTransaction(ctx, async (trx) => {
    const space = await findSpaceById(trx, input.spaceId);
    const membership = space ? await membershipOf(trx, space.id, actor.id) : undefined;
    if (!space || !canSeeSpace(actor, space, membership)) throw spaceNotFound();
    const abilities = spaceAbilities(actor, space, membership, false);
    if (
      (SETTINGS.some((key) => patch[key] !== undefined) || patch.confirmAudienceChange !== undefined) &&
      !abilities.manageSettings
    ) {
      throw forbidden('Only owners and admins of the space can change its settings.');
    }
    const audience = patch.audience ?? space.audience;
    const visibility = patch.visibility ?? space.visibility;
    const wasDefault = space.is_default === 1;
    const isDefault = patch.isDefault ?? wasDefault;
    if (audience !== space.audience && !abilities.changeAudience) {
      throw forbidden("Only the space's owners can change its audience.");
    }
    if (isDefault !== wasDefault && actor.role !== 'admin') {
      throw forbidden('Only site administrators make company-wide spaces.');
    }
    if (isDefault && !defaultAllowed({ audience, visibility })) {
      throw conflict('A company-wide default space must be open and internal.');
    }
    if (audience === 'internal' && space.audience === 'external') {
      if ((await countExternalMembers(trx, space.id)) > 0) {
        throw conflict('External people belong to this space: remove them before making it internal.');
      }
    }
    const confirmed = patch.confirmAudienceChange === true;
    let hadContent = false;
    if (audience === 'external' && space.audience === 'internal') {
      // Content: members other than the owners, or posts.
      hadContent = (await countNonOwners(trx, space.id)) > 0 || (await hasLivePosts(trx, space.id));
      if (hadContent && !confirmed) {
        throw conflict(
          'This space has members or posts: making it external opens it to customers and partners. ' +
            'Send confirmAudienceChange: true to confirm.',
        );
      }
    }

    const next: SpaceRow = {
      ...space,
      name: text.name || space.name,
      description: text.description ?? space.description,
      guidelines: text.guidelines ?? space.guidelines,
      category: text.category === undefined ? space.category : text.category,
      audience,
      visibility,
      is_default: isDefault ? 1 : 0,
    };
    const changed = (
      ['name', 'description', 'guidelines', 'category', 'audience', 'visibility', 'is_default'] as const
    ).filter((key) => next[key] !== space[key]);
    if (changed.length === 0) return space;
    const now = nowIso();
    next.updated_at = now;
    next.search_text = searchTextOf([next.name, next.handle, next.category, next.description]);
    await trx
      .updateTable('spaces')
      .set({
        name: next.name,
        description: next.description,
        guidelines: next.guidelines,
        category: next.category,
        audience: next.audience,
        visibility: next.visibility,
        is_default: next.is_default,
        search_text: next.search_text,
        updated_at: now,
      })
      .where('id', '=', space.id)
      .execute();

    const record = (action: string, data: Record<string, unknown>) =>
      audit(trx, { actorId: actor.id, action, targetType: 'space', targetId: space.id, ip: input.ip, data });
    // Pending invitations and requests the space would no longer accept are closed with the change.
    const closed =
      visibility !== space.visibility || audience !== space.audience
        ? await closeInadmissible(trx, next, { actorId: actor.id, now })
        : { invitationsRevoked: 0, requestsDeclined: 0 };
    // Membership rules select employees: they mean nothing in a space open to customers and partners.
    const rulesRemoved =
      audience === 'external' && space.audience === 'internal'
        ? Number(
            (await trx.deleteFrom('space_rules').where('space_id', '=', space.id).executeTakeFirst())
              .numDeletedRows,
          )
        : 0;
    if (visibility !== space.visibility) {
      await record('space.visibility_changed', { from: space.visibility, to: visibility, ...closed });
    }
    if (audience !== space.audience) {
      await record('space.audience_changed', {
        from: space.audience,
        to: audience,
        confirmed,
        hadContent,
        rulesRemoved,
        ...(visibility === space.visibility ? closed : {}),
      });
    }
    if (isDefault !== wasDefault) {
      const joined = isDefault ? await joinEveryEmployee(trx, space.id, now) : 0;
      await record('space.default_changed', { from: wasDefault, to: isDefault, joined });
    }
    await ctx.outbox.record(trx, {
      name: 'space.updated',
      actorId: actor.id,
      subjectType: 'space',
      subjectId: space.id,
      spaceId: space.id,
      payload: { fields: changed.map((key) => (key === 'is_default' ? 'isDefault' : key)) },
    });
    return next;
  });
}
