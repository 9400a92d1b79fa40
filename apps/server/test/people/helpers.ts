import type { CustomFieldType, FieldVisibility } from '@atrium/contracts';
import { newId, nowIso } from '../../src/platform/db/time.ts';
import type { Session } from '../support/factories.ts';
import type { TestApp } from '../support/test-app.ts';

/** Custom fields are managed by the admin module; tests insert them directly. */
export async function buildCustomField(
  app: TestApp,
  field: {
    key: string;
    type?: CustomFieldType;
    options?: string[];
    visibility?: FieldVisibility;
    position?: number;
  },
) {
  const now = nowIso();
  const row = {
    id: newId(),
    key: field.key,
    label: field.key.toUpperCase(),
    type: field.type ?? 'text',
    options: JSON.stringify(field.options ?? []),
    visibility: field.visibility ?? 'everyone',
    position: field.position ?? 0,
    created_at: now,
    updated_at: now,
  };
  await app.ctx.db.insertInto('custom_fields').values(row).execute();
  return row;
}

export async function deactivate(app: TestApp, personId: string): Promise<void> {
  await app.ctx.db
    .updateTable('people')
    .set({ status: 'deactivated', deactivated_at: nowIso() })
    .where('id', '=', personId)
    .execute();
}

export async function eventsNamed(app: TestApp, name: string, subjectId: string) {
  return app.ctx.db
    .selectFrom('events')
    .selectAll()
    .where('name', '=', name)
    .where('subject_id', '=', subjectId)
    .execute();
}

type Method = 'GET' | 'PUT' | 'PATCH' | 'DELETE' | 'POST';

/** An inject call as a signed-in person (or anonymously without a session). */
export function call(
  app: TestApp,
  session: Session | undefined,
  method: Method,
  url: string,
  payload?: unknown,
) {
  return app.app.inject({
    method,
    url,
    ...(session ? { headers: session.headers } : {}),
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/** A multipart/form-data body with one file part. */
export function multipartFile(field: string, filename: string, contentType: string, data: Buffer) {
  const boundary = `----atrium-test-${newId()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
      `Content-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, data, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
