import type { SpaceAudience, SpaceVisibility } from '@atrium/contracts';
import { badRequest } from '../../../platform/http/errors.ts';

/** A space's text fields as sent: `undefined` leaves a field alone, `null` clears it. */
export interface SpaceTextInput {
  name?: string | undefined;
  description?: string | null | undefined;
  guidelines?: string | null | undefined;
  category?: string | null | undefined;
}

export interface SpaceText {
  name: string;
  description: string | undefined;
  guidelines: string | undefined;
  /** `null` clears it. */
  category: string | null | undefined;
}

const trimmedOrEmpty = (value: string | null | undefined) =>
  value === undefined ? undefined : (value ?? '').trim();

/**
 * Trims the text fields; a name must keep a visible character, a blank category means none. Only
 * fields that were sent come back defined (the name comes back as '' when it was not sent).
 */
export function spaceText(input: SpaceTextInput): SpaceText {
  const name = input.name?.trim();
  if (input.name !== undefined && !name) {
    throw badRequest('A space needs a name.', [{ path: 'body/name', message: 'must not be blank' }]);
  }
  const category = trimmedOrEmpty(input.category);
  return {
    name: name ?? '',
    description: trimmedOrEmpty(input.description),
    guidelines: trimmedOrEmpty(input.guidelines),
    category: category === undefined ? undefined : category || null,
  };
}

/** Company-wide default spaces are open and internal: every employee belongs, no external ever does. */
export const defaultAllowed = (space: { audience: SpaceAudience; visibility: SpaceVisibility }) =>
  space.audience === 'internal' && space.visibility === 'open';
