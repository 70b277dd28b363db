// Reads an execution's history (GetExecutionHistory events) into what the execution page shows per state:
// status (running, succeeded, failed, caught, stopped, not reached), input, output, error and cause, retries,
// timing, and a Map's iteration counts. Each event belongs to the state whose *StateEntered event its
// previousEventId chain reaches first, which keeps concurrent Parallel branches and Map iterations apart.

const FAILURE_SUFFIXES = ['Failed', 'TimedOut'];
const ATTEMPT_TYPES = new Set(['TaskScheduled', 'LambdaFunctionScheduled', 'ActivityScheduled']);

/** Details of an event, whatever its member name. */
export function eventDetails(event) {
  const key = Object.keys(event).find((k) => k.endsWith('EventDetails'));
  return key ? event[key] : undefined;
}

/**
 * Returns { runs: Map stateName → run, execution: { status, error, cause, redriveCount } }. After an ExecutionRedriven
 * event the states it reruns count from their new entry (their earlier failures stay in run.failures).
 * run: { name, status, entered, exited, input, output, error, cause, retries, attempts, iterations }.
 * executionStatus is DescribeExecution's status (RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE).
 */
export function readHistory(events, executionStatus) {
  const byId = new Map(events.map((e) => [e.id, e]));
  const owners = new Map();
  const ownerOf = (event) => {
    const chain = [];
    let current = event;
    let owner = null;
    while (current) {
      if (owners.has(current.id)) {
        owner = owners.get(current.id);
        break;
      }
      chain.push(current);
      if (current.type.endsWith('StateEntered')) {
        owner = eventDetails(current)?.name ?? null;
        break;
      }
      if (current !== event && (current.type.endsWith('StateExited') || current.type === 'ExecutionStarted')) break;
      current = byId.get(current.previousEventId);
    }
    for (const seen of chain) owners.set(seen.id, owner);
    return owner;
  };

  const runs = new Map();
  const execution = { status: executionStatus, error: undefined, cause: undefined };
  const runFor = (name) => {
    if (!runs.has(name)) {
      runs.set(name, { name, status: 'running', entered: undefined, exited: undefined, input: undefined, output: undefined,
        error: undefined, cause: undefined, failures: [], attempts: 0, retries: 0, iterations: undefined, open: 0, lastFailed: false });
    }
    return runs.get(name);
  };

  for (const event of [...events].sort((a, b) => a.id - b.id)) {
    const details = eventDetails(event) ?? {};
    if (event.type === 'ExecutionRedriven') {
      // RedriveExecution: the states left unfinished are entered again; what happened to them before stays in failures.
      for (const run of runs.values()) {
        if (run.open > 0 || run.failState) {
          Object.assign(run, { open: 0, attempts: 0, failState: false, error: undefined, cause: undefined });
        }
      }
      Object.assign(execution, { error: undefined, cause: undefined, redriveCount: details.redriveCount });
      continue;
    }
    if (event.type.startsWith('Execution') && event.type !== 'ExecutionStarted') {
      if (details.error !== undefined || details.cause !== undefined) {
        execution.error = details.error;
        execution.cause = details.cause;
      }
      continue;
    }
    const owner = ownerOf(event);
    if (!owner) continue;
    const run = runFor(owner);
    if (event.type.endsWith('StateEntered')) {
      run.entered ??= event.timestamp;
      run.input = details.input ?? run.input;
      run.open += 1;
      if (event.type === 'FailStateEntered') run.failState = true;
    } else if (event.type.endsWith('StateExited')) {
      run.exited = event.timestamp;
      run.output = details.output ?? run.output;
      run.open = Math.max(0, run.open - 1);
    } else if (ATTEMPT_TYPES.has(event.type)) {
      run.attempts += 1;
      run.lastFailed = false;
    } else if (event.type === 'MapStateStarted') {
      run.iterations ??= { total: 0, started: 0, succeeded: 0, failed: 0, aborted: 0 };
      run.iterations.total = details.length ?? run.iterations.total;
    } else if (event.type.startsWith('MapIteration')) {
      run.iterations ??= { total: 0, started: 0, succeeded: 0, failed: 0, aborted: 0 };
      const key = event.type.slice('MapIteration'.length).toLowerCase();
      if (key in run.iterations) run.iterations[key] += 1;
    } else if (FAILURE_SUFFIXES.some((s) => event.type.endsWith(s)) && !event.type.startsWith('MapIteration')) {
      run.failures.push({ type: event.type, error: details.error, cause: details.cause, timestamp: event.timestamp });
      run.error = details.error;
      run.cause = details.cause;
      run.lastFailed = true;
    } else if (event.type.endsWith('Succeeded')) {
      run.lastFailed = false;
    }
  }

  const ended = executionStatus && executionStatus !== 'RUNNING';
  for (const run of runs.values()) {
    run.retries = Math.max(0, run.attempts - 1);
    if (run.failState) {
      run.status = 'failed';
      if (run.error === undefined) {
        run.error = execution.error;
        run.cause = execution.cause;
      }
    } else if (run.open > 0) {
      if (!ended) run.status = 'running';
      else if (executionStatus === 'ABORTED') run.status = 'stopped';
      else run.status = 'failed';
    } else if (run.lastFailed) {
      run.status = 'caught';
    } else {
      run.status = 'succeeded';
    }
    if (run.status === 'failed' && run.error === undefined && execution.error !== undefined) {
      run.error = execution.error;
      run.cause = execution.cause;
    }
  }
  return { runs, execution };
}

/** Node statuses for the graph: state node id → status; states never entered are "not reached". */
export function graphStatus(model, runs) {
  const status = new Map();
  for (const node of model.nodes) {
    if (node.kind !== 'state') continue;
    status.set(node.id, runs.get(node.name)?.status ?? 'notreached');
  }
  return status;
}

/** Map badges: Map node id → "items 3 · ok 2 · failed 1". */
export function mapBadges(model, runs) {
  const badges = new Map();
  for (const node of model.nodes) {
    const counts = node.kind === 'state' && node.type === 'Map' ? runs.get(node.name)?.iterations : undefined;
    if (counts) badges.set(node.id, `iterations ${counts.succeeded + counts.failed}/${counts.total}${counts.failed ? ` · ${counts.failed} failed` : ''}`);
  }
  return badges;
}
