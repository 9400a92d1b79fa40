import type { DigestFrequency, NotificationDelivery, NotificationType } from '@atrium/contracts';
import type { PersonSummary } from '../../lib/types.ts';

export type { DigestFrequency, NotificationDelivery, NotificationType };

/** One notification as the API shows it (grouped: "Ana Ruiz and 4 others reacted to your post"). */
export interface AppNotification {
  id: string;
  type: NotificationType;
  createdAt: string;
  updatedAt: string;
  readAt: string | null;
  /** At most three, and only people the viewer may see. */
  actors: PersonSummary[];
  actorCount: number;
  text: string;
  /** A path in the web app, e.g. /posts/<id>#comment-<id>. */
  url: string;
  excerpt: string | null;
  space: { id: string; name: string } | null;
  postId: string | null;
}

export interface NotificationFilters {
  status: 'all' | 'unread';
  type: NotificationType | '';
}

export interface SpacePreference {
  spaceId: string;
  spaceName: string;
  type: NotificationType;
  delivery: NotificationDelivery;
}

export interface NotificationPreferences {
  defaults: Record<NotificationType, NotificationDelivery>;
  spaces: SpacePreference[];
}

export interface NotificationSettings {
  digest: DigestFrequency;
  /** 0–23, in the person's time zone. */
  digestHour: number;
  /** ISO weekday 1 (Monday) – 7, for the weekly digest. */
  digestWeekday: number;
  /** 'HH:MM' or null. */
  quietStart: string | null;
  quietEnd: string | null;
  timeZone: string | null;
}
