import { REACTION_KINDS, type ReactionKind } from '@atrium/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, enc, errorMessage } from '../../../lib/api.ts';
import { plural } from '../../../lib/format.ts';
import { Popover } from '../card/Popover.tsx';
import { SmileIcon } from '../icons.tsx';
import { REACTION_LABELS } from '../labels.ts';
import type { ReactionSummary } from '../types.ts';
import { Reactors } from './Reactors.tsx';
import { toggledSummary, totalReactions } from './reactionSummary.ts';

export type ReactionSubjectPath = 'posts' | 'comments';

interface ReactionsBarProps {
  subject: ReactionSubjectPath;
  id: string;
  summary: ReactionSummary;
  canReact: boolean;
  /** Shows a new summary: at once (optimistic), then the server's, or the old one after a failure. */
  onChange: (summary: ReactionSummary) => void;
}

/** Reaction counts as toggle buttons, a picker with the whole set, and who reacted. */
export function ReactionsBar({ subject, id, summary, canReact, onChange }: ReactionsBarProps) {
  const [status, setStatus] = useState('');
  const toggle = useMutation({
    mutationFn: ({ kind, on }: { kind: ReactionKind; on: boolean; previous: ReactionSummary }) => {
      const path = `/api/v1/${subject}/${enc(id)}/reactions/${kind}`;
      return on ? api.put<ReactionSummary>(path) : api.delete<ReactionSummary>(path);
    },
    onMutate: ({ kind, on }) => onChange(toggledSummary(summary, kind, on)),
    onSuccess: (answer, { kind, on }) => {
      if (answer?.counts) onChange(answer);
      setStatus(`${on ? 'Added' : 'Removed'} your ${REACTION_LABELS[kind].label} reaction.`);
    },
    onError: (error, { previous }) => {
      onChange(previous);
      setStatus(`Could not change the reaction: ${errorMessage(error)}`);
    },
  });
  const react = (kind: ReactionKind, on: boolean) => toggle.mutate({ kind, on, previous: summary });
  const total = totalReactions(summary);

  return (
    <div className="reactions">
      {summary.counts.length > 0 ? (
        <ul className="reaction-chips" aria-label="Reactions">
          {summary.counts.map(({ kind, count }) => {
            const mine = summary.mine.includes(kind);
            const { label, emoji } = REACTION_LABELS[kind];
            return (
              <li key={kind}>
                <button
                  type="button"
                  className="chip-button reaction-chip"
                  aria-pressed={mine}
                  aria-label={`${label}: ${count}`}
                  disabled={!canReact}
                  onClick={() => react(kind, !mine)}
                >
                  <span aria-hidden="true">{emoji}</span> <span aria-hidden="true">{count}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {canReact ? (
        <Popover
          title="Choose a reaction"
          trigger={
            <>
              <SmileIcon /> React
            </>
          }
        >
          {(close) => (
            <ul className="reaction-picker">
              {REACTION_KINDS.map((kind) => {
                const mine = summary.mine.includes(kind);
                return (
                  <li key={kind}>
                    <button
                      type="button"
                      className="reaction-pick"
                      aria-pressed={mine}
                      title={REACTION_LABELS[kind].label}
                      onClick={() => {
                        react(kind, !mine);
                        close();
                      }}
                    >
                      <span aria-hidden="true">{REACTION_LABELS[kind].emoji}</span>
                      <span className="visually-hidden">{REACTION_LABELS[kind].label}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </Popover>
      ) : null}
      {total > 0 ? (
        <Popover
          title="Who reacted"
          buttonClassName="link-button"
          trigger={plural(total, 'reaction')}
          label={`Who reacted (${plural(total, 'reaction')})`}
          className="reactors-popover"
        >
          {() => <Reactors subject={subject} id={id} kinds={summary.counts.map((entry) => entry.kind)} />}
        </Popover>
      ) : null}
      <span className="visually-hidden" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
