import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Alert, Avatar, Badge, Button, ButtonLink, Card, PageSpinner } from '../../components/ui/index.ts';
import { ApiError, api, enc, errorMessage } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/hooks.ts';
import { queryKeys } from '../../lib/queryKeys.ts';
import type { Profile } from '../../lib/types.ts';
import { useMe } from '../auth/session.ts';
import { PersonFeed } from '../feeds/PersonFeed.tsx';
import { PresenceLabel, WithPresence } from '../presence/PresenceBadge.tsx';
import { StatusNote } from '../presence/StatusNote.tsx';
import { useProfile } from './api.ts';
import { KindBadge, PersonLine } from './PersonLine.tsx';
import './people.css';

export function PersonPage() {
  const { handle = '' } = useParams();
  const profile = useProfile(handle);
  useDocumentTitle(profile.data?.name ?? 'Profile');

  if (profile.isPending) return <PageSpinner label="Loading profile…" />;
  if (profile.isError) {
    const notFound = profile.error instanceof ApiError && profile.error.status === 404;
    return (
      <Alert tone="danger" title={notFound ? 'Person not found' : 'Could not load this profile'}>
        {notFound ? 'There is no one with that handle, or you cannot see them.' : errorMessage(profile.error)}{' '}
        <Link to="/people">Back to people</Link>
      </Alert>
    );
  }
  return <ProfileView profile={profile.data} />;
}

function ProfileView({ profile }: { profile: Profile }) {
  const me = useMe();
  const isMe = me.person.id === profile.id;
  const details: Array<[string, string | null]> = [
    ['Department', profile.department],
    ['Location', profile.location],
    ['Time zone', profile.timeZone],
    ['Email', profile.email],
  ];

  return (
    <div className="profile">
      <Card as="div" className="profile-hero">
        <WithPresence presence={profile.presence} announce={false}>
          <Avatar name={profile.name} src={profile.avatarUrl} size="xl" />
        </WithPresence>
        <div className="profile-hero-text">
          <h1 className="profile-name">{profile.name}</h1>
          {profile.title ? <p className="profile-title">{profile.title}</p> : null}
          <div className="row">
            <span className="muted">@{profile.handle}</span>
            <KindBadge person={profile} />
            {profile.role !== 'user' ? (
              <Badge tone="info">{profile.role === 'admin' ? 'Admin' : 'Moderator'}</Badge>
            ) : null}
            {profile.status === 'deactivated' ? <Badge tone="danger">Deactivated</Badge> : null}
            <PresenceLabel presence={profile.presence} />
          </div>
          <StatusNote status={profile.currentStatus} className="profile-status" />
          <p className="profile-counts">
            <span>
              <strong>{profile.followersCount}</strong>{' '}
              {profile.followersCount === 1 ? 'follower' : 'followers'}
            </span>
            <span>
              <strong>{profile.followingCount}</strong> following
            </span>
          </p>
        </div>
        <div className="profile-actions">
          {profile.abilities.edit ? (
            <ButtonLink to={`/people/${profile.handle}/edit`} variant={isMe ? 'primary' : 'secondary'}>
              {isMe ? 'Edit profile' : 'Edit'}
            </ButtonLink>
          ) : null}
          {!isMe && profile.abilities.follow ? <FollowButton profile={profile} /> : null}
          <ButtonLink to={`/people/${profile.handle}/org`} variant="ghost">
            View org chart
          </ButtonLink>
        </div>
      </Card>

      <div className="profile-grid">
        <Card title="About">
          {profile.bio ? <p className="profile-bio">{profile.bio}</p> : <p className="muted">No bio yet.</p>}
          <dl className="detail-list">
            {details.map(([label, value]) =>
              value ? (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{label === 'Email' ? <a href={`mailto:${value}`}>{value}</a> : value}</dd>
                </div>
              ) : null,
            )}
            {profile.customFields.map((field) =>
              field.value ? (
                <div key={field.key}>
                  <dt>{field.label}</dt>
                  <dd>
                    <CustomFieldValue type={field.type} value={field.value} />
                  </dd>
                </div>
              ) : null,
            )}
            <div>
              <dt>Member since</dt>
              <dd>{formatDate(profile.createdAt)}</dd>
            </div>
          </dl>
        </Card>
        <div className="stack">
          <Card title="Manager">
            {profile.manager ? (
              <PersonLine person={profile.manager} />
            ) : (
              <p className="muted">No manager set.</p>
            )}
          </Card>
          <Card title="Skills">
            {profile.skills.length > 0 ? (
              <ul className="skill-list">
                {profile.skills.map((skill) => (
                  <li key={skill}>
                    <Badge>{skill}</Badge>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No skills listed.</p>
            )}
          </Card>
        </div>
      </div>
      <PersonFeed profile={profile} />
    </div>
  );
}

function CustomFieldValue({ type, value }: { type: string; value: string }) {
  if (type === 'url' && /^https?:\/\//i.test(value)) {
    return (
      <a href={value} target="_blank" rel="noopener noreferrer">
        {value}
      </a>
    );
  }
  if (type === 'date') return <>{formatDate(value)}</>;
  return <>{value}</>;
}

function FollowButton({ profile }: { profile: Profile }) {
  const queryClient = useQueryClient();
  const path = `/api/v1/people/${enc(profile.handle)}/follow`;
  const toggle = useMutation({
    mutationFn: () => (profile.isFollowing ? api.delete(path) : api.put<void>(path)),
    onSuccess: () => {
      const key = queryKeys.people.profile(profile.handle);
      queryClient.setQueryData<Profile>(key, (old) =>
        old
          ? {
              ...old,
              isFollowing: !old.isFollowing,
              followersCount: old.followersCount + (old.isFollowing ? -1 : 1),
            }
          : old,
      );
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  return (
    <>
      <Button
        variant={profile.isFollowing ? 'secondary' : 'primary'}
        aria-pressed={profile.isFollowing}
        loading={toggle.isPending}
        onClick={() => toggle.mutate()}
      >
        {profile.isFollowing ? 'Unfollow' : 'Follow'}
      </Button>
      {toggle.isError ? <Alert tone="danger">{errorMessage(toggle.error)}</Alert> : null}
    </>
  );
}
