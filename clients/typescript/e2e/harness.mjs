// Starts the BFF jar in sandbox mode on free loopback ports and Debian's Chromium through playwright-core (no browser
// download), and keeps screenshots of failed scenarios under target/browser-screenshots/ (CI uploads that folder).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const target = join(root, 'target');
export const SCREENSHOTS = join(target, 'browser-screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function jar() {
  const name = readdirSync(target, { withFileTypes: true })
    .map((entry) => entry.name)
    .find((file) => /^centra-bff-.*\.jar$/.test(file) && !file.endsWith('-plain.jar'));
  if (!name) throw new Error(`no centra-bff jar in ${target}: build it first (./mvnw -B package -DskipTests)`);
  return join(target, name);
}

/**
 * The BFF with its embedded Centra sandbox. `cartTimeout` is short so that a slowed-down sandbox makes a cart change
 * fail within the scenario's time.
 */
export async function startBff({ cartTimeout = '2s' } = {}) {
  let file;
  try {
    file = jar();
  } catch (error) {
    mkdirSync(target, { recursive: true });
    throw error;
  }
  const [port, management] = [await freePort(), await freePort()];
  mkdirSync(target, { recursive: true });
  const log = createWriteStream(join(target, 'e2e-bff.log'));
  const child = spawn(
    'java',
    [
      '-XX:TieredStopAtLevel=1',
      '-jar',
      file,
      '--spring.profiles.active=sandbox',
      `--server.port=${port}`,
      `--management.server.port=${management}`,
      '--server.address=127.0.0.1',
      `--centra.timeouts.cart=${cartTimeout}`,
      // Every scenario pays from 127.0.0.1: one shopper address, far more payments a minute than the per-client
      // limit a real shopper meets.
      '--bff.rate-limits.rules.payment.capacity=1000',
      '--bff.rate-limits.rules.cart-adds.capacity=1000',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk) => {
    log.write(chunk);
    if (output.length < 200_000) output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the BFF exited with ${child.exitCode}; see target/e2e-bff.log`);
    try {
      const reply = await fetch(`${base}/api/checkout/openapi.yaml`);
      if (reply.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (Date.now() >= deadline) {
    child.kill();
    throw new Error('the BFF did not start within 240 s; see target/e2e-bff.log');
  }
  const sandbox = /embedded Centra sandbox at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
  if (!sandbox) throw new Error('the sandbox URL is not in the start-up log');
  return {
    base,
    shop: `${base}/sandbox-storefront/index.html`,
    /** The sandbox's own controls (`/sandbox/...`), never reachable through the BFF. */
    admin: (path, init) => fetch(`${sandbox}/sandbox/${path}`, init),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** A fresh browser profile per scenario: its own cookies, so its own cart. Tabs of one profile share the cart. */
export async function openBrowser() {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  const profile = mkdtempSync(join(tmpdir(), 'bff-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  const errors = [];
  context.on('weberror', (error) => errors.push(String(error.error())));
  return {
    context,
    errors,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Runs a scenario in its own browser; on failure every open tab is photographed before the browser closes. */
export async function scenario(name, run) {
  const browser = await openBrowser();
  try {
    await run(browser.context);
  } catch (error) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const slug = name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
    let n = 0;
    for (const page of browser.context.pages()) {
      await page.screenshot({ path: join(SCREENSHOTS, `${slug}-${++n}.png`), fullPage: true }).catch(() => undefined);
    }
    if (browser.errors.length) error.message += `\npage errors: ${browser.errors.join('; ')}`;
    throw error;
  } finally {
    await browser.close();
  }
}
