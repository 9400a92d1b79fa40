import type { SpaceAudience, SpaceVisibility } from '@atrium/contracts';
import type { Viewer } from '../../../platform/access/people.ts';
import { audit } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { newId, nowIso } from '../../../platform/db/time.ts';
import { isUniqueViolation } from '../../../platform/db/unique-violation.ts';
import { badRequest, conflict, forbidden } from '../../../platform/http/errors.ts';
import { inTransaction } from '../../../platform/http/transaction.ts';
import { searchTextOf } from '../../people/handles.ts';
import { isReservedSpaceHandle, uniqueSpaceHandle } from '../space-handles.ts';
import { joinEveryEmployee, type SpaceRow, spaceHandleExists } from '../spaces.repository.ts';
import { defaultAllowed, spaceText } from './space-fields.ts';

export interface CreateSpaceInput {
  actor: Viewer;
  name: string;
  handle?: string | undefined;
  description?: string | null | undefined;
  guidelines?: string | null | undefined;
  category?: string | null | undefined;
  audience: SpaceAudience;
  visibility: SpaceVisibility;
  isDefault?: boolean | undefined;
  ip: string | null;
}

const duplicateHandle = () => conflict('A space with this handle already exists.');

/**
 * Creates a space; only employees create spaces, and the creator becomes its owner. A company-wide
 * default space (site admins only) is joined by every active employee at once.
 */
export async function createSpace(ctx: AppContext, input: CreateSpaceInput): Promise<SpaceRow> {
  const { actor } = input;
  if (actor.kind !== 'member') throw forbidden('Only employees can create spaces.');
  const text = spaceText(input);
  if (input.handle !== undefined && isReservedSpaceHandle(input.handle)) {
    throw badRequest('This handle is reserved.', [{ path: 'body/handle', message: 'is reserved' }]);
  }
  const isDefault = input.isDefault === true;
  if (isDefault) {
    if (actor.role !== 'admin') throw forbidden('Only site administrators make company-wide spaces.');
    if (!defaultAllowed(input)) throw conflict('A company-wide default space must be open and internal.');
  }
  try {
    return await inTransaction(ctx, async (trx) => {
      if (input.handle !== undefined && (await spaceHandleExists(trx, input.handle))) throw duplicateHandle();
      const handle = input.handle ?? (await uniqueSpaceHandle(trx, text.name));
      const now = nowIso();
      const row: SpaceRow = {
        id: newId(),
        handle,
        name: text.name,
        description: text.description ?? '',
        guidelines: text.guidelines ?? '',
        category: text.category ?? null,
        audience: input.audience,
        visibility: input.visibility,
        is_default: isDefault ? 1 : 0,
        avatar_file_id: null,
        cover_file_id: null,
        search_text: searchTextOf([text.name, handle, text.category, text.description]),
        created_by: actor.id,
        created_at: now,
        updated_at: now,
        archived_at: null,
      };
      await trx.insertInto('spaces').values(row).execute();
      await trx
        .insertInto('space_members')
        .values({ space_id: row.id, person_id: actor.id, role: 'owner', source: 'manual', joined_at: now })
        .execute();
      await ctx.outbox.record(trx, {
        name: 'space.created',
        actorId: actor.id,
        subjectType: 'space',
        subjectId: row.id,
        spaceId: row.id,
        payload: { audience: row.audience, visibility: row.visibility, isDefault },
      });
      if (isDefault) {
        const joined = await joinEveryEmployee(trx, row.id, now);
        await audit(trx, {
          actorId: actor.id,
          action: 'space.default_changed',
          targetType: 'space',
          targetId: row.id,
          ip: input.ip,
          data: { from: false, to: true, joined },
        });
      }
      return row;
    });
  } catch (error) {
    // Two creations racing for the same handle: the database's unique index decides.
    if (isUniqueViolation(error)) throw duplicateHandle();
    throw error;
  }
}
