import type { Queryable } from '../sql-client.js';

export const pingDatabase = async (db: Queryable): Promise<boolean> => {
  try {
    await db.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
};
