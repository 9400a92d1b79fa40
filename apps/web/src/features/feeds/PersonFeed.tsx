import { useId } from 'react';
import { EmptyState } from '../../components/ui/index.ts';
import type { Profile } from '../../lib/types.ts';
import { useMe } from '../auth/session.ts';
import { Composer } from '../posts/composer/Composer.tsx';
import { feeds } from './api.ts';
import { PersonMuteButton } from './FeedPreferences.tsx';
import { PostFeed } from './PostFeed.tsx';

/** On a profile: what the person posted and what others posted on their profile. */
export function PersonFeed({ profile }: { profile: Profile }) {
  const me = useMe();
  const headingId = useId();
  const isMe = me.person.id === profile.id;
  const canPost = me.person.kind === 'member' && profile.status === 'active';
  return (
    <section className="person-feed feed-page" aria-labelledby={headingId}>
      <div className="spread">
        <h2 id={headingId}>Posts</h2>
        {isMe ? null : <PersonMuteButton person={profile} />}
      </div>
      {canPost ? (
        <Composer
          title={isMe ? 'Write on your profile' : `Write to ${profile.name}`}
          target={{
            input: { type: 'person', id: profile.id },
            label: isMe ? 'your profile' : `${profile.name}'s profile`,
            canAnnounce: false,
          }}
        />
      ) : null}
      <PostFeed
        source={feeds.person(profile.handle)}
        label={`Posts by and for ${profile.name}`}
        live={{ channels: [`person:${profile.id}`] }}
        empty={<EmptyState title="No posts yet" />}
      />
    </section>
  );
}
