import { LIMITS } from '@atrium/contracts';
import type { Static } from 'typebox';
import type { Viewer } from '../../platform/access/people.ts';
import { renderMarkdown } from '../../platform/content/index.ts';
import type { RevisionsTable } from '../../platform/db/schema-conversation.ts';
import { presentSummary } from '../people/people.presenter.ts';
import type { Executor } from '../people/people.repository.ts';
import { peopleByIds, visiblePeopleIds } from './posts.repository.ts';
import type { RevisionSchema } from './posts.schema.ts';

type RevisionView = Static<typeof RevisionSchema>;

/**
 * Earlier bodies of a post, for its readers. They are rendered again without resolving mentions: who
 * could read the post then is not who can now, so an old @handle is plain text. The editor is shown only
 * if the viewer may see them.
 */
export async function presentRevisions(
  db: Executor,
  viewer: Viewer,
  rows: readonly RevisionsTable[],
): Promise<RevisionView[]> {
  const editorIds = [...new Set(rows.flatMap((r) => (r.editor_id === null ? [] : [r.editor_id])))];
  const [people, visible] = await Promise.all([
    peopleByIds(db, editorIds),
    viewer.kind === 'member' ? undefined : visiblePeopleIds(db, viewer, editorIds),
  ]);
  return rows.map((row) => {
    const editor = row.editor_id === null ? undefined : people.get(row.editor_id);
    const shown = editor && (visible === undefined || visible.has(editor.id));
    return {
      id: row.id,
      bodyHtml: renderMarkdown(row.body, { maxLength: LIMITS.postBody, maxTopics: LIMITS.topicsPerPost })
        .html,
      editor: shown ? presentSummary(editor) : null,
      createdAt: row.created_at,
    };
  });
}
