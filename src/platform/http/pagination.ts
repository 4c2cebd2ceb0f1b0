/**
 * Cursor pagination (api-conventions.md): an opaque cursor in, `next_cursor` and `has_more` out,
 * page size at most 100. Cursors wrap the last id seen; ids sort by creation time.
 */
import { Type, type Static } from 'typebox';
import { DomainError } from '../errors.ts';

export const PageQuery = Type.Object({
  cursor: Type.Optional(Type.String({ description: 'Opaque cursor from a previous page', maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});
export type PageQuery = Static<typeof PageQuery>;

/** The page envelope around a list of items. */
export const Page = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ data: Type.Array(item), next_cursor: Type.Union([Type.String(), Type.Null()]), has_more: Type.Boolean() });

export function encodeCursor(lastId: string): string {
  return Buffer.from(JSON.stringify({ after: lastId })).toString('base64url');
}

/** The id to continue after, or undefined for the first page; a bad cursor is a 400. */
export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof parsed.after === 'string') return parsed.after;
  } catch {
    // fall through to the error below
  }
  throw new DomainError('validation_failed', 'cursor is not one this API issued; start again without a cursor');
}

/** Builds a page from up to limit+1 rows fetched in id order. */
export function toPage<T extends { id: string }, R>(rows: readonly T[], limit: number, map: (row: T) => R) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const hasMore = rows.length > limit;
  return { data: items.map(map), next_cursor: hasMore && last ? encodeCursor(last.id) : null, has_more: hasMore };
}
