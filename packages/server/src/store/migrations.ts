/**
 * The migrations still to apply, in order; refuses a store whose schema is newer than any
 * migration this server knows (an older server must never write to it).
 * @example for (const m of pendingMigrations(sqliteMigrations, new Set([1]))) m.up(db)
 */
export function pendingMigrations<M extends { version: number }>(all: readonly M[], done: ReadonlySet<number>): M[] {
  const known = Math.max(...all.map((m) => m.version));
  const newer = [...done].filter((v) => v > known);
  if (newer.length) throw new Error(`the store has schema version ${Math.max(...newer)}, newer than this server knows (${known}); upgrade the server`);
  return all.filter((m) => !done.has(m.version));
}
