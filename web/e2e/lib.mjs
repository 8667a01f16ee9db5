// Helpers of the browser tests: build or find the openline binary, start
// `openline serve` on a free port with a fresh data folder, create accounts
// with `openline user add`, launch Debian's Chromium through playwright-core,
// and audit a screen with axe-core.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * screenshotDir receives a screenshot of every screen. `make screenshots`
 * points it at docs/screenshots (OPENLINE_SCREENSHOTS); a plain test run
 * writes them to a temporary folder so it leaves the work tree clean.
 */
export const screenshotDir = process.env.OPENLINE_SCREENSHOTS
  ? path.resolve(process.env.OPENLINE_SCREENSHOTS)
  : path.join(tmpdir(), 'openline-screenshots');

/** chromiumPath is Debian's Chromium; CHROMIUM_PATH overrides it. */
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** chromiumArgs keep Chromium from reaching out to the network (closed here) and from first-run work. */
const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
];

/**
 * binary returns the openline binary to test: $OPENLINE_BIN, or one built
 * now from the repository into dir.
 */
export function binary(dir) {
  if (process.env.OPENLINE_BIN) return path.resolve(process.env.OPENLINE_BIN);
  const out = path.join(dir, 'openline');
  execFileSync('go', ['build', '-o', out, './cmd/openline'], { cwd: repoRoot, stdio: 'inherit' });
  return out;
}

/**
 * startServer runs `openline serve --addr 127.0.0.1:0 --data <fresh dir>`
 * (with env added to the environment and args to the command line) and
 * resolves once it has printed its URL and the first-run setup link.
 */
export async function startServer({ env = {}, args = [] } = {}) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'openline-e2e-'));
  const bin = binary(tmp);
  const data = path.join(tmp, 'data');
  mkdirSync(data);
  const proc = spawn(bin, ['serve', '--addr', '127.0.0.1:0', '--data', data, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  const found = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('openline serve printed no URL and setup link in 30 s:\n' + output)), 30000);
    const onData = (chunk) => {
      output += chunk;
      const url = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const setup = output.match(/(http:\/\/\S+\/setup\?token=[\w-]+)/);
      if (url && setup) {
        clearTimeout(timer);
        resolve({ url: url[1], setupLink: setup[1] });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`openline serve exited with ${code}:\n${output}`));
    });
  });
  const { url, setupLink } = await found;
  return {
    url,
    setupLink,
    bin,
    data,
    log: () => output,
    /** addUser runs `openline user add NAME --role ROLE --data DIR` with the password on stdin. */
    addUser(name, role, password) {
      execFileSync(bin, ['user', 'add', name, '--role', role, '--data', data], { input: password + '\n', stdio: ['pipe', 'pipe', 'pipe'] });
    },
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        const t = setTimeout(() => proc.kill('SIGKILL'), 20000);
        await exited;
        clearTimeout(t);
      }
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** launch starts headless Chromium, with extra command-line flags; Playwright gives it a fresh, empty profile. */
export function launch(extra = []) {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs, ...extra] });
}

/**
 * newPage opens a page of browser in a fresh context (locale, viewport),
 * closed when test t ends; it accepts every dialog and collects the
 * page's errors and console errors into errors.
 */
export async function newPage(browser, t, { locale, viewport }) {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('dialog', (d) => d.accept());
  t.after(() => context.close());
  return { page, errors };
}

/** screenshot saves the page as screenshotDir/NAME.png (overwriting). */
export async function screenshot(page, name, opts = {}) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, name + '.png'), ...opts });
}

/** login fills the login form and waits for the picker. */
export async function login(page, base, name, password) {
  await page.goto(base + '/login');
  await page.fill('#login-name', name);
  await page.fill('#login-password', password);
  await Promise.all([page.waitForURL(base + '/'), page.click('#login-form button[type=submit]')]);
}

/**
 * createTrainee creates an account on the open trainees page (a trainer's)
 * and returns the one-time set-up link the page shows for handing over.
 */
