import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * Feed queries are built with Kysely once per shape (the source kind, which bounds are set, how many mutes,
 * the viewer's kind) and then run with new parameters: building and compiling a query costs more than
 * running it on SQLite, and a page runs several. Values enter the builder as named slots (sentinel strings);
 * after compiling, each parameter is either a slot, filled per run, or a constant of the query.
 */
type Slot = { name: string } | { constant: unknown };

interface Template {
  compiled: CompiledQuery;
  slots: Slot[];
}

const SENTINEL = '\u0001slot:';
const templates = new WeakMap<Kysely<DB>, Map<string, Template>>();
const MAX_SHAPES = 2000;

export type SlotOf = (name: string) => string;

function compileTemplate(build: (slot: SlotOf) => Compilable<unknown>): Template {
  const compiled = build((name) => `${SENTINEL}${name}`).compile();
  if (compiled.sql.includes(SENTINEL)) throw new Error('A statement slot ended up in the SQL text.');
  const slots: Slot[] = compiled.parameters.map((value) =>
    typeof value === 'string' && value.startsWith(SENTINEL)
      ? { name: value.slice(SENTINEL.length) }
      : { constant: value },
  );
  return { compiled, slots };
}

/** Runs the statement of this shape with these slot values, compiling it on first use per database. */
export async function runTemplate<Row>(
  db: Kysely<DB>,
  shape: string,
  build: (slot: SlotOf) => Compilable<Row>,
  values: Readonly<Record<string, unknown>>,
): Promise<Row[]> {
  let byShape = templates.get(db);
  if (!byShape) {
    byShape = new Map();
    templates.set(db, byShape);
  }
  let template = byShape.get(shape);
  if (!template) {
    template = compileTemplate(build);
    if (byShape.size >= MAX_SHAPES) byShape.clear();
    byShape.set(shape, template);
  }
  const parameters = template.slots.map((slot) => {
    if ('constant' in slot) return slot.constant;
    if (!(slot.name in values)) throw new Error(`Statement slot ${slot.name} has no value.`);
    return values[slot.name];
  });
  const result = await db.executeQuery<Row>({ ...template.compiled, parameters } as CompiledQuery<Row>);
  return result.rows;
}
