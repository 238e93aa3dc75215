// Markup check of handboek's built output with the Nu Html Checker. See README.md beside this file.
//
//   node tests/browser/validate.mjs <output-dir>
//
// Runs vnu.jar (npm `vnu-jar`) with the machine's Java (`$JAVA`, else `java` on PATH) over
// every *.html, *.css and *.svg file under <output-dir> in one JVM, errors only. Prints each
// error as `file:line:col: message` (file relative to <output-dir>) with the offending source
// below it, then `N passed, M failed` (counted in files). Exit 0 when clean, 1 on any error,
// 2 when it cannot run (no Java, no vnu.jar, bad arguments).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHECKED = /\.(html|css|svg)$/i;
const MIN_JAVA = 11; // vnu.jar's classes are Java 11 bytecode

function fail(problem, code = 2) {
  console.error(problem);
  process.exit(code);
}

function parseArgs(argv) {
  const usage = 'usage: node tests/browser/validate.mjs <output-dir>';
  if (argv.length !== 1 || argv[0].startsWith('--')) fail(usage);
  const out = path.resolve(argv[0]);
  if (!existsSync(out) || !statSync(out).isDirectory()) fail(`not a folder: ${argv[0]}\n${usage}`);
  return out;
}

function checkedFiles(root) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (CHECKED.test(entry.name)) found.push(full);
    }
  };
  walk(root);
  return found.sort();
}

function vnuJar() {
  try {
    return createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
  } catch {
    return fail('no vnu.jar: run `npm ci --ignore-scripts --prefix tests/browser` first');
  }
}

// The machine's Java only: vnu-jar's own wrapper would try to download a runtime.
function java() {
  const program = process.env.JAVA || 'java';
  const probe = spawnSync(program, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    fail(`no Java (${program}): install a Java runtime (apt-get install default-jre-headless) or set JAVA`);
  }
  const major = Number(/version "(?:1\.)?(\d+)/.exec(probe.stderr + probe.stdout)?.[1]);
  if (!(major >= MIN_JAVA)) fail(`the Nu Html Checker needs Java ${MIN_JAVA} or later; ${program} is ${major || 'unknown'}`);
  return program;
}

// Two JVMs side by side: vnu's `--also-check-css` shifts the line numbers it reports for
// HTML and SVG by one, so the style sheets are checked on their own with `--css`.
function runVnu(javaProgram, jar, files, kindArgs) {
  if (files.length === 0) return Promise.resolve([]);
  const args = [
    '-Xss2m', '-jar', jar, '--errors-only', '--format', 'json', '--stdout', '--asciiquotes',
    '--no-langdetect', ...kindArgs, ...files,
  ];
  return new Promise((resolve) => {
    const child = spawn(javaProgram, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', (error) => fail(`could not run ${javaProgram}: ${error.message}`));
    child.on('close', (status) => {
      const stdout = Buffer.concat(out).toString('utf8');
      try {
        resolve(JSON.parse(stdout).messages);
      } catch {
        fail(`vnu.jar gave no JSON report (exit ${status})\n${stdout}\n${Buffer.concat(err).toString('utf8')}`);
      }
    });
  });
}

function relative(root, url) {
  if (!url) return '(no file)';
  try {
    return path.relative(root, fileURLToPath(url.replace(/^file:(?!\/\/)/, 'file://'))).split(path.sep).join('/');
  } catch {
    return url;
  }
}

// The source around the error, on one line, with the error itself between » «.
function excerpt(message) {
  if (typeof message.extract !== 'string') return null;
  const { extract, hiliteStart: start = 0, hiliteLength: length = 0 } = message;
  const shown = extract.slice(0, start) + '»' + extract.slice(start, start + length) + '«' + extract.slice(start + length);
  return shown.replace(/\s+/g, ' ').trim();
}

async function main() {
  const root = parseArgs(process.argv.slice(2));
  const files = checkedFiles(root);
  if (!files.some((file) => /\.html$/i.test(file))) fail(`no *.html files under ${root}`);
  const started = Date.now();
  const [javaProgram, jar] = [java(), vnuJar()];
  const css = files.filter((file) => /\.css$/i.test(file));
  const markup = files.filter((file) => !/\.css$/i.test(file));
  const messages = (await Promise.all([
    runVnu(javaProgram, jar, markup, ['--also-check-svg']),
    runVnu(javaProgram, jar, css, ['--css']),
  ])).flat();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  const failed = new Set();
  const lines = messages.map((message) => {
    const file = relative(root, message.url);
    failed.add(file);
    const line = message.firstLine ?? message.lastLine ?? 0;
    const column = message.firstColumn ?? message.lastColumn ?? 0;
    const kind = message.type === 'error' ? '' : `${message.type}: `;
    const near = excerpt(message);
    return { file, line, column, text: `${file}:${line}:${column}: ${kind}${message.message}` + (near ? `\n    ${near}` : '') };
  });
  lines.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  for (const { text } of lines) console.log(text);
  const html = files.filter((file) => /\.html$/i.test(file)).length;
  console.log(`validated ${html} HTML, ${files.length - html} CSS/SVG files with the Nu Html Checker in ${seconds} s: ${messages.length} errors`);
  console.log(`${files.length - failed.size} passed, ${failed.size} failed`);
  process.exitCode = messages.length ? 1 : 0;
}

main().catch((err) => fail(err.stack || String(err)));
