// The console's entry point: a hash router over three pages (state machines, one state machine, one execution)
// and the credentials dialog shown when the API refuses a call: AWS credentials (SigV4) for asl serve, the function key
// for the Functions app (the page says which, see api.js).
import { el } from './dom.js';
import { ApiError, FUNCTION_KEY_AUTH, currentApi, loadCredentials, loadFunctionKey, saveCredentials, saveFunctionKey } from './api.js';
import { machinesPage } from './pages/machines.js';
import { machinePage } from './pages/machine.js';
import { executionPage } from './pages/execution.js';

const main = document.getElementById('main');
let disposeCurrent = () => {};

function route() {
  disposeCurrent();
  disposeCurrent = () => {};
  const hash = decodeURIComponent(location.hash.replace(/^#/, '')) || '/';
  const [, kind, ...rest] = hash.split('/');
  const arn = rest.join('/');
  main.replaceChildren();
  const context = {
    main,
    onDispose(callback) {
      const previous = disposeCurrent;
      disposeCurrent = () => {
        previous();
        callback();
      };
    },
    showError,
  };
  let page;
  if (kind === 'state-machine' && arn) page = machinePage(context, arn);
  else if (kind === 'execution' && arn) page = executionPage(context, arn);
  else page = machinesPage(context);
  Promise.resolve(page).catch(showError);
  updateCredentialsButton();
}

/** Shows an API error in the page's alert area; an authentication error opens the credentials dialog. */
function showError(error) {
  const area = document.getElementById('alerts');
  const type = error instanceof ApiError ? error.type : error?.name ?? 'Error';
  const message = error?.message ?? String(error);
  area.replaceChildren(el('div', { class: 'alert alert-error', role: 'alert' }, el('strong', {}, `${type}: `), message,
    el('button', { type: 'button', class: 'link', onclick: () => area.replaceChildren(), 'aria-label': 'Dismiss' }, '×')));
  if (error instanceof ApiError && error.isAuth) openCredentials();
}

const usesFunctionKey = () => currentApi().auth === FUNCTION_KEY_AUTH;

function openCredentials() {
  if (usesFunctionKey()) {
    const dialog = document.getElementById('function-key');
    if (!dialog.open) dialog.showModal();
    dialog.querySelector('form').functionKey.focus();
    return;
  }
  const dialog = document.getElementById('credentials');
  const form = dialog.querySelector('form');
  const stored = loadCredentials();
  form.accessKeyId.value = stored?.accessKeyId ?? '';
  form.region.value = stored?.region ?? 'us-east-1';
  if (!dialog.open) dialog.showModal();
  form.accessKeyId.focus();
}

function updateCredentialsButton() {
  const button = document.getElementById('credentials-button');
  if (usesFunctionKey()) {
    button.textContent = loadFunctionKey() ? 'Function key set' : 'Function key';
    return;
  }
  const stored = loadCredentials();
  button.textContent = stored ? `Signed in as ${stored.accessKeyId}` : 'Credentials';
}

/** After a dialog closes: clear the alert and load the page again with what was entered. */
function reload() {
  document.getElementById('alerts').replaceChildren();
  setTimeout(route, 0);
}

function setUpCredentials() {
  const dialog = document.getElementById('credentials');
  const form = dialog.querySelector('form');
  document.getElementById('credentials-button').addEventListener('click', openCredentials);
  form.addEventListener('submit', (event) => {
    if (event.submitter?.value === 'clear') {
      saveCredentials(null);
    } else if (event.submitter?.value === 'save') {
      saveCredentials({
        accessKeyId: form.accessKeyId.value.trim(),
        secretAccessKey: form.secretAccessKey.value,
        sessionToken: form.sessionToken.value.trim() || undefined,
        region: form.region.value.trim() || 'us-east-1',
      });
      form.secretAccessKey.value = '';
    }
    reload();
  });
  const keyForm = document.getElementById('function-key').querySelector('form');
  keyForm.addEventListener('submit', (event) => {
    if (event.submitter?.value === 'clear') saveFunctionKey(null);
    else if (event.submitter?.value === 'save') saveFunctionKey(keyForm.functionKey.value.trim());
    keyForm.functionKey.value = '';
    reload();
  });
}

setUpCredentials();
window.addEventListener('hashchange', route);
route();
