// Browser end-to-end tests of the asl web console. Starts `asl serve` on a free loopback port (with a temporary
// --items-folder for a Distributed Map's item reader), creates state machines
// through the Step Functions API, and drives the system's headless Chromium with playwright-core: the list, the
// graph (nodes, edges, groups, terminals), starting from the form, a state turning succeeded, a failed execution's
// error, a Distributed Map's map run counts, keyboard use, laptop and phone widths, and no console errors. Screenshots go to $CONSOLE_SCREENSHOTS
// (default tests/console-e2e/out). Run: node --test console.test.mjs (ASL_DLL names the built asl.dll).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const aslDll = process.env.ASL_DLL ?? join(root, 'src/AslOnDurable.Cli/bin/Release/net10.0/asl.dll');
const shots = process.env.CONSOLE_SCREENSHOTS ?? join(here, 'out');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const definitions = join(root, 'tests/Definitions/console');
const role = 'arn:aws:iam::123456789012:role/StepFunctionsRole';
const LAPTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

let server;
let baseUrl;
let browser;
let ordersArn;
let itemsFolder;
const problems = [];
const apiErrors = [];

async function api(action, body) {
  const response = await fetch(`${baseUrl}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AWSStepFunctions.${action}` },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${action}: ${json.__type}: ${json.message}`);
  return json;
}

function startServer() {
  return new Promise((resolvePromise, reject) => {
    server = spawn('dotnet', [aslDll, 'serve', '--port', '0', '--items-folder', itemsFolder], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`asl serve did not start in 60 s: ${output}`)), 60_000);
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    });
    server.stderr.on('data', (chunk) => { output += chunk; });
    server.on('exit', (code) => reject(new Error(`asl serve exited with ${code}: ${output}`)));
  });
}

async function openPage(viewport = LAPTOP) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // The API answers errors with HTTP 400 (AWS's protocol; a Functions app refuses a missing key with 401) and the
    // browser logs each one; the console shows them in its alert area. Those are counted apart; anything else is a problem.
    if (/Failed to load resource: the server responded with a status of 40[01]/.test(message.text())) apiErrors.push(message.text());
    else problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  return page;
}

/**
 * Runs a route handler; once the test is closing its page (closing() is true), a call still in the handler's hands fails
 * because its context is gone (route.fetch: "Request context disposed"): that is expected, not an unhandled rejection.
 */
async function unlessClosing(closing, handle) {
  try {
    return await handle();
  } catch (error) {
    if (!closing()) throw error;
  }
}

const machineUrl = (arn) => `${baseUrl}/#/state-machine/${encodeURIComponent(arn)}`;
const executionUrl = (arn) => `${baseUrl}/#/execution/${encodeURIComponent(arn)}`;
const node = (page, name) => page.locator(`svg.graph g.node-state[data-name="${name}"]`);

before(async () => {
  mkdirSync(shots, { recursive: true });
  // Blob containers for Distributed Map item readers: one sub-folder per container.
  itemsFolder = mkdtempSync(join(tmpdir(), 'asl-console-items-'));
  mkdirSync(join(itemsFolder, 'batch'));
  writeFileSync(join(itemsFolder, 'batch', 'items.json'), JSON.stringify([{ n: 1 }, { n: 2 }, { n: -3 }, { n: 4 }]));
  baseUrl = await startServer();
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  await api('CreateStateMachine', { name: 'refuser', definition: readFileSync(join(definitions, 'refuser.asl.json'), 'utf8'), roleArn: role });
  ordersArn = (await api('CreateStateMachine', { name: 'orders', definition: readFileSync(join(definitions, 'orders.asl.json'), 'utf8'), roleArn: role })).stateMachineArn;
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  if (itemsFolder) rmSync(itemsFolder, { recursive: true, force: true });
});

describe('asl web console', () => {
  test('serves the page, script and style with their content types and a strict content security policy', async () => {
    const page = await fetch(`${baseUrl}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /^text\/html/);
    assert.match(page.headers.get('content-security-policy'), /script-src 'self'/);
    const script = await fetch(`${baseUrl}/console.js`);
    assert.match(script.headers.get('content-type'), /^text\/javascript/);
    assert.ok((await script.text()).length > 10_000, 'the bundle includes dagre');
    assert.match((await fetch(`${baseUrl}/console.css`)).headers.get('content-type'), /^text\/css/);
    assert.equal((await fetch(`${baseUrl}/nothing.js`)).status, 404);
  });

  test('lists the state machines created through the API', async () => {
    const page = await openPage();
    await page.goto(baseUrl);
    const rows = page.locator('table.list tbody tr');
    await rows.filter({ hasText: 'orders' }).first().waitFor();
    const text = await page.locator('table.list').innerText();
    assert.match(text, /orders\s+STANDARD/);
    assert.match(text, /refuser\s+STANDARD/);
    await page.screenshot({ path: join(shots, 'machines-laptop.png'), fullPage: true });
    await page.context().close();
  });

  test('draws every state with its type, labelled Choice edges, dashed Catch edges, nested groups and terminals', async () => {
    const page = await openPage();
    await page.goto(machineUrl(ordersArn));
    await page.locator('svg.graph').waitFor();
    const nodes = await page.$$eval('svg.graph g.node-state', (items) => items.map((n) => `${n.dataset.name}:${n.dataset.type}`).sort());
    assert.deepEqual(nodes, ['Done:Succeed', 'Hold:Wait', 'Notify:Task', 'Prepare:Parallel', 'Price:Pass', 'PriceItems:Map',
      'Quote:Pass', 'Rejected:Fail', 'Reserve:Pass', 'Validate:Choice']);
    assert.equal(await page.locator('svg.graph g.node-terminal').count(), 2, 'Start and End');
    const edges = await page.$$eval('svg.graph g.edge', (items) => items.map((e) => ({ kind: e.dataset.kind, from: e.dataset.from, to: e.dataset.to, label: e.textContent })));
    const has = (kind, from, to, label) => edges.some((e) => e.kind === kind && e.from === from && e.to === to && (label === undefined || e.label.startsWith(label)));
    assert.ok(has('choice', '/States/Validate', '/States/Rejected', '$.items IsPresent false'), JSON.stringify(edges));
    assert.ok(has('choice', '/States/Validate', '/States/Prepare', '$.express IsPresent true && '));
    assert.ok(has('default', '/States/Validate', '/States/Hold', 'Default'));
    assert.ok(has('catch', '/States/Notify', '/States/Done', 'Catch States.ALL'));
    assert.ok(has('next', 'start', '/States/Validate'));
    assert.ok(has('next', '/States/Done', 'end') && has('next', '/States/Rejected', 'end'));
    assert.ok(has('branch', '/States/Prepare', '/States/Prepare/Branches/0/States/Reserve'));
    assert.ok(has('branch', '/States/PriceItems', '/States/PriceItems/ItemProcessor/States/Price'));
    const dash = await page.locator('svg.graph g.edge-catch path').first().evaluate((p) => getComputedStyle(p).strokeDasharray);
    assert.notEqual(dash, 'none', 'Catch edges are dashed');
    const groups = await page.$$eval('svg.graph g.group', (items) => items.map((g) => g.textContent).sort());
    assert.deepEqual(groups, ['Branch 1', 'Branch 2', 'ItemProcessor', 'Map PriceItems', 'Parallel Prepare']);
    assert.match(await page.locator('ul.diagnostics').innerText(), /no problems/);
    assert.match(await page.locator('pre.definition').innerText(), /"StartAt": "Validate"/);
    await page.screenshot({ path: join(shots, 'definition-laptop.png'), fullPage: true });
    await page.context().close();
  });

  test('points validation diagnostics at the node they concern', async () => {
    // A warning (AWS accepts the definition and would fail at run time): the console lists it and links it to state B.
    const definition = { QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Output: '{% $missingVar %}', End: true } } };
    const arn = (await api('CreateStateMachine', { name: 'warned', definition: JSON.stringify(definition), roleArn: role })).stateMachineArn;
    const page = await openPage();
    await page.goto(machineUrl(arn));
    const item = page.locator('ul.diagnostics li').first();
    await item.waitFor();
    assert.match(await item.innerText(), /WARNING UNDEFINED_VARIABLE .*\$missingVar.* \/States\/B\/Output/i);
    assert.equal(await node(page, 'B').evaluate((n) => n.classList.contains('has-warning')), true);
    await item.getByRole('button', { name: 'show B' }).click();
    assert.equal(await node(page, 'B').evaluate((n) => n.classList.contains('highlight') && document.activeElement === n), true);
    await page.context().close();
  });

  test('starts an execution from the form (JSON checked first) and watches its states turn succeeded', async () => {
    const page = await openPage();
    await page.goto(machineUrl(ordersArn));
    const input = page.locator('#start-input');
    await input.fill('{"items": [');
    assert.equal(await page.locator('.start-form button[type=submit]').isDisabled(), true);
    assert.match(await page.locator('#start-input-status').innerText(), /Not valid JSON/);
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    await input.fill(JSON.stringify({ items: [{ sku: 'a' }, { sku: 'b' }, { sku: 'c' }], holdSeconds: 2 }));
    await page.locator('#start-name').fill('from-form');
    await page.locator('.start-form button[type=submit]').click();
    await page.waitForURL(/#\/execution\//);
    await page.locator('#execution-status').filter({ hasText: /RUNNING|SUCCEEDED/ }).waitFor();
    await page.locator('svg.graph g.node-state[data-name="Done"][data-status="succeeded"]').waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('#execution-status').innerText(), 'SUCCEEDED');
    assert.equal(await node(page, 'Hold').getAttribute('data-status'), 'succeeded');
    assert.equal(await node(page, 'Notify').getAttribute('data-status'), 'caught');
    assert.equal(await node(page, 'Rejected').getAttribute('data-status'), 'notreached');
    assert.match(await node(page, 'Rejected').textContent(), /not reached/, 'status as text, not colour alone');
    assert.match(await node(page, 'PriceItems').textContent(), /iterations 3\/3/);
    const types = await page.$$eval('table.events tbody tr', (rows) => rows.map((r) => r.dataset.eventType));
    assert.equal(types[0], 'ExecutionStarted');
    assert.ok(types.includes('MapIterationSucceeded') && types.includes('TaskFailed') && types.at(-1) === 'ExecutionSucceeded', types.join());
    await node(page, 'Notify').click();
    assert.match(await page.locator('.state-details').innerText(), /States\.TaskFailed/);
    // The README's picture: a tall window so the whole graph shows, the caught Notify state selected.
    await page.setViewportSize({ width: 1440, height: 1640 });
    await page.locator('.graph-scroll').evaluate((scroller) => { scroller.scrollTop = 0; });
    await page.locator('.split').screenshot({ path: join(shots, 'console-execution.png') });
    await page.setViewportSize(LAPTOP);
    await node(page, 'PriceItems').click();
    assert.match(await page.locator('.state-details dd[data-field="map iterations"]').innerText(), /3 items: 3 started, 3 succeeded, 0 failed/);
    assert.equal(await page.locator('button', { hasText: 'Stop execution' }).isDisabled(), true);
    await page.screenshot({ path: join(shots, 'execution-succeeded-laptop.png'), fullPage: true });
    await page.context().close();
  });

  test('shows a Distributed Map state\'s map run: status and item and child execution counts', async () => {
    const definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'batch', Key: 'items.json' } },
          ToleratedFailureCount: 1,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
            StartAt: 'Check',
            States: {
              Check: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericLessThan: 0, Next: 'Negative' }], Default: 'Keep' },
              Negative: { Type: 'Fail', Error: 'Item.Negative', Cause: 'a negative item' },
              Keep: { Type: 'Pass', End: true },
            },
          },
          End: true,
        },
      },
    };
    const stateMachineArn = (await api('CreateStateMachine', { name: 'batch', definition: JSON.stringify(definition), roleArn: role })).stateMachineArn;
    const { executionArn } = await api('StartExecution', { stateMachineArn, name: 'four-items', input: '{}' });
    const page = await openPage();
    await page.goto(executionUrl(executionArn));
    await page.locator('#execution-status', { hasText: 'SUCCEEDED' }).waitFor({ timeout: 60_000 });
    await page.locator('svg.graph g.node-state[data-name="Each"]', { hasText: 'map run SUCCEEDED' }).waitFor();
    assert.match(await node(page, 'Each').textContent(), /map run SUCCEEDED · 4\/4 items · 1 failed/, 'counts as text on the node');
    await node(page, 'Each').click();
    const field = (name) => page.locator(`.state-details dd[data-field="${name}"]`).innerText();
    assert.match(await field('map run'), /:mapRun:batch\//);
    assert.equal(await field('map run status'), 'SUCCEEDED');
    assert.equal(await field('map run items'), '3 succeeded, 1 failed, 0 running, 0 pending of 4');
    assert.equal(await field('map run executions'), '3 succeeded, 1 failed, 0 running, 0 pending of 4');
    assert.equal(await page.locator('.state-details dd[data-field="map iterations"]').count(), 0, 'no inline iteration counts for a map run');
    await page.screenshot({ path: join(shots, 'execution-map-run-laptop.png'), fullPage: true });
    await page.context().close();
  });

  test('opens a failed execution and reads its error and cause', async () => {
    const { executionArn } = await api('StartExecution', { stateMachineArn: ordersArn, name: 'no-items', input: '{}' });
    const page = await openPage();
    await page.goto(executionUrl(executionArn));
    await page.locator('#execution-status', { hasText: 'FAILED' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('dd[data-field="execution-error"]').innerText(), 'Order.NoItems');
    assert.equal(await page.locator('dd[data-field="execution-cause"]').innerText(), 'the order has no items');
    assert.equal(await node(page, 'Rejected').getAttribute('data-status'), 'failed');
    assert.equal(await node(page, 'Validate').getAttribute('data-status'), 'succeeded');
    assert.equal(await node(page, 'Hold').getAttribute('data-status'), 'notreached');
    // Keyboard: Tab moves onto the graph's nodes, Enter opens the focused state.
    await node(page, 'Rejected').focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#selected-state').innerText(), 'Rejected');
    assert.match(await page.locator('.state-details dd[data-field="error"]').innerText(), /Order\.NoItems/);
    assert.equal(await page.locator('button', { hasText: 'Redrive' }).isEnabled(), true);
    await page.screenshot({ path: join(shots, 'execution-failed-laptop.png'), fullPage: true });
    await page.context().close();
  });

  test('colours a running state live, stops the execution, and redrives it', async () => {
    const { executionArn } = await api('StartExecution', { stateMachineArn: ordersArn, name: 'long-hold', input: JSON.stringify({ items: [{ sku: 'x' }], holdSeconds: 3600 }) });
    const page = await openPage();
    await page.goto(executionUrl(executionArn));
    await page.locator('svg.graph g.node-state[data-name="Hold"][data-status="running"]').waitFor({ timeout: 30_000 });
    assert.match(await node(page, 'Hold').textContent(), /Wait · running/);
    assert.equal(await node(page, 'Validate').getAttribute('data-status'), 'succeeded');
    assert.equal(await node(page, 'Prepare').getAttribute('data-status'), 'notreached');
    assert.equal(await page.locator('button', { hasText: 'Redrive' }).isDisabled(), true);
    page.once('dialog', (dialog) => dialog.accept());
    await page.locator('button', { hasText: 'Stop execution' }).click();
    await page.locator('#execution-status', { hasText: 'ABORTED' }).waitFor({ timeout: 30_000 });
    await page.locator('svg.graph g.node-state[data-name="Hold"][data-status="stopped"]').waitFor();
    assert.equal(await page.locator('table.events tbody tr').last().getAttribute('data-event-type'), 'ExecutionAborted');
    await page.locator('button', { hasText: 'Redrive' }).click();
    // RedriveExecution restarts it from the stopped Wait state: Validate is not run again, Hold runs again.
    await page.locator('#execution-status', { hasText: 'RUNNING' }).waitFor({ timeout: 30_000 });
    await page.locator('svg.graph g.node-state[data-name="Hold"][data-status="running"]').waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('#alerts').innerText(), '');
    assert.equal(await node(page, 'Validate').getAttribute('data-status'), 'succeeded');
    assert.equal(await page.locator('dd[data-field="execution-redrives"]').innerText(), '1');
    assert.equal(await page.locator('button', { hasText: 'Redrive' }).isDisabled(), true);
    await page.locator('table.events tbody tr[data-event-type="ExecutionRedriven"]').waitFor();
    const types = await page.locator('table.events tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event-type')));
    assert.equal(types.filter((t) => t === 'ChoiceStateEntered').length, 1); // Validate ran once
    assert.equal(types[types.indexOf('ExecutionAborted') + 1], 'ExecutionRedriven');
    await page.screenshot({ path: join(shots, 'execution-redriven-laptop.png'), fullPage: true });
    page.once('dialog', (dialog) => dialog.accept());
    await page.locator('button', { hasText: 'Stop execution' }).click();
    await page.locator('#execution-status', { hasText: 'ABORTED' }).waitFor({ timeout: 30_000 });
    await page.context().close();
  });

  test('works with the keyboard alone: skip link, links, focusable nodes', async () => {
    const page = await openPage();
    await page.goto(machineUrl(ordersArn));
    await page.locator('svg.graph').waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
    const focusable = [];
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      focusable.push(await page.evaluate(() => document.activeElement.getAttribute('data-name') ?? document.activeElement.tagName));
    }
    assert.ok(focusable.includes('Validate') && focusable.includes('Notify'), focusable.join());
    await node(page, 'Notify').focus();
    await page.keyboard.press('Enter');
    assert.match(await page.locator('.state-details h3').innerText(), /Notify \(Task\)/);
    await page.context().close();
  });

  test('fits a phone screen: no sideways scrolling of the page', async () => {
    const page = await openPage(PHONE);
    const { executionArn } = await api('StartExecution', { stateMachineArn: ordersArn, name: 'phone', input: JSON.stringify({ items: [{ sku: 'p' }], express: true }) });
    await page.goto(executionUrl(executionArn));
    await page.locator('svg.graph g.node-state[data-name="Done"][data-status="succeeded"]').waitFor({ timeout: 30_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await page.screenshot({ path: join(shots, 'execution-phone.png'), fullPage: false });
    await page.goto(machineUrl(ordersArn));
    await page.locator('svg.graph').waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth) <= 0);
    await page.screenshot({ path: join(shots, 'definition-phone.png'), fullPage: false });
    await page.context().close();
  });

  test('filters and pages executions', async () => {
    const page = await openPage();
    await page.goto(machineUrl(ordersArn));
    await page.locator('table[aria-label="Executions"] tbody tr a').first().waitFor();
    await page.locator('#status-filter').selectOption('FAILED');
    // The failed execution is in the unfiltered list too: wait for the filtered list itself (only FAILED rows), then check.
    await page.waitForFunction(() => {
      const shown = [...document.querySelectorAll('table[aria-label="Executions"] tbody .status')].map((s) => s.textContent);
      return shown.length > 0 && shown.every((s) => s === 'FAILED');
    }, null, { timeout: 15_000 }).catch(() => {});
    await page.locator('table[aria-label="Executions"] tbody tr', { hasText: 'no-items' }).waitFor();
    const statuses = await page.$$eval('table[aria-label="Executions"] tbody .status', (items) => items.map((s) => s.textContent));
    assert.ok(statuses.length > 0 && statuses.every((s) => s === 'FAILED'), statuses.join());
    await page.context().close();
  });

  test('shows an API error in the page instead of failing silently', async () => {
    const page = await openPage();
    await page.goto(machineUrl('arn:aws:states:us-east-1:123456789012:stateMachine:missing'));
    await page.locator('#alerts .alert').waitFor();
    assert.match(await page.locator('#alerts').innerText(), /StateMachineDoesNotExist/);
    await page.context().close();
  });

  test('asks for credentials when the API wants signed requests, then signs every call with SigV4', async () => {
    const page = await openPage();
    const seen = [];
    let closing = false;
    // Stands in for a server configured with credentials: unsigned calls get AWS's error, signed ones go through.
    await page.route(`${baseUrl}/`, (route) => unlessClosing(() => closing, async () => {
      const request = route.request();
      if (request.method() !== 'POST') return route.continue();
      const authorization = request.headers().authorization;
      seen.push(authorization ?? '');
      if (!authorization) {
        return route.fulfill({ status: 400, contentType: 'application/x-amz-json-1.0',
          body: JSON.stringify({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' }) });
      }
      return route.continue();
    }));
    await page.goto(baseUrl);
    const dialog = page.locator('dialog#credentials');
    await dialog.waitFor();
    assert.match(await page.locator('#alerts').innerText(), /MissingAuthenticationTokenException/);
    await page.locator('#cred-access-key').fill('AKIDCONSOLE');
    await page.locator('#cred-secret').fill('secret');
    await page.locator('#cred-region').fill('eu-west-1');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.locator('table.list tbody tr', { hasText: 'orders' }).waitFor();
    assert.match(seen.at(-1), /^AWS4-HMAC-SHA256 Credential=AKIDCONSOLE\/\d{8}\/eu-west-1\/states\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$/);
    assert.match(await page.locator('#credentials-button').innerText(), /AKIDCONSOLE/);
    closing = true; // calls still in the route's hands when the page closes fail: expected, not an error
    await page.context().close();
  });

  test('as the Functions app serves it: calls the API function beside the page and asks for the function key', async () => {
    const page = await openPage();
    const dist = join(root, 'src/AslOnDurable.WebConsole/dist');
    const html = readFileSync(join(dist, 'index.html'), 'utf8')
      .replace('<meta name="asl-api" content="/" data-auth="sigv4">', '<meta name="asl-api" content="../stepfunctions" data-auth="function-key">');
    assert.match(html, /data-auth="function-key"/);
    const headers = { 'content-security-policy': (await fetch(`${baseUrl}/`)).headers.get('content-security-policy') };
    const keys = [];
    let closing = false;
    // Stands in for the Functions app: the console's files under /api/console/, the API on /api/stepfunctions behind a key.
    await page.route(`${baseUrl}/api/**`, (route) => unlessClosing(() => closing, async () => {
      const request = route.request();
      const path = new URL(request.url()).pathname;
      if (path === '/api/console/') return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body: html });
      if (path.startsWith('/api/console/')) {
        const file = await route.fetch({ url: `${baseUrl}/${path.slice('/api/console/'.length)}` });
        return route.fulfill({ response: file, headers: { ...file.headers(), ...headers } });
      }
      if (path === '/api/stepfunctions' && request.method() === 'POST') {
        const key = request.headers()['x-functions-key'];
        keys.push(key ?? '');
        if (key !== 'k3y') return route.fulfill({ status: 401, body: '' });
        return route.fulfill({ response: await route.fetch({ url: `${baseUrl}/` }) });
      }
      return route.fulfill({ status: 404, body: '' });
    }));
    await page.goto(`${baseUrl}/api/console/`);
    const dialog = page.locator('dialog#function-key');
    await dialog.waitFor();
    await page.locator('#function-key-value').fill('k3y');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.locator('table.list tbody tr', { hasText: 'orders' }).waitFor();
    assert.equal(keys[0], '');
    assert.equal(keys.at(-1), 'k3y');
    assert.match(await page.locator('#credentials-button').innerText(), /Function key set/);
    await page.screenshot({ path: join(shots, 'functions-app-console.png') });
    closing = true; // calls still in the route's hands when the page closes fail: expected, not an error
    await page.context().close();
  });

  test('logged no console errors and no page errors', () => {
    assert.deepEqual(problems, []);
  });
});
