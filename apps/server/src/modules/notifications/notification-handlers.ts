import type { AppContext } from '../../platform/context.ts';
import type { EventHandler } from '../../platform/events/outbox.ts';
import { notifyOnAnswerAccepted } from './handlers/on-answer-accepted.ts';
import { notifyOnCommentCreated } from './handlers/on-comment-created.ts';
import { notifyOnJoinRequestDecided } from './handlers/on-join-request-decided.ts';
import { notifyOnJoinRequested } from './handlers/on-join-requested.ts';
import { notifyOnPersonFollowed } from './handlers/on-person-followed.ts';
import { notifyOnPollClosed } from './handlers/on-poll-closed.ts';
import { notifyOnPostCreated } from './handlers/on-post-created.ts';
import { notifyOnPostUpdated } from './handlers/on-post-updated.ts';
import { notifyOnReactionAdded } from './handlers/on-reaction-added.ts';
import { notifyOnSpaceInvitationCreated } from './handlers/on-space-invitation-created.ts';
import { registerPollClosedJob } from './handlers/poll-closed-job.ts';
import { pushNotificationCreated } from './handlers/push-notification-created.ts';
import { pushNotificationRead } from './handlers/push-notification-read.ts';

/** Every event handler of the notifications module (creation from events, then live pushes). */
export function notificationHandlers(ctx: AppContext): EventHandler[] {
  return [
    notifyOnPostCreated(ctx),
    notifyOnPostUpdated(ctx),
    notifyOnCommentCreated(ctx),
    notifyOnReactionAdded(ctx),
    notifyOnPersonFollowed(ctx),
    notifyOnSpaceInvitationCreated(ctx),
    notifyOnJoinRequested(ctx),
    notifyOnJoinRequestDecided(ctx),
    notifyOnAnswerAccepted(ctx),
    notifyOnPollClosed(ctx),
    pushNotificationCreated(ctx),
    pushNotificationRead(ctx),
  ];
}

/** The scheduled job kinds the module runs. */
export function registerNotificationJobs(ctx: AppContext): void {
  registerPollClosedJob(ctx);
}
