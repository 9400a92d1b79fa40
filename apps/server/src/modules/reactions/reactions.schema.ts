import { REACTION_KINDS } from '@atrium/contracts';
import { Type } from 'typebox';
import { PageQuery, pageSchema } from '../../platform/http/pagination.ts';
import { Id } from '../../platform/http/schema-parts.ts';
import { NestedPersonSummary } from '../admin/admin.schema.ts';

const Kind = Type.Enum(REACTION_KINDS);

export const ReactionSummarySchema = Type.Object({
  /** Count per kind, only kinds with at least one reaction, in the order of REACTION_KINDS. */
  counts: Type.Array(Type.Object({ kind: Kind, count: Type.Integer() })),
  /** My own reactions. */
  mine: Type.Array(Kind),
});

export const ReactionParams = Type.Object({ id: Id, kind: Kind });
export const SubjectParams = Type.Object({ id: Id });

export const ReactorsQuery = Type.Object(
  { kind: Type.Optional(Kind), ...PageQuery },
  { additionalProperties: false },
);

export const ReactorSchema = Type.Object({
  person: NestedPersonSummary,
  kind: Kind,
  createdAt: Type.String(),
});
export const ReactorPageSchema = pageSchema(ReactorSchema);
