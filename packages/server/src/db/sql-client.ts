/**
 * The one storage interface of the server. Repositories receive a `Queryable` so the same repo
 * function runs inside or outside a transaction; only the composition root knows which adapter
 * (PGlite or node-postgres) is behind it.
 */
export type SqlParam = string | number | boolean | null | Date | readonly SqlParam[];

export interface QueryResult<T> {
  rows: T[];
}

export interface Queryable {
  /** One parameterised statement ($1, $2, …). */
  query<T = Record<string, unknown>>(
    sql: string,
    params?: readonly SqlParam[],
  ): Promise<QueryResult<T>>;
  /** A script of several statements without parameters (migrations, test set-up). */
  exec(script: string): Promise<void>;
}

export type DatabaseKind = 'pglite' | 'postgres';

export interface SqlClient extends Queryable {
  readonly kind: DatabaseKind;
  /**
   * Runs `fn` in one transaction on one connection: committed when `fn` resolves, rolled back
   * when it throws (the error is re-thrown unchanged).
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
