// Reading execution histories (GetExecutionHistory's events) into per-state status, data, errors, retries and Map counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildGraph } from '../src/graph-model.js';
import { graphStatus, mapBadges, readHistory } from '../src/history.js';

let id = 0;
const ev = (type, previousEventId, details) => {
  id += 1;
  const event = { id, type, previousEventId, timestamp: 1000 + id };
  if (details) event[type.endsWith('StateEntered') ? 'stateEnteredEventDetails' : type.endsWith('StateExited') ? 'stateExitedEventDetails' : `${type[0].toLowerCase()}${type.slice(1)}EventDetails`] = details;
  return event;
};

test('a retried task that succeeds, a caught failure, parallel branches and map iterations', () => {
  id = 0;
  const events = [
    ev('ExecutionStarted', 0, { input: '{}' }),
    ev('TaskStateEntered', 1, { name: 'Call', input: '{"a":1}' }), // 2
    ev('TaskScheduled', 2, {}), ev('TaskFailed', 3, { error: 'Boom', cause: 'first' }), // 3, 4
    ev('TaskScheduled', 4, {}), ev('TaskSucceeded', 5, { output: '{}' }), // 5, 6
    ev('TaskStateExited', 6, { name: 'Call', output: '{"ok":true}' }), // 7
    ev('ParallelStateEntered', 7, { name: 'Both', input: '{}' }), ev('ParallelStateStarted', 8), // 8, 9
    ev('PassStateEntered', 9, { name: 'Left', input: '{}' }), ev('PassStateEntered', 9, { name: 'Right', input: '{}' }), // 10, 11
    ev('PassStateExited', 10, { name: 'Left', output: '"l"' }), ev('PassStateExited', 11, { name: 'Right', output: '"r"' }), // 12, 13
    ev('ParallelStateSucceeded', 9), ev('ParallelStateExited', 14, { name: 'Both', output: '[]' }), // 14, 15
    ev('MapStateEntered', 15, { name: 'Each', input: '[1,2]' }), ev('MapStateStarted', 16, { length: 2 }), // 16, 17
    ev('MapIterationStarted', 17, { index: 0, name: 'Each' }), ev('MapIterationSucceeded', 18, { index: 0, name: 'Each' }), // 18, 19
    ev('MapIterationStarted', 19, { index: 1, name: 'Each' }), ev('MapIterationFailed', 20, { index: 1, name: 'Each' }), // 20, 21
    ev('MapStateFailed', 21, { error: 'States.ALL', cause: 'iteration 1' }), ev('MapStateExited', 22, { name: 'Each', output: '{}' }), // 22, 23
    ev('TaskStateEntered', 23, { name: 'Last', input: '{}' }), // 24
    ev('TaskScheduled', 24, {}), ev('TaskStarted', 25), // 25, 26
  ];
  const { runs } = readHistory(events, 'RUNNING');
  assert.equal(runs.get('Call').status, 'succeeded');
  assert.equal(runs.get('Call').retries, 1);
  assert.equal(runs.get('Call').output, '{"ok":true}');
  assert.equal(runs.get('Call').failures.length, 1);
  assert.equal(runs.get('Left').status, 'succeeded');
  assert.equal(runs.get('Right').output, '"r"');
  assert.equal(runs.get('Both').status, 'succeeded');
  assert.equal(runs.get('Each').status, 'caught');
  assert.deepEqual(runs.get('Each').iterations, { total: 2, started: 2, succeeded: 1, failed: 1, aborted: 0 });
  assert.equal(runs.get('Last').status, 'running');
  assert.equal(readHistory(events, 'ABORTED').runs.get('Last').status, 'stopped');
  assert.equal(readHistory(events, 'FAILED').runs.get('Last').status, 'failed');
});

test('a failed execution: the Fail state is failed and carries the execution error; others are not reached', () => {
  id = 0;
  const events = [
    ev('ExecutionStarted', 0, { input: '{}' }),
    ev('ChoiceStateEntered', 0, { name: 'Validate', input: '{}' }), ev('ChoiceStateExited', 2, { name: 'Validate', output: '{}' }),
    ev('FailStateEntered', 3, { name: 'Rejected', input: '{}' }),
    ev('ExecutionFailed', 0, { error: 'Order.NoItems', cause: 'the order has no items' }),
  ];
  const definition = JSON.parse(readFileSync(new URL('../../../../tests/Definitions/console/orders.asl.json', import.meta.url), 'utf8'));
  const model = buildGraph(definition);
  const { runs, execution } = readHistory(events, 'FAILED');
  assert.equal(execution.error, 'Order.NoItems');
  assert.equal(runs.get('Rejected').status, 'failed');
  assert.equal(runs.get('Rejected').cause, 'the order has no items');
  const status = graphStatus(model, runs);
  assert.equal(status.get('/States/Validate'), 'succeeded');
  assert.equal(status.get('/States/Hold'), 'notreached');
  assert.equal(status.get('/States/PriceItems/ItemProcessor/States/Price'), 'notreached');
  assert.equal(mapBadges(model, runs).size, 0);
});

test('a redriven execution: the stopped state runs again and its new run decides its status', () => {
  id = 0;
  const events = [
    ev('ExecutionStarted', 0, { input: '{}' }),
    ev('PassStateEntered', 1, { name: 'Validate', input: '{}' }), ev('PassStateExited', 2, { name: 'Validate', output: '{}' }),
    ev('TaskStateEntered', 3, { name: 'Call', input: '{}' }),
    ev('TaskScheduled', 4, {}), ev('TaskFailed', 5, { error: 'Boom', cause: 'first try' }),
    ev('ExecutionFailed', 6, { error: 'Boom', cause: 'first try' }),
    ev('ExecutionRedriven', 7, { redriveCount: 1 }),
    ev('TaskStateEntered', 8, { name: 'Call', input: '{}' }),
    ev('TaskScheduled', 9, {}),
  ];
  const running = readHistory(events, 'RUNNING');
  assert.equal(running.runs.get('Call').status, 'running');
  assert.equal(running.runs.get('Call').error, undefined);
  assert.equal(running.execution.redriveCount, 1);
  assert.equal(running.runs.get('Validate').status, 'succeeded');
  events.push(ev('TaskSucceeded', 10, { output: '{"ok":true}' }), ev('TaskStateExited', 11, { name: 'Call', output: '{"ok":true}' }),
    ev('ExecutionSucceeded', 12, { output: '{"ok":true}' }));
  const done = readHistory(events, 'SUCCEEDED');
  assert.equal(done.runs.get('Call').status, 'succeeded');
  assert.equal(done.runs.get('Call').failures.length, 1);
  assert.equal(done.execution.error, undefined);
});
