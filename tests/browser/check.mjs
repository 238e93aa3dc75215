// Real-browser check of handboek's built output. See README.md beside this file.
//
//   node tests/browser/check.mjs <output-dir> [--screenshots <dir>]
//
// Opens every *.html file under <output-dir> in headless Chromium, once as file://
// and once over HTTP under a sub-path, and fails on console errors, page errors,
// failed or external requests, broken relative links and fragments, horizontal
// scrolling at 390 px, a broken language switcher, basic structure problems, and words in
// tables that wrap without a hyphen (words.mjs; at 390 and 1280 px, and print editions in
// print layout).
// Runs axe-core (WCAG 2.0/2.1/2.2 A and AA plus best practices) on every page that is
// already open: at 390 px in the file:// tab and at 1280 px in the HTTP tab.
// Prints each failure as `page: problem`, then `N passed, M failed` (counted in pages).

import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brokenWords, PRINT_WIDTH } from './words.mjs';

const BASE = '/intranet/mfa/';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
// The print editions and the rollout kit's posters: one file per language, no switcher.
const PRINT_NAMES = new Set(['handboek.html', 'handbook.html', 'affiche.html', 'poster.html']);
const LANG_DIR = /^[a-z]{2,3}(-[a-z0-9]+)?$/i;
const EXTERNAL = /^([a-z][a-z0-9+.-]*:|\/\/)/i;
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync',
];
// The axe-core rule tags that must pass; `best-practice` goes beyond WCAG (one <main>,
// headings in order, landmarks with unique names, …).
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const AXE_MAX_ELEMENTS = 10; // listed per page and rule; the rest are counted
const require = createRequire(import.meta.url);
const AXE_FILE = require.resolve('axe-core/axe.min.js');
const AXE_SOURCE = readFileSync(AXE_FILE, 'utf8');
const AXE_VERSION = require('axe-core/package.json').version;
const AXE_HTTP_PATH = '/__check__/axe.min.js'; // served beside BASE, outside the site
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

// ---------- arguments and files ----------

function parseArgs(argv) {
  const args = { out: null, screenshots: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--screenshots') args.screenshots = argv[++i];
    else if (!args.out && !argv[i].startsWith('--')) args.out = argv[i];
    else usage(`unexpected argument ${argv[i]}`);
  }
  if (!args.out || args.screenshots === undefined) usage('missing argument');
  if (!existsSync(args.out) || !statSync(args.out).isDirectory()) usage(`not a folder: ${args.out}`);
  args.out = path.resolve(args.out);
  return args;
}

function usage(problem) {
  console.error(`${problem}\nusage: node tests/browser/check.mjs <output-dir> [--screenshots <dir>]`);
  process.exit(2);
}

function htmlFiles(root) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) found.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return found.sort();
}

const isFile = (p) => existsSync(p) && statSync(p).isFile();

// ---------- static server ----------

function startServer(root) {
  const server = createServer((req, res) => {
    if (req.url === AXE_HTTP_PATH) {
      // Cacheable, so Chromium keeps the compiled script between pages.
      res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'max-age=3600' }).end(AXE_SOURCE);
      return;
    }
    const file = serverPath(root, req.url);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}

function serverPath(root, url) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return null;
  }
  if (!pathname.startsWith(BASE)) return null;
  let file = path.resolve(root, '.' + pathname.slice(BASE.length - 1));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  return isFile(file) ? file : null;
}

// ---------- one page in the browser ----------

function isLocalUrl(url) {
  const u = new URL(url);
  if (['file:', 'data:', 'blob:', 'about:'].includes(u.protocol)) return true;
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname === '127.0.0.1';
}

