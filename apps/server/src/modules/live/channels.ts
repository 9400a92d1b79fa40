import type { LiveChannelKind } from '@atrium/contracts';
import { canSeePerson, type Viewer } from '../../platform/access/people.ts';
import { canReadSpace, canSeeSpace, membershipOf } from '../../platform/access/spaces.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { AppError } from '../../platform/http/errors.ts';
import { findPersonById } from '../people/people.repository.ts';
import { loadReadablePost } from '../posts/load-post.ts';
import { findReadableRecord } from '../records/record-access.ts';
import { findSpaceById } from '../spaces/spaces.repository.ts';

/** Ids are UUIDs (text); anything else names no channel. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface Channel {
  kind: LiveChannelKind;
  id: string | null;
  /** The canonical name: `company`, `me:<personId>`, `<kind>:<id>`. */
  name: string;
}

export const personalChannel = (personId: string): string => `me:${personId}`;

/** A channel name as a client writes it; `me` stands for the viewer's own `me:<id>`. */
export function parseChannel(raw: string, viewerId: string): Channel | undefined {
  if (raw === 'company') return { kind: 'company', id: null, name: 'company' };
  if (raw === 'me') return { kind: 'me', id: viewerId, name: personalChannel(viewerId) };
  const colon = raw.indexOf(':');
  if (colon < 0) return undefined;
  const kind = raw.slice(0, colon);
  const id = raw.slice(colon + 1);
  if (!ID.test(id)) return undefined;
  if (kind === 'me' || kind === 'space' || kind === 'record' || kind === 'post' || kind === 'person') {
    return { kind, id, name: `${kind}:${id}` };
  }
  return undefined;
}

export type ChannelVerdict = 'ok' | 'not_found' | 'forbidden';

/**
 * May the viewer listen on this channel now? Asked at subscribe time and again when their access
 * changes; every delivery is filtered again when it is sent. Whatever the viewer may not know exists
 * (a secret space, someone else's personal channel, a post they cannot read) is `not_found`, exactly
 * like a missing one.
 */
export async function authorizeChannel(
  db: Executor,
  viewer: Viewer,
  channel: Channel,
): Promise<ChannelVerdict> {
  const id = channel.id ?? '';
  switch (channel.kind) {
    case 'company':
      return viewer.kind === 'member' ? 'ok' : 'forbidden';
    case 'me':
      return id === viewer.id ? 'ok' : 'not_found';
    case 'space': {
      const space = await findSpaceById(db, id);
      if (!space) return 'not_found';
      const membership = await membershipOf(db, space.id, viewer.id);
      if (!canSeeSpace(viewer, space, membership)) return 'not_found';
      return canReadSpace(viewer, space, membership) ? 'ok' : 'forbidden';
    }
    case 'record':
      return (await findReadableRecord(db, viewer, id)) ? 'ok' : 'not_found';
    case 'post':
      try {
        await loadReadablePost(db, viewer, id);
        return 'ok';
      } catch (error) {
        if (error instanceof AppError) return 'not_found';
        throw error;
      }
    case 'person': {
      const person = await findPersonById(db, id);
      return person && (await canSeePerson(db, viewer, person)) ? 'ok' : 'not_found';
    }
  }
}
