// Copies the built client (dist/*.js) into the reference checkout that the BFF serves in sandbox mode, so
// `./mvnw spring-boot:run` works on a machine without npm. With --check it only compares, and fails when the
// committed copy differs from the build (npm test runs the check after the build).
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const target = join(here, '..', '..', '..', 'src', 'main', 'resources', 'sandbox-storefront', 'client');
const check = process.argv.includes('--check');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.js') ? [path] : [];
  });
}

// The source maps point at ../src, which is not served: the reference is dropped from the copy.
const copy = (path) => readFileSync(path, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');

const built = new Map(files(dist).map((path) => [relative(dist, path), copy(path)]));
if (check) {
  let committed = new Map();
  try {
    committed = new Map(files(target).map((path) => [relative(target, path), readFileSync(path, 'utf8')]));
  } catch {
    // no copy at all: reported below
  }
  const stale = [...new Set([...built.keys(), ...committed.keys()])].filter((f) => built.get(f) !== committed.get(f));
  if (stale.length) {
    console.error(`The reference checkout's client copy is out of date (${stale.join(', ')}): run npm run bundle`);
    process.exit(1);
  }
  console.log(`reference checkout client up to date (${built.size} files)`);
} else {
  rmSync(target, { recursive: true, force: true });
  for (const [file, text] of built) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    writeFileSync(join(target, file), text);
  }
  console.log(`copied ${built.size} files to ${relative(process.cwd(), target)}`);
}
