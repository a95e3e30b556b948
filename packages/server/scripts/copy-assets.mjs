// Copies the files tsc does not emit (the SQL migrations) from src/ into dist/, keeping paths,
// so the built server finds them next to its modules (see defaultMigrationsDir in db/migrate.ts).
import { cp, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const assets = [{ from: 'src/db/migrations', to: 'dist/db/migrations', suffix: '.sql' }];

for (const { from, to, suffix } of assets) {
  const files = (await readdir(join(root, from))).filter((f) => f.endsWith(suffix));
  await Promise.all(files.map((f) => cp(join(root, from, f), join(root, to, f))));
  console.log(`copied ${files.length} ${suffix} files to ${to}`);
}
