// The state machines list: name, type, created, versions (ListStateMachineVersions when the server has it).
import { call } from '../api.js';
import { el, formatTime } from '../dom.js';
import { machineHref } from '../links.js';

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
      call('ListStateMachineVersions', { stateMachineArn: machine.stateMachineArn })
        .then((answer) => { versions.textContent = String((answer.stateMachineVersions ?? []).length); })
        .catch((error) => {
          versions.textContent = '—';
          versions.title = `${error.type}: ${error.message}`;
        });
    }
    if (!tbody.children.length) tbody.append(el('tr', {}, el('td', { colspan: 4, class: 'empty' }, 'No state machines yet.')));
    nextToken = page.nextToken;
    more.hidden = !nextToken;
  };
  more.addEventListener('click', () => load().catch(context.showError));
  await load();
}
