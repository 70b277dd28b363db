// One state machine: its graph, its definition with validation diagnostics (each linked to the node it concerns),
// the start form (input checked as JSON before sending) and its executions (status filter, paging).
import { call } from '../api.js';
import { el, formatTime, prettyJson } from '../dom.js';
import { buildGraph, nodeForPointer } from '../graph-model.js';
import { renderGraph } from '../graph-view.js';
import { executionHref } from '../links.js';

const STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'];

export async function machinePage(context, arn) {
  const machine = await call('DescribeStateMachine', { stateMachineArn: arn });
  document.title = `${machine.name} · asl console`;
  let definition = {};
  try {
    definition = JSON.parse(machine.definition);
  } catch {
    // The diagnostics below say why.
  }
  const model = buildGraph(definition);
  const details = el('div', { class: 'state-details', 'aria-live': 'polite' },
    el('p', { class: 'hint' }, 'Select a state (click, or Tab to it and press Enter) to see its definition.'));
  const graph = renderGraph(model, {
    onSelect: (node) => {
      graph.select(node.id);
      details.replaceChildren(el('h3', {}, `${node.name} (${node.type})`),
        el('pre', { class: 'json' }, JSON.stringify(pointerValue(definition, node.pointer), null, 2)));
    },
  });

  const diagnostics = el('ul', { class: 'diagnostics', 'aria-label': 'Validation diagnostics' });
  context.main.append(
    el('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, el('a', { href: '#/' }, 'State machines'), ' / ', machine.name),
    el('h1', {}, machine.name, ' ', el('span', { class: 'tag' }, machine.type ?? 'STANDARD')),
    el('p', { class: 'meta' }, el('span', {}, `ARN ${machine.stateMachineArn}`), el('span', {}, `created ${formatTime(machine.creationDate)}`),
      machine.revisionId ? el('span', {}, `revision ${machine.revisionId}`) : null),
    el('div', { class: 'split' },
      el('section', { class: 'panel', 'aria-labelledby': 'graph-title' }, el('h2', { id: 'graph-title' }, 'Graph'), graph.element, details),
      el('section', { class: 'panel', 'aria-labelledby': 'definition-title' }, el('h2', { id: 'definition-title' }, 'Definition'),
        el('h3', {}, 'Validation'), diagnostics,
        el('pre', { class: 'json definition', tabindex: '0', 'aria-label': 'Definition JSON' }, prettyJson(machine.definition)))),
    startForm(context, machine),
    executionsSection(context, arn),
  );

  const answer = await call('ValidateStateMachineDefinition', { definition: machine.definition, type: machine.type, severity: 'WARNING' });
  const found = answer.diagnostics ?? [];
  if (!found.length) diagnostics.append(el('li', { class: 'ok' }, 'OK: no problems found.'));
  for (const diagnostic of found) {
    const node = nodeForPointer(model, diagnostic.location ?? '');
    const item = el('li', { class: `diagnostic severity-${String(diagnostic.severity).toLowerCase()}` },
      el('strong', {}, `${diagnostic.severity} ${diagnostic.code}`), ' ', diagnostic.message, ' ',
      el('code', {}, diagnostic.location || '/'));
    if (node) {
      item.append(' ', el('button', { type: 'button', class: 'link', onclick: () => graph.focusNode(node.id) }, `show ${node.name}`));
      graph.element.querySelector(`[data-node="${CSS.escape(node.id)}"]`)?.classList.add(`has-${String(diagnostic.severity).toLowerCase()}`);
    }
    diagnostics.append(item);
  }
}

function startForm(context, machine) {
  const input = el('textarea', { id: 'start-input', name: 'input', rows: 5, spellcheck: 'false', 'aria-describedby': 'start-input-status' }, '{}');
  const name = el('input', { id: 'start-name', name: 'name', autocomplete: 'off', placeholder: 'generated when empty' });
  const status = el('p', { id: 'start-input-status', class: 'field-status', 'aria-live': 'polite' }, 'Valid JSON.');
  const submit = el('button', { type: 'submit', class: 'primary' }, 'Start execution');
  const check = () => {
    try {
      JSON.parse(input.value);
      status.textContent = 'Valid JSON.';
      status.classList.remove('invalid');
      input.removeAttribute('aria-invalid');
      submit.disabled = false;
      return true;
    } catch (error) {
      status.textContent = `Not valid JSON: ${error.message}`;
      status.classList.add('invalid');
      input.setAttribute('aria-invalid', 'true');
      submit.disabled = true;
      return false;
    }
  };
  input.addEventListener('input', check);
  const form = el('form', { class: 'panel start-form', 'aria-labelledby': 'start-title' },
    el('h2', { id: 'start-title' }, 'Start an execution'),
    el('label', { for: 'start-input' }, 'Input (JSON)'), input, status,
    el('label', { for: 'start-name' }, 'Name (optional)'), name,
    el('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!check()) return;
    const request = { stateMachineArn: machine.stateMachineArn, input: input.value };
    if (name.value.trim()) request.name = name.value.trim();
    submit.disabled = true;
    try {
      if (machine.type === 'EXPRESS') {
        const result = await call('StartSyncExecution', request);
        status.textContent = `${result.status}: ${result.output ?? result.error ?? ''} ${result.cause ?? ''}`;
      } else {
        const started = await call('StartExecution', request);
        location.hash = executionHref(started.executionArn);
      }
    } catch (error) {
      context.showError(error);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function executionsSection(context, arn) {
  const filter = el('select', { id: 'status-filter', 'aria-label': 'Status filter' },
    el('option', { value: '' }, 'All statuses'), ...STATUSES.map((s) => el('option', { value: s }, s)));
  const tbody = el('tbody');
  const previous = el('button', { type: 'button', disabled: true }, 'Previous page');
  const next = el('button', { type: 'button', disabled: true }, 'Next page');
  const refresh = el('button', { type: 'button' }, 'Refresh');
  const pageLabel = el('span', { class: 'page-label' });
  const tokens = [undefined];
  let pageIndex = 0;
  const load = async () => {
    const request = { stateMachineArn: arn, maxResults: 20 };
    if (filter.value) request.statusFilter = filter.value;
    if (tokens[pageIndex]) request.nextToken = tokens[pageIndex];
    const answer = await call('ListExecutions', request);
    tbody.replaceChildren(...(answer.executions ?? []).map((execution) => el('tr', {},
      el('td', {}, el('a', { href: executionHref(execution.executionArn) }, execution.name)),
      el('td', {}, el('span', { class: `status status-${execution.status.toLowerCase()}` }, execution.status)),
      el('td', {}, formatTime(execution.startDate)),
      el('td', {}, formatTime(execution.stopDate)))));
    if (!tbody.children.length) tbody.append(el('tr', {}, el('td', { colspan: 4, class: 'empty' }, 'No executions.')));
    tokens[pageIndex + 1] = answer.nextToken;
    next.disabled = !answer.nextToken;
    previous.disabled = pageIndex === 0;
    pageLabel.textContent = `Page ${pageIndex + 1}`;
  };
  const run = () => load().catch(context.showError);
  filter.addEventListener('change', () => {
    tokens.length = 1;
    pageIndex = 0;
    run();
  });
  next.addEventListener('click', () => { pageIndex += 1; run(); });
  previous.addEventListener('click', () => { pageIndex = Math.max(0, pageIndex - 1); run(); });
  refresh.addEventListener('click', run);
  run();
  return el('section', { class: 'panel', 'aria-labelledby': 'executions-title' },
    el('h2', { id: 'executions-title' }, 'Executions'),
    el('div', { class: 'toolbar' }, filter, refresh, previous, pageLabel, next),
    el('div', { class: 'table-wrap' }, el('table', { class: 'list', 'aria-label': 'Executions' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Name'), el('th', { scope: 'col' }, 'Status'),
        el('th', { scope: 'col' }, 'Started'), el('th', { scope: 'col' }, 'Ended'))),
      tbody)));
}

function pointerValue(root, pointer) {
  let value = root;
  for (const token of pointer.split('/').slice(1)) {
    if (value === undefined || value === null) return undefined;
    value = value[token.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return value;
}
