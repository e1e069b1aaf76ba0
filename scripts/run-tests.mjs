#!/usr/bin/env node
// `npm test`: runs every test suite of the project in turn and ends with one line `N passed, N failed`
// (`, N skipped` when some were), exiting 1 when anything failed.
//
//   unit  server + domain tests: node's test runner (through tsx) over domain/**/*.test.ts, server/**/*.test.ts
//   web   web tests: vitest with web/vitest.config.ts (when that file exists)
//   e2e   browser tests: e2e/**/*.test.ts in headless Chromium against the built app (`npm run build` first,
//         unless JIQUN_SKIP_BUILD=1 and dist/ is there); without /usr/bin/chromium they count as skipped
//
// `--only=unit|web|e2e` (repeatable, or comma-separated) runs a subset. The environment passes through:
// DATABASE_URL makes the tests use that PostgreSQL server instead of PGlite.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const SUITES = ['unit', 'web', 'e2e'];

function parseArgs(argv) {
  const only = new Set();
  for (const arg of argv) {
    if (arg.startsWith('--only=')) {
      for (const name of arg.slice('--only='.length).split(',')) {
        if (!SUITES.includes(name)) usage(`unknown suite "${name}"`);
        only.add(name);
      }
    } else if (arg === '--help' || arg === '-h') {
      usage();
    } else {
      usage(`unknown argument "${arg}"`);
    }
  }
  return only.size > 0 ? only : new Set(SUITES);
}

function usage(problem) {
  if (problem) console.error(`run-tests: ${problem}`);
  console.error(`usage: node scripts/run-tests.mjs [--only=${SUITES.join('|')}]...`);
  process.exit(problem ? 2 : 0);
}

/** Files under `dir` (relative to the repository root) whose names end in `.test.ts`, sorted. */
function findTests(dir) {
  const found = [];
  const walk = (abs) => {
    if (!existsSync(abs)) return;
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'dist') continue;
      const path = join(abs, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.test.ts')) found.push(relative(root, path));
    }
  };
  walk(join(root, dir));
  return found.sort();
}

function bin(name) {
  const path = join(root, 'node_modules', '.bin', name);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm ci\` first`);
  return path;
}

/** Runs a command in the repository root with the console attached; resolves to its exit code. */
function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`run-tests: cannot start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

const counts = (passed = 0, failed = 0, skipped = 0) => ({ passed, failed, skipped });

function line({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

/** The summary node's TAP reporter writes last: `# pass N`, `# fail N`, `# cancelled N`, `# skipped N`, `# todo N`. */
function parseTap(text) {
  const last = (key) => {
    const all = [...text.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
    const match = all.at(-1);
    return match ? Number(match[1]) : undefined;
  };
  const pass = last('pass');
  if (pass === undefined) return undefined;
  return counts(
    pass,
    (last('fail') ?? 0) + (last('cancelled') ?? 0),
    (last('skipped') ?? 0) + (last('todo') ?? 0),
  );
}

/** Node's test runner (through tsx): readable spec output on the console, TAP to a file for the counts. */
async function nodeTests(label, files, tmp, env = process.env) {
  if (files.length === 0) {
    console.log(`${label}: no test files found`);
    return counts();
  }
  const tap = join(tmp, `${label.replace(/\W+/g, '-')}.tap`);
  console.log(`\n== ${label}: ${files.length} test file(s)`);
  const code = await run(
    bin('tsx'),
    [
      '--test',
      '--test-concurrency=1',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    env,
  );
  const result = parseTap(existsSync(tap) ? readFileSync(tap, 'utf8') : '');
  if (!result) {
    console.log(
      `${label}: the test runner exited with code ${code} and reported no counts: counted as 1 failure`,
    );
    return counts(0, 1);
  }
  if (code !== 0 && result.failed === 0) {
    console.log(
      `${label}: the test runner exited with code ${code} though no test failed: counted as 1 failure`,
    );
    result.failed = 1;
  }
  return result;
}

async function unitSuite(tmp) {
  return nodeTests('server+domain', [...findTests('domain'), ...findTests('server')], tmp);
}

async function webSuite(tmp) {
  const config = 'web/vitest.config.ts';
  if (!existsSync(join(root, config))) {
    console.log(`web: ${config} does not exist, no web tests to run`);
    return counts();
  }
  const json = join(tmp, 'vitest.json');
  console.log('\n== web: vitest');
  const code = await run(bin('vitest'), [
    'run',
    '--config',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${json}`,
    '--passWithNoTests',
  ]);
  if (!existsSync(json)) {
    console.log(`web: vitest exited with code ${code} and wrote no report: counted as 1 failure`);
    return counts(0, 1);
  }
  const report = JSON.parse(readFileSync(json, 'utf8'));
  const result = counts(
    report.numPassedTests ?? 0,
    report.numFailedTests ?? 0,
    (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  );
  if ((code !== 0 || report.success === false) && result.failed === 0) {
    // A test file that fails to load fails its suite without failing any test.
    result.failed = Math.max(1, report.numFailedTestSuites ?? 0);
    console.log(
      `web: vitest exited with code ${code} though no test failed: counted as ${result.failed} failure(s)`,
    );
  }
  return result;
}

async function e2eSuite(tmp) {
  const files = findTests('e2e');
  if (files.length === 0) return nodeTests('e2e', files, tmp);
  if (!existsSync(CHROMIUM)) {
    // The tests themselves skip without Chromium (e2e/support/browser.ts), so their count is still exact.
    console.log(
      `e2e: ${CHROMIUM} not found, so the browser tests are skipped ` +
        '(apt-get install chromium fonts-noto-cjk; .ci/run installs both)',
    );
    return nodeTests('e2e', files, tmp);
  }
  const built =
    existsSync(join(root, 'dist/server/main.js')) && existsSync(join(root, 'dist/web/index.html'));
  if (process.env.JIQUN_SKIP_BUILD === '1' && built) {
    console.log('\n== e2e: JIQUN_SKIP_BUILD=1, using the existing dist/');
  } else {
    console.log('\n== e2e: npm run build');
    const code = await run('npm', ['run', 'build']);
    if (code !== 0) {
      console.log(
        `e2e: \`npm run build\` failed (exit code ${code}), so the browser tests did not run: 1 failure`,
      );
      return counts(0, 1);
    }
  }
  return nodeTests('e2e', files, tmp);
}

const only = parseArgs(process.argv.slice(2));
const tmp = mkdtempSync(join(tmpdir(), 'jiqun-tests-'));
const results = [];
const suites = [
  ['unit', 'server+domain', unitSuite],
  ['web', 'web', webSuite],
  ['e2e', 'e2e', e2eSuite],
];
try {
  for (const [name, label, suite] of suites) {
    if (!only.has(name)) continue;
    try {
      results.push([label, await suite(tmp)]);
    } catch (error) {
      console.error(`${label}: ${error instanceof Error ? error.message : error}`);
      results.push([label, counts(0, 1)]);
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const total = counts();
console.log('');
for (const [label, result] of results) {
  console.log(`${label}: ${line(result)}`);
  total.passed += result.passed;
  total.failed += result.failed;
  total.skipped += result.skipped;
}
console.log(line(total));
process.exitCode = total.failed > 0 ? 1 : 0;
