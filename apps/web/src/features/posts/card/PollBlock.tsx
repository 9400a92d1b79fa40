import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Alert, Button } from '../../../components/ui/index.ts';
import { api, errorMessage } from '../../../lib/api.ts';
import { formatDateTime, plural } from '../../../lib/format.ts';
import { patchPost, postPath } from '../api.ts';
import type { PollView } from '../types.ts';

interface PollBlockProps {
  postId: string;
  poll: PollView;
}

/** Voting while the poll is open; results once the viewer has voted or the poll has closed. */
export function PollBlock({ postId, poll }: PollBlockProps) {
  const queryClient = useQueryClient();
  const voted = poll.myVotes.length > 0;
  const [changing, setChanging] = useState(false);
  const showResults = poll.closed || (voted && !changing);
  const vote = useMutation({
    mutationFn: (optionIds: string[]) => api.put<PollView>(postPath(postId, '/vote'), { optionIds }),
    onSuccess: (answer) => {
      patchPost(queryClient, postId, () => ({ poll: answer }));
      setChanging(false);
    },
  });
  const deadline = poll.closesAt ? (
    <span>
      {poll.closed ? 'Closed' : 'Closes'}{' '}
      <time dateTime={poll.closesAt}>{formatDateTime(poll.closesAt)}</time>
    </span>
  ) : poll.closed ? (
    <span>Closed</span>
  ) : null;

  return (
    <section className="poll" aria-label="Poll">
      {showResults ? (
        <PollResults poll={poll} />
      ) : (
        <PollForm
          poll={poll}
          pending={vote.isPending}
          onVote={(ids) => vote.mutate(ids)}
          onCancel={voted ? () => setChanging(false) : undefined}
        />
      )}
      <p className="poll-meta muted">
        {plural(poll.voterCount, 'voter')}
        {deadline ? <> · {deadline}</> : null}
        {showResults && voted && !poll.closed ? (
          <>
            {' '}
            ·{' '}
            <button type="button" className="link-button" onClick={() => setChanging(true)}>
              Change vote
            </button>
          </>
        ) : null}
      </p>
      {vote.isError ? <Alert tone="danger">{errorMessage(vote.error)}</Alert> : null}
      {vote.isSuccess ? (
        <span className="visually-hidden" role="status">
          Your vote is recorded.
        </span>
      ) : null}
    </section>
  );
}

interface PollFormProps {
  poll: PollView;
  pending: boolean;
  onVote: (optionIds: string[]) => void;
  onCancel: (() => void) | undefined;
}

function PollForm({ poll, pending, onVote, onCancel }: PollFormProps) {
  const name = useId();
  const [chosen, setChosen] = useState<string[]>(poll.myVotes);
  const toggle = (id: string, checked: boolean) =>
    setChosen((current) =>
      poll.multiple
        ? checked
          ? [...current, id]
          : current.filter((x) => x !== id)
        : checked
          ? [id]
          : current,
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length > 0) onVote(chosen);
  };
  return (
    <form onSubmit={submit}>
      <fieldset className="poll-options">
        <legend className="visually-hidden">{poll.multiple ? 'Choose one or more' : 'Choose one'}</legend>
        {poll.options.map((option) => (
          <label key={option.id} className="poll-option">
            <input
              type={poll.multiple ? 'checkbox' : 'radio'}
              name={name}
              value={option.id}
              checked={chosen.includes(option.id)}
              onChange={(event) => toggle(option.id, event.target.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </fieldset>
      <div className="row">
        <Button type="submit" size="sm" variant="primary" loading={pending} disabled={chosen.length === 0}>
          Vote
        </Button>
        {onCancel ? (
          <Button size="sm" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        {poll.multiple ? <span className="muted">You may choose several.</span> : null}
      </div>
    </form>
  );
}

function PollResults({ poll }: { poll: PollView }) {
  const total = poll.options.reduce((sum, option) => sum + (option.votes ?? 0), 0);
  return (
    <ul className="poll-results">
      {poll.options.map((option) => {
        const votes = option.votes ?? 0;
        const share = total > 0 ? Math.round((votes / total) * 100) : 0;
        const mine = poll.myVotes.includes(option.id);
        return (
          <li key={option.id} className={mine ? 'poll-result mine' : 'poll-result'}>
            <div className="poll-result-text">
              <span>
                {option.label}
                {mine ? <span className="muted"> (your vote)</span> : null}
              </span>
              <span>
                {share}% · {plural(votes, 'vote')}
              </span>
            </div>
            <div className="poll-bar" aria-hidden="true">
              <span style={{ width: `${share}%` }} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
