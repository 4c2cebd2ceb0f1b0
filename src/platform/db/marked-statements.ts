/**
 * Statements the connection runs differently from how Kysely sends them. Kysely only passes a
 * statement's text and parameters to `client.query`; a statement whose text starts with a known
 * mark (a leading SQL comment, so the text stays valid SQL) goes to that mark's runner instead:
 * prepared statements (prepared-statements.ts) and bulk loads by COPY (copy-rows.ts). Kysely's
 * statements, marked or not, are answered through pg's callback (settled-by-callback.ts says why);
 * every other call, including pg's own callback and config forms, passes through untouched.
 */
import type pg from 'pg';
import { settledByCallback } from './settled-by-callback.ts';

/** A pg client's query function: any of `client.query`'s call forms. */
export type Query = (...args: unknown[]) => unknown;

export interface MarkedStatement {
  /** The text a marked statement starts with. */
  readonly mark: string;
  /**
   * Runs a marked statement; answers what `client.query` would (a promise of a pg result). Its
   * `query` answers a promise for a text or config, and a submittable (a COPY stream) itself.
   */
  run(text: string, values: readonly unknown[], query: Query): unknown;
}

/** Makes a pooled connection hand each marked statement to its runner. */
export function routeMarkedStatements(client: pg.PoolClient, statements: readonly MarkedStatement[]): void {
  const own = client.query.bind(client) as Query;
  const query: Query = (...args) => (isSubmittable(args[0]) ? own(...args) : settledByCallback(own, args));
  const routed = (...args: unknown[]): unknown => {
    const [text, values] = args;
    if (typeof text !== 'string' || args.length !== 2 || !Array.isArray(values)) return own(...args);
    const statement = statements.find(({ mark }) => text.startsWith(mark));
    return statement ? statement.run(text, values, query) : query(text, values);
  };
  client.query = routed as typeof client.query;
}

/** A pg submittable (a Query or a COPY stream) runs itself and answers itself, not a promise. */
const isSubmittable = (value: unknown): boolean => typeof (value as { submit?: unknown } | null)?.submit === 'function';
