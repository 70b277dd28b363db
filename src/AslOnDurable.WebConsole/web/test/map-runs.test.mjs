// Distributed Map runs: finding the map run each Map state started in the parent's history, and the text shown for
// DescribeMapRun's answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countsText, mapRunArns, mapRunLabel, mapRunRows } from '../src/map-runs.js';

const runArn = (n) => `arn:aws:states:us-east-1:123456789012:mapRun:shop/Items:run-${n}`;
const history = () => [
  { id: 1, type: 'ExecutionStarted', previousEventId: 0, executionStartedEventDetails: { input: '{}' } },
  { id: 2, type: 'MapStateEntered', previousEventId: 1, stateEnteredEventDetails: { name: 'Items', input: '{}' } },
  { id: 3, type: 'MapStateStarted', previousEventId: 2, mapStateStartedEventDetails: { length: 0 } },
  { id: 4, type: 'MapRunStarted', previousEventId: 3, mapRunStartedEventDetails: { mapRunArn: runArn(1) } },
  { id: 5, type: 'MapRunFailed', previousEventId: 4, mapRunFailedEventDetails: { error: 'States.ExceedToleratedFailureThreshold' } },
  { id: 6, type: 'MapStateFailed', previousEventId: 5 },
  { id: 7, type: 'ExecutionFailed', previousEventId: 6, executionFailedEventDetails: { error: 'States.ExceedToleratedFailureThreshold' } },
  { id: 8, type: 'PassStateEntered', previousEventId: 1, stateEnteredEventDetails: { name: 'Other', input: '{}' } },
];

test('each Map state maps to the map run it started; a redriven run replaces the earlier one', () => {
  const events = history();
  assert.deepEqual([...mapRunArns(events)], [['Items', runArn(1)]]);
  events.push(
    { id: 9, type: 'ExecutionRedriven', previousEventId: 7, executionRedrivenEventDetails: { redriveCount: 1 } },
    { id: 10, type: 'MapStateEntered', previousEventId: 9, stateEnteredEventDetails: { name: 'Items', input: '{}' } },
    { id: 11, type: 'MapStateStarted', previousEventId: 10 },
    { id: 12, type: 'MapRunStarted', previousEventId: 11, mapRunStartedEventDetails: { mapRunArn: runArn(2) } },
    { id: 13, type: 'MapStateEntered', previousEventId: 9, stateEnteredEventDetails: { name: 'Nested', input: '{}' } },
    { id: 14, type: 'MapRunStarted', previousEventId: 13, mapRunStartedEventDetails: { mapRunArn: runArn(3) } },
  );
  // Events arrive in any order (reverseOrder pages); ids decide which run is newest.
  assert.deepEqual([...mapRunArns(events.reverse())].sort(), [['Items', runArn(2)], ['Nested', runArn(3)]]);
});

test('histories without map runs, or with a MapRunStarted missing its ARN or state, give none', () => {
  assert.equal(mapRunArns([]).size, 0);
  assert.equal(mapRunArns([{ id: 1, type: 'MapRunStarted', previousEventId: 0, mapRunStartedEventDetails: {} }]).size, 0);
  assert.equal(mapRunArns([{ id: 1, type: 'MapRunStarted', previousEventId: 0, mapRunStartedEventDetails: { mapRunArn: runArn(1) } }]).size, 0);
});

test('DescribeMapRun counts read as words on the node and in the detail panel', () => {
  const run = {
    status: 'RUNNING',
    itemCounts: { pending: 2, running: 1, succeeded: 2, failed: 1, timedOut: 0, aborted: 0, total: 6 },
    executionCounts: { pending: 0, running: 1, succeeded: 2, failed: 1, timedOut: 0, aborted: 0, total: 4 },
  };
  assert.equal(mapRunLabel(run), 'map run RUNNING · 3/6 items · 1 failed');
  assert.equal(mapRunLabel({ status: 'SUCCEEDED', itemCounts: { succeeded: 3, total: 3 } }), 'map run SUCCEEDED · 3/3 items');
  assert.equal(countsText(run.itemCounts), '2 succeeded, 1 failed, 1 running, 2 pending of 6');
  assert.equal(countsText({ succeeded: 1, timedOut: 1, total: 2 }), '1 succeeded, 0 failed, 1 timed out, 0 running, 0 pending of 2');
  assert.deepEqual(mapRunRows(runArn(1), run), [
    ['Map run', runArn(1)],
    ['Map run status', 'RUNNING'],
    ['Map run items', '2 succeeded, 1 failed, 1 running, 2 pending of 6'],
    ['Map run executions', '2 succeeded, 1 failed, 1 running, 0 pending of 4'],
  ]);
});
