import { useMe } from '../auth/session.ts';
import { useMySpaces } from '../posts/useMySpaces.ts';

/** Leaves room under the server's subscription limit for the rest of the page. */
const MAX_SPACE_CHANNELS = 40;

/** Where posts of a home or topic feed come from: the company feed (employees) and my spaces. */
export function useMyStreamChannels(): string[] {
  const me = useMe();
  const spaces = useMySpaces();
  const mine = (spaces.data?.items ?? []).slice(0, MAX_SPACE_CHANNELS).map((space) => `space:${space.id}`);
  return me.person.kind === 'member' ? ['company', ...mine] : mine;
}