// Problems go to `sink.problems`, swapped for each visit, so one tab serves many pages.
// Chromium's own "Failed to load resource" console lines are left out: the request
// events below report the same failure with its URL.
function watchPage(page, sink) {
  const report = (problem) => sink.problems.push(problem);
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) report(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => report(`uncaught exception: ${err.message}`));
  page.on('request', (req) => {
    if (!isLocalUrl(req.url())) report(`needs the network: ${req.url()}`);
  });
  page.on('response', (res) => {
    if (res.status() < 400) return;
    sink.bad.add(res.url());
    report(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.on('requestfailed', (req) => {
    if (isLocalUrl(req.url()) && !sink.bad.has(req.url())) report(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
}

// Runs inside the page: everything the checks need, as plain data.
function inspectPage() {
  const refs = [];
  const add = (selector, attr) => {
    for (const el of document.querySelectorAll(selector)) {
      refs.push({
        tag: el.localName, raw: el.getAttribute(attr), hreflang: el.getAttribute('hreflang'),
        inSwitcher: el.localName === 'a' && !!el.closest('nav.languages'),
      });
    }
  };
  add('a[href]', 'href'); add('img[src]', 'src'); add('link[href]', 'href'); add('script[src]', 'src');
  const width = window.innerWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  const wide = scrollWidth <= width ? [] : [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > width + 1)
    .slice(0, 3)
    .map((el) => el.localName + (el.id ? '#' + el.id : '') + (el.classList.length ? '.' + [...el.classList].join('.') : ''));
  return {
    lang: document.documentElement.getAttribute('lang'),
    h1: document.querySelectorAll('h1').length,
    main: document.querySelectorAll('main').length,
    ids: [...document.querySelectorAll('[id]')].map((el) => el.id),
    refs, wide, width, scrollWidth,
  };
}

// Runs inside the page, after axe-core was injected: the violations as plain data.
// From file:// the style sheets are cross-origin to the page, and axe-core's attempt to
// fetch them again would fail and show up as console errors, so it reads no CSS there
// (css-orientation-lock then runs over HTTP only).
async function runAxe({ tags, preload }) {
  const results = await window.axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    resultTypes: ['violations'],
    preload,
  });
  return results.violations.map((rule) => ({
    id: rule.id,
    impact: rule.impact,
    help: rule.help,
    nodes: rule.nodes.map((node) => {
      const target = node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' ');
      return {
        target,
        html: node.html.replace(/\s+/g, ' ').slice(0, 100),
        heading: headingBefore(typeof node.target[0] === 'string' ? document.querySelector(node.target[0]) : null),
        why: [...node.any, ...node.all, ...node.none].map((check) => check.message).find(Boolean) ?? '',
      };
    }),
  }));

  // The text of the last heading before the element: where it is on the page.
  function headingBefore(element) {
    if (!element) return null;
    const headings = [...document.querySelectorAll('h1, h2, h3, h4')];
    const before = headings.filter((h) => h === element || h.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
    return before.at(-1)?.textContent.replace(/\s+/g, ' ').trim().slice(0, 60) ?? null;
  }
}

// axe-core's violations on the open page, one problem per rule and element. axe-core comes
// in as a script from `axe.script` (a file:// or same-origin URL, which Chromium compiles
// once and caches), or, when the page has a Content-Security-Policy that could refuse that,
// through the DevTools protocol, which no policy blocks.
async function axeProblems(page, axe) {
  const csp = await page.evaluate(() => !!document.querySelector('meta[http-equiv="content-security-policy" i]'));
  if (csp) await page.evaluate(AXE_SOURCE);
  else await page.addScriptTag({ url: axe.script });
  const problems = [];
  const preload = new URL(page.url()).protocol !== 'file:';
  for (const rule of await page.evaluate(runAxe, { tags: AXE_TAGS, preload })) {
    for (const node of rule.nodes.slice(0, AXE_MAX_ELEMENTS)) {
      const under = node.heading ? ` under "${node.heading}"` : '';
      problems.push(`axe ${rule.id} (${rule.impact}) at ${node.target} ${node.html}${under}: ${node.why || rule.help}`);
    }
    const more = rule.nodes.length - AXE_MAX_ELEMENTS;
    if (more > 0) problems.push(`axe ${rule.id} (${rule.impact}): ${more} more elements`);
  }
  return problems;
}

// `axe`: where to run axe-core (`at`: the viewport, `script`: its URL), or null for not.
async function visit(page, sink, url, axe) {
  const problems = (sink.problems = []);
  sink.bad = new Set();
  let info = null;
  let accessibility = [];
  try {
    await page.goto(url, { waitUntil: 'load' });
    info = await page.evaluate(inspectPage);
    const viewport = page.viewportSize();
    for (const word of await page.evaluate(brokenWords)) {
      problems.push(`a table breaks "${word}" inside a word without a hyphen (at ${viewport.width} px)`);
    }
    // The print edition once more as it is printed: A4's width, print styles.
    if (PRINT_NAMES.has(path.posix.basename(new URL(url).pathname)) && viewport.width === PHONE.width) {
      await page.setViewportSize(PRINT_WIDTH);
      await page.emulateMedia({ media: 'print' });
      for (const word of await page.evaluate(brokenWords)) {
        problems.push(`a table breaks "${word}" inside a word without a hyphen (in print)`);
      }
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize(viewport);
    }
    if (axe) {
      if (axe.at.width !== viewport.width) await page.setViewportSize(axe.at);
      accessibility = await axeProblems(page, axe).catch((err) => [`axe-core could not run: ${err.message.split('\n')[0]}`]);
      if (axe.at.width !== viewport.width) await page.setViewportSize(viewport);
    }
    await page.goto('about:blank');
  } catch (err) {
    problems.push(`could not load: ${err.message.split('\n')[0]}`);
  }
  return { problems, info, accessibility };
}

// ---------- checks on the collected data ----------

function structureProblems(rel, info) {
  const problems = [];
  const folder = rel.split('/').at(-2);
  if (!info.lang) problems.push('<html> has no lang');
  else if (rel.split('/').length >= 4 && LANG_DIR.test(folder) && info.lang !== folder) {
    problems.push(`<html lang="${info.lang}"> in language folder ${folder}/`);
  }
  if (info.h1 !== 1) problems.push(`has ${info.h1} <h1> elements, expected exactly 1`);
  if (info.main !== 1) problems.push(`has ${info.main} <main> elements, expected exactly 1`);
  const seen = new Set();
  for (const id of info.ids) {
    if (seen.has(id)) problems.push(`duplicate id "${id}"`);
    seen.add(id);
  }
  if (info.scrollWidth > info.width) {
    problems.push(`scrolls sideways at ${info.width} px (scrollWidth ${info.scrollWidth}; too wide: ${info.wide.join(', ') || '?'})`);
  }
  return problems;
}

// A relative reference, resolved to a file under the output folder.
function resolveRef(root, page, raw) {
  const url = new URL(raw, pathToFileURL(path.join(root, page)));
  const hash = url.hash;
  url.hash = '';
  url.search = '';
  const file = fileURLToPath(url);
  const rel = path.relative(root, file).split(path.sep).join('/');
  return { file, rel, fragment: hash ? decodeURIComponent(hash.slice(1)) : null };
}

function refProblems(root, page, ref, pages) {
  const raw = ref.raw.trim();
  if (raw === '' || EXTERNAL.test(raw)) return [];
  const what = `<${ref.tag}> "${raw}"`;
  if (raw.startsWith('/')) return [`${what} is root-absolute and breaks under a sub-path`];
  const target = resolveRef(root, page, raw);
  if (target.rel.startsWith('..')) return [`${what} points outside the output folder`];
  if (!isFile(target.file)) return [`${what} points to a missing file ${target.rel}`];
  const info = pages.get(target.rel);
  const problems = [];
  if (target.fragment && info && !info.ids.includes(target.fragment)) {
    problems.push(`${what}: ${target.rel} has no element with id "${target.fragment}"`);
  }
  if (ref.hreflang && info && info.lang !== ref.hreflang) {
    problems.push(`${what} has hreflang="${ref.hreflang}" but ${target.rel} has lang="${info.lang}"`);
  }
  if (ref.inSwitcher && ref.hreflang) problems.push(...switcherTargetProblems(page, target.rel, ref));
  return problems;
}

// The switcher must lead to the same file name in the sibling language folder.
function switcherTargetProblems(page, targetRel, ref) {
  const [dir, name] = [path.posix.dirname(page), path.posix.basename(page)];
  const expected = `${path.posix.dirname(dir)}/${ref.hreflang}/${name}`;
  return targetRel === expected ? [] : [`language switcher "${ref.raw}" leads to ${targetRel}, expected ${expected}`];
}

// Site pages (<customer>/<audience>/<lang>/<page>.html, not the print edition) need a
// switcher link to every other language folder of the same audience.
function missingSwitcherLinks(root, page, info) {
  const parts = page.split('/');
  if (parts.length < 4 || PRINT_NAMES.has(parts.at(-1)) || !LANG_DIR.test(parts.at(-2))) return [];
  const audienceDir = path.join(root, ...parts.slice(0, -2));
  const others = readdirSync(audienceDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && LANG_DIR.test(e.name) && e.name !== parts.at(-2))
    .filter((e) => isFile(path.join(audienceDir, e.name, 'index.html')))
    .map((e) => e.name);
  const offered = new Set(info.refs.filter((r) => r.inSwitcher && r.hreflang).map((r) => r.hreflang));
  return others.filter((lang) => !offered.has(lang)).map((lang) => `nav.languages has no link with hreflang="${lang}"`);
}

function linkProblems(root, pages) {
  const failures = [];
  for (const [page, info] of pages) {
    for (const ref of info.refs) failures.push(...refProblems(root, page, ref, pages).map((p) => [page, p]));
    failures.push(...missingSwitcherLinks(root, page, info).map((p) => [page, p]));
  }
  return failures;
}

// ---------- screenshots ----------

function screenshotTargets(root, files) {
  const targets = [];
  for (const customer of readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const chooser = path.join(root, customer.name, 'employee', 'index.html');
    if (!isFile(chooser)) continue;
    const lang = /<html[^>]*\slang="([^"]+)"/.exec(readFileSync(chooser, 'utf8'))?.[1];
    const start = files.find((f) => f === `${customer.name}/employee/${lang}/index.html`)
      ?? files.find((f) => f.startsWith(`${customer.name}/employee/`) && f.endsWith('/index.html') && f.split('/').length === 4);
    if (!start) continue;
    targets.push({ page: start, viewport: DESKTOP }, { page: start, viewport: PHONE });
  }
  const print = files.find((f) => f.includes('/employee/') && PRINT_NAMES.has(path.posix.basename(f)));
  if (print) targets.push({ page: print, viewport: DESKTOP });
  return targets;
}

async function takeScreenshots(browser, origin, root, files, dir) {
  mkdirSync(dir, { recursive: true });
  const saved = [];
  for (const { page: rel, viewport } of screenshotTargets(root, files)) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(origin + BASE + rel, { waitUntil: 'load' });
    const name = `${rel.replace(/\.html$/, '').replaceAll('/', '_')}_${viewport.width}.png`;
    await page.screenshot({ path: path.join(dir, name), fullPage: true });
    await context.close();
    saved.push(name);
  }
  console.log(`screenshots in ${dir}: ${saved.join(', ')}`);
}

