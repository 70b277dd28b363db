// The state machines list: name, type, created, versions (ListStateMachineVersions when the server has it).
import { call } from '../api.js';
import { el, formatTime } from '../dom.js';
import { machineHref } from '../links.js';

// Rows ask one after another: a server without versions answers UnknownOperation once, the other rows then show it.
let versionsUnsupported = null;
let versionsQueue = Promise.resolve();

function countVersions(arn, cell) {
  versionsQueue = versionsQueue.then(() => askVersions(arn, cell));
}

function askVersions(arn, cell) {
  if (versionsUnsupported) {
    cell.textContent = '—';
    cell.title = `${versionsUnsupported.type}: ${versionsUnsupported.message}`;
    return undefined;
  }
  return call('ListStateMachineVersions', { stateMachineArn: arn })
    .then((answer) => { cell.textContent = String((answer.stateMachineVersions ?? []).length); })
    .catch((error) => {
      if (error.type === 'UnknownOperation') versionsUnsupported = error;
      cell.textContent = '—';
      cell.title = `${error.type}: ${error.message}`;
    });
}

export async function machinesPage(context) {
  document.title = 'State machines · asl console';
  const tbody = el('tbody');
  const more = el('button', { type: 'button', hidden: true }, 'Load more');
  context.main.append(
    el('h1', {}, 'State machines'),
    el('p', { class: 'hint' }, 'Create state machines with the Step Functions API (the AWS CLI, an SDK, or ',
      el('code', {}, 'CreateStateMachine'), '); they appear here.'),
    el('div', { class: 'table-wrap' }, el('table', { class: 'list', 'aria-label': 'State machines' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Name'), el('th', { scope: 'col' }, 'Type'),
        el('th', { scope: 'col' }, 'Created'), el('th', { scope: 'col' }, 'Versions'))),
      tbody)),
    more,
  );
  let nextToken;
  const load = async () => {
    const page = await call('ListStateMachines', nextToken ? { maxResults: 50, nextToken } : { maxResults: 50 });
    for (const machine of page.stateMachines ?? []) {
      const versions = el('td', { class: 'versions' }, '…');
      tbody.append(el('tr', {},
        el('td', {}, el('a', { href: machineHref(machine.stateMachineArn) }, machine.name)),
        el('td', {}, machine.type),
        el('td', {}, formatTime(machine.creationDate)),
        versions));
      countVersions(machine.stateMachineArn, versions);
    }
    if (!tbody.children.length) tbody.append(el('tr', {}, el('td', { colspan: 4, class: 'empty' }, 'No state machines yet.')));
    nextToken = page.nextToken;
    more.hidden = !nextToken;
  };
  more.addEventListener('click', () => load().catch(context.showError));
  await load();
}
