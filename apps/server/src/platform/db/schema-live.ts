import type {
  Availability,
  DigestFrequency,
  NotificationDelivery,
  NotificationType,
} from '@atrium/contracts';

/** Tables of live features (migration 20261122T2200-live); same conventions as schema.ts. */
export interface NotificationsTable {
  id: string;
  recipient_id: string;
  type: NotificationType;
  /** Grouping key while unread (e.g. 'reaction:<post id>'); null once read, so the group closes. */
  open_group: string | null;
  /** 'post' | 'comment' | 'person' | 'space' | 'invitation' | 'join_request' */
  subject_type: string;
  subject_id: string;
  /** The post the notification is about, if any: access is re-checked through it when shown or emailed. */
  post_id: string | null;
  space_id: string | null;
  /** JSON string[] of actor ids, newest first, capped. */
  actor_ids: string;
  actor_count: number;
  /** JSON of ids and enums only (e.g. { commentId, reaction, badge }); never content. */
  data: string;
  created_at: string;
  updated_at: string;
  read_at: string | null;
  emailed_at: string | null;
  digested_at: string | null;
}

export interface NotificationPreferencesTable {
  person_id: string;
  type: NotificationType;
  /** '' for the person's default for the type; a space id for that space only. */
  space_id: string;
  delivery: NotificationDelivery;
  updated_at: string;
}

export interface ThreadMutesTable {
  person_id: string;
  post_id: string;
  created_at: string;
}

export interface NotificationSettingsTable {
  person_id: string;
  digest: DigestFrequency;
  /** 0–23 in the person's time zone. */
  digest_hour: number;
  /** ISO weekday 1 (Monday) – 7. */
  digest_weekday: number;
  /** 'HH:MM' in the person's time zone; both null when off. */
  quiet_start: string | null;
  quiet_end: string | null;
  updated_at: string;
}

export interface PersonStatusTable {
  person_id: string;
  availability: Availability;
  message: string | null;
  until: string | null;
  /** JSON { days: number[] (ISO 1–7), start: 'HH:MM', end: 'HH:MM' } or null. */
  working_hours: string | null;
  updated_at: string;
}

export interface ScheduledJobsTable {
  id: string;
  kind: string;
  job_key: string;
  run_at: string;
  payload: string;
  status: 'pending' | 'done' | 'dead';
  attempts: number;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface LiveTables {
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  thread_mutes: ThreadMutesTable;
  notification_settings: NotificationSettingsTable;
  person_status: PersonStatusTable;
  scheduled_jobs: ScheduledJobsTable;
}