// ---------- main ----------

async function launch() {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!isFile(executablePath)) {
    console.error(`no Chromium at ${executablePath}: install it (apt-get install chromium) or set CHROMIUM`);
    process.exit(2);
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

// Opens every page in one mode (one tab); returns failures and, per page, what it found.
// axe-core's findings are labelled with the width they were found at, not the mode.
async function checkMode(browser, mode, urlOf, files, axe) {
  const context = await browser.newContext({ viewport: PHONE });
  await context.route((url) => !isLocalUrl(url.href), (route) => route.abort('blockedbyclient'));
  const page = await context.newPage();
  const sink = { problems: [], bad: new Set() };
  watchPage(page, sink);
  const failures = [];
  const pages = new Map();
  for (const rel of files) {
    const { problems, info, accessibility } = await visit(page, sink, urlOf(rel), axe);
    if (info) problems.push(...structureProblems(rel, info));
    if (info) pages.set(rel, info);
    failures.push(...problems.map((problem) => ({ page: rel, problem, mode })));
    failures.push(...accessibility.map((problem) => ({ page: rel, problem, mode: `${axe.at.width} px` })));
  }
  await context.close();
  return { failures, pages };
}

async function checkAll(browser, origin, root, files) {
  const [file, http] = await Promise.all([
    checkMode(browser, 'file', (rel) => pathToFileURL(path.join(root, rel)).href, files,
      { at: PHONE, script: pathToFileURL(AXE_FILE).href }),
    checkMode(browser, 'http', (rel) => origin + BASE + rel, files, { at: DESKTOP, script: origin + AXE_HTTP_PATH }),
  ]);
  const links = linkProblems(root, file.pages).map(([page, problem]) => ({ page, problem, mode: null }));
  return [...file.failures, ...http.failures, ...links];
}

// One line per page and problem; a problem seen in only one mode says which.
function report(failures) {
  const lines = new Map();
  for (const { page, problem, mode } of failures) {
    const key = `${page}: ${problem}`;
    if (!lines.has(key)) lines.set(key, new Set());
    if (mode) lines.get(key).add(mode);
  }
  const names = { file: 'file://', http: 'over HTTP' };
  const label = (modes) => {
    if (modes.size !== 1) return '';
    const mode = [...modes][0];
    return names[mode] ? ` (${names[mode]} only)` : ` (at ${mode} only)`;
  };
  return [...lines].map(([key, modes]) => key + label(modes)).sort();
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const files = htmlFiles(args.out);
  if (files.length === 0) usage(`no *.html files under ${args.out}`);
  const started = Date.now();
  const { server, origin } = await startServer(args.out);
  const browser = await launch();
  let failures, seconds;
  try {
    failures = await checkAll(browser, origin, args.out, files);
    seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (args.screenshots) await takeScreenshots(browser, origin, args.out, files, path.resolve(args.screenshots));
  } finally {
    await browser.close();
    server.close();
  }
  const failed = new Set(failures.map((f) => f.page));
  const lines = report(failures);
  for (const line of lines) console.log(line);
  const axe = lines.filter((line) => line.includes(': axe ')).length;
  console.log(`checked ${files.length} pages as file:// and over HTTP at ${origin}${BASE}, with axe-core ${AXE_VERSION} at ${PHONE.width} and ${DESKTOP.width} px, in ${seconds} s: ${lines.length - axe} problems, ${axe} axe findings`);
  console.log(`${files.length - failed.size} passed, ${failed.size} failed`);
  process.exitCode = failures.length ? 1 : 0;
}

main().catch((err) => {
  console.error(err.stack || String(err));
  process.exit(2);
});
