import { useState } from 'react';
import { Select } from '../../components/ui/index.ts';
import { useMe } from '../auth/session.ts';
import { Composer, type ComposerTarget } from '../posts/composer/Composer.tsx';
import { canAnnounceIn, useMySpaces } from '../posts/useMySpaces.ts';

/** The home page composer: the company feed (employees) or one of my spaces. */
export function HomeComposer() {
  const me = useMe();
  const employee = me.person.kind === 'member';
  const spaces = useMySpaces();
  const mine = spaces.data?.items ?? [];
  const [choice, setChoice] = useState('');
  // Until the person picks: the company feed for employees, else their first space.
  const value = choice || (employee ? 'company' : mine[0] ? `space:${mine[0].id}` : '');
  const chosen = mine.find((space) => `space:${space.id}` === value) ?? null;

  let target: ComposerTarget | null = null;
  if (chosen) {
    target = {
      input: { type: 'space', id: chosen.id },
      label: chosen.name,
      canAnnounce: canAnnounceIn(me, chosen),
    };
  } else if (value === 'company' && employee) {
    target = { input: { type: 'company' }, label: 'the company feed', canAnnounce: canAnnounceIn(me, null) };
  }

  const options = [
    ...(employee ? [{ value: 'company', label: 'Company feed' }] : []),
    ...mine.map((space) => ({ value: `space:${space.id}`, label: space.name })),
  ];
  if (options.length === 0)
    options.push({ value: '', label: spaces.isPending ? 'Loading your spaces…' : 'Join a space to post' });

  return (
    <Composer
      target={target}
      targetField={
        <Select
          label="Post to"
          value={value}
          options={options}
          onChange={(event) => setChoice(event.target.value)}
          hint={
            chosen
              ? `Visible to those who can read ${chosen.name}.`
              : employee
                ? 'Visible to every employee.'
                : undefined
          }
        />
      }
    />
  );
}