export async function createTrainee(page, name, role = 'trainee') {
  await page.fill('#user-name', name);
  await page.selectOption('#user-role', role);
  await page.click('#user-form button[type=submit]');
  await page.waitForSelector(`[data-user="${name}"]`);
  return page.locator(`[data-setup-link="${name}"] input`).inputValue();
}

/**
 * choosePassword opens a set-up or reset link in a fresh context of
 * browser, chooses password there and closes it again.
 */
export async function choosePassword(browser, link, password) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.fill('#reset-password', password);
  await page.fill('#reset-password2', password);
  await Promise.all([page.waitForURL(new URL('/', link).href), page.click('#reset-form button[type=submit]')]);
  await context.close();
}

/** prospectTurns counts the finished prospect turns on the call screen. */
export function prospectTurns(page) {
  return page.locator('#transcript .turn-prospect:not(.is-streaming)').count();
}

/** waitForTurnToSpeak waits until the text box takes a line (the prospect has finished). */
export async function waitForTurnToSpeak(page) {
  await page.waitForFunction(() => {
    const el = document.getElementById('say');
    return el && !el.readOnly && document.getElementById('phone').dataset.state === 'connected';
  }, null, { timeout: 20000 });
}

/**
 * sayLine types a line, sends it with Enter and waits for the prospect's
 * whole reply (or the prospect's hang-up).
 */
export async function sayLine(page, text) {
  await waitForTurnToSpeak(page);
  const before = await prospectTurns(page);
  await page.fill('#say', text);
  await page.press('#say', 'Enter');
  await page.waitForFunction((n) => {
    const done = document.querySelectorAll('#transcript .turn-prospect:not(.is-streaming)').length > n;
    const state = document.getElementById('phone').dataset.state;
    return (done && !document.getElementById('say').readOnly) || state === 'ended' || state === 'scored';
  }, before, { timeout: 20000 });
}

/** hangUp presses the red button and waits for the scorecard summary. */
export async function hangUp(page) {
  await page.click('#hangup');
  await page.waitForSelector('#result:not([hidden])', { timeout: 20000 });
}

/** noHorizontalScroll reports whether the page is no wider than the viewport. */
export function noHorizontalScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The rule sets audited: WCAG 2.0 and 2.1, levels A and AA. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Impacts that fail the audit. */
const failing = new Set(['serious', 'critical']);

/**
 * audit runs axe on the page as it is now with the WCAG rules and axe's
 * best practices, prints every violation, and returns the failing ones (a
 * WCAG rule of impact serious or critical) as lines
 * "screen: rule (impact) help — targets". The pages' Content-Security-Policy
 * blocks an inlined <script>, so axe's source is evaluated through the
 * DevTools protocol (page.evaluate), with the real CSP in force
 * (a11y.test.mjs says more).
 */
export async function audit(page, screen) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const { passes, violations } = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      .then((r) => ({
        passes: r.passes.length,
        violations: r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          tags: v.tags,
          nodes: v.nodes.map((n) => {
            const d = n.any.find((c) => c.id === 'color-contrast')?.data;
            return n.target.join(' ') + (d ? ` [${d.fgColor} on ${d.bgColor}: ${d.contrastRatio}:1, needs ${d.expectedContrastRatio}]` : '');
          }),
        })),
      })),
    [...wcagTags, 'best-practice'],
  );
  assert.ok(passes > 10, `axe checked the ${screen} screen (${passes} rules passed)`);
  const lines = [];
  for (const v of violations) {
    const wcag = v.tags.some((tag) => wcagTags.includes(tag));
    const line = `${screen}: ${v.id} (${v.impact}${wcag ? '' : ', best practice'}) ${v.help} — ${v.nodes.length} node(s): ${v.nodes.join(', ')}`;
    console.log('axe ' + line);
    if (wcag && failing.has(v.impact)) lines.push(line);
  }
  return lines;
}
