// One execution: the graph coloured from its history (status also as text on every node), per-state details
// (input, output, error and cause, retries, timing, Map iteration counts, a Distributed Map's map run from
// DescribeMapRun), the event table, Stop and Redrive; polls every second while the execution runs.
import { call } from '../api.js';
import { el, formatTime, prettyJson } from '../dom.js';
import { buildGraph } from '../graph-model.js';
import { renderGraph, STATUS_LABELS } from '../graph-view.js';
import { eventDetails, graphStatus, mapBadges, readHistory } from '../history.js';
import { machineHref } from '../links.js';
import { mapRunArns, mapRunLabel, mapRunRows } from '../map-runs.js';

const POLL_MS = 1000;

export async function executionPage(context, arn) {
  const [execution, machine] = await Promise.all([
    call('DescribeExecution', { executionArn: arn }),
    call('DescribeStateMachineForExecution', { executionArn: arn }),
  ]);
  document.title = `${execution.name} · asl console`;
  let definition = {};
  try {
    definition = JSON.parse(machine.definition);
  } catch {
    // An unreadable definition draws an empty graph.
  }
  const model = buildGraph(definition);
  let selected = null;
  let state = { execution, events: [], runs: new Map(), mapRuns: new Map() };

  const summary = el('dl', { class: 'summary' });
  const io = el('section', { class: 'panel io', 'aria-label': 'Execution input and output' });
  const graphHolder = el('div', { class: 'graph-holder' });
  const details = el('div', { class: 'state-details', 'aria-live': 'polite' });
  const eventsBody = el('tbody');
  const stop = el('button', { type: 'button', class: 'danger' }, 'Stop execution');
  const redrive = el('button', { type: 'button' }, 'Redrive');
  const legend = el('ul', { class: 'legend', 'aria-label': 'Legend' },
    ...Object.entries(STATUS_LABELS).map(([key, label]) => el('li', { class: `status-${key}` }, el('span', { class: 'swatch', 'aria-hidden': 'true' }), label)));

  context.main.append(
    el('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, el('a', { href: '#/' }, 'State machines'), ' / ',
      el('a', { href: machineHref(execution.stateMachineArn) }, machine.name), ' / ', execution.name),
    el('h1', {}, execution.name, ' ', el('span', { id: 'execution-status', class: 'status' })),
    el('div', { class: 'toolbar' }, stop, redrive),
    summary,
    el('div', { class: 'split' },
      el('section', { class: 'panel', 'aria-labelledby': 'graph-title' }, el('h2', { id: 'graph-title' }, 'Graph'), legend, graphHolder),
      el('section', { class: 'panel', 'aria-labelledby': 'state-title' }, el('h2', { id: 'state-title' }, 'State'), details)),
    io,
    el('section', { class: 'panel', 'aria-labelledby': 'events-title' }, el('h2', { id: 'events-title' }, 'Events'),
      el('div', { class: 'table-wrap' }, el('table', { class: 'list events', 'aria-label': 'Execution events' },
        el('thead', {}, el('tr', {}, ...['ID', 'Type', 'Step', 'Previous', 'Time', 'Details'].map((h) => el('th', { scope: 'col' }, h)))),
        eventsBody))),
  );

  const showState = (node) => {
    selected = node.name;
    const run = state.runs.get(node.name);
    const rows = [['Type', node.type], ['Status', STATUS_LABELS[run?.status ?? 'notreached']]];
    if (run) {
      rows.push(['Entered', formatTime(run.entered)], ['Exited', formatTime(run.exited)]);
      if (run.entered !== undefined && run.exited !== undefined) rows.push(['Duration', `${Math.round((run.exited - run.entered) * 1000)} ms`]);
      rows.push(['Retries', String(run.retries)]);
      // A Distributed Map's items run in its map run: its counts come from DescribeMapRun, not the parent's history.
      const mapRun = state.mapRuns.get(node.name);
      if (run.iterations && !mapRun) {
        const i = run.iterations;
        rows.push(['Map iterations', `${i.total} items: ${i.started} started, ${i.succeeded} succeeded, ${i.failed} failed${i.aborted ? `, ${i.aborted} aborted` : ''}`]);
      }
      if (mapRun?.error) rows.push(['Map run', `${mapRun.arn}: ${mapRun.error}`]);
      else if (mapRun) rows.push(...mapRunRows(mapRun.arn, mapRun.description));
      if (run.error !== undefined) rows.push(['Error', run.error ?? '']);
    }
    details.replaceChildren(...[
      el('h3', { id: 'selected-state' }, node.name),
      el('dl', { class: 'facts' }, ...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', { 'data-field': k.toLowerCase() }, v)])),
      run?.cause !== undefined ? section('Cause', run.cause, 'cause') : null,
      run?.failures?.length > 1 ? el('details', {}, el('summary', {}, `${run.failures.length} failures`),
        el('ol', {}, ...run.failures.map((f) => el('li', {}, `${f.type}: ${f.error ?? ''} ${f.cause ?? ''}`)))) : null,
      section('Input', run?.input, 'input'),
      section('Output', run?.output, 'output'),
    ].filter(Boolean));
  };

  const draw = () => {
    const status = graphStatus(model, state.runs);
    const badges = mapBadges(model, state.runs);
    for (const node of model.nodes) {
      const mapRun = node.kind === 'state' ? state.mapRuns.get(node.name) : undefined;
      if (mapRun?.description) badges.set(node.id, mapRunLabel(mapRun.description));
    }
    const graph = renderGraph(model, {
      status,
      badges,
      onSelect: (node) => {
        graph.select(node.id);
        showState(node);
      },
    });
    const focused = document.activeElement?.getAttribute?.('data-node');
    graphHolder.replaceChildren(graph.element);
    const selectedNode = model.nodes.find((n) => n.name === selected && n.kind === 'state');
    if (selectedNode) {
      graph.select(selectedNode.id);
      showState(selectedNode);
    }
    if (focused) graph.element.querySelector(`[data-node="${CSS.escape(focused)}"]`)?.focus();
  };

  const render = () => {
    const e = state.execution;
    const badge = document.getElementById('execution-status');
    badge.textContent = e.status;
    badge.className = `status status-${e.status.toLowerCase()}`;
    const facts = [['Status', e.status], ['Started', formatTime(e.startDate)], ['Ended', formatTime(e.stopDate)], ['ARN', e.executionArn]];
    if (e.error !== undefined) facts.push(['Error', e.error]);
    if (e.cause !== undefined) facts.push(['Cause', e.cause]);
    if (e.redriveCount) facts.push(['Redrives', String(e.redriveCount)], ['Redriven', formatTime(e.redriveDate)]);
    if (e.redriveStatusReason && e.status !== 'RUNNING') facts.push(['Redrive', e.redriveStatusReason]);
    summary.replaceChildren(...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', { 'data-field': `execution-${k.toLowerCase()}` }, v ?? '')]));
    const blocks = [section('Execution input', e.input, 'execution-input')];
    if (e.output !== undefined) blocks.push(section('Execution output', e.output, 'execution-output'));
    io.replaceChildren(...blocks);
    stop.disabled = e.status !== 'RUNNING';
    redrive.disabled = e.redriveStatus ? e.redriveStatus !== 'REDRIVABLE' : !['FAILED', 'TIMED_OUT', 'ABORTED'].includes(e.status);
    eventsBody.replaceChildren(...state.events.map((event) => {
      const detail = eventDetails(event);
      return el('tr', { 'data-event-type': event.type },
        el('td', {}, String(event.id)), el('td', {}, event.type), el('td', {}, detail?.name ?? ''),
        el('td', {}, event.previousEventId ? String(event.previousEventId) : ''), el('td', {}, formatTime(event.timestamp)),
        el('td', {}, detail ? el('details', {}, el('summary', {}, 'details'), el('pre', { class: 'json' }, JSON.stringify(detail, null, 2))) : ''));
    }));
    draw();
  };

  let timer;
  let stopped = false;
  context.onDispose(() => {
    stopped = true;
    clearTimeout(timer);
  });
  const refresh = async () => {
    const described = await call('DescribeExecution', { executionArn: arn });
    const events = [];
    let nextToken;
    do {
      const page = await call('GetExecutionHistory', { executionArn: arn, maxResults: 1000, includeExecutionData: true, ...(nextToken ? { nextToken } : {}) });
      events.push(...(page.events ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    const { runs } = readHistory(events, described.status);
    const mapRuns = new Map(await Promise.all([...mapRunArns(events)].map(async ([name, mapRunArn]) => {
      try {
        return [name, { arn: mapRunArn, description: await call('DescribeMapRun', { mapRunArn }) }];
      } catch (error) {
        return [name, { arn: mapRunArn, error: error.message }];
      }
    })));
    state = { execution: described, events, runs, mapRuns };
    if (!stopped) render();
    if (!stopped && described.status === 'RUNNING') timer = setTimeout(() => refresh().catch(context.showError), POLL_MS);
  };

  stop.addEventListener('click', async () => {
    if (!window.confirm(`Stop ${execution.name}?`)) return;
    try {
      await call('StopExecution', { executionArn: arn, error: 'Console.Stopped', cause: 'Stopped from the asl console.' });
      await refresh();
    } catch (error) {
      context.showError(error);
    }
  });
  redrive.addEventListener('click', async () => {
    try {
      await call('RedriveExecution', { executionArn: arn });
      clearTimeout(timer);
      await refresh();
    } catch (error) {
      context.showError(error);
    }
  });

  await refresh();
  details.append(el('p', { class: 'hint' }, 'Select a state (click, or Tab to it and press Enter) to see its input, output and errors.'));
}

function section(title, text, field) {
  if (text === undefined || text === null) return el('div', { class: 'io-block' }, el('h4', {}, title), el('p', { class: 'hint' }, 'none'));
  return el('div', { class: 'io-block' }, el('h4', {}, title), el('pre', { class: 'json', 'data-field': field, tabindex: '0' }, prettyJson(text)));
}
