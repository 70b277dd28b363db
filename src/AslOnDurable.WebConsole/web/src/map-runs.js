// Distributed Map runs on the execution page: which map run each Map state started (the parent history's MapRunStarted
// events; a redrive may start another, the newest counts) and how DescribeMapRun's answer reads as text.

import { eventDetails } from './history.js';

/**
 * Map state name → the ARN of the map run it started last, from GetExecutionHistory's events. A MapRunStarted event
 * belongs to the Map state whose MapStateEntered its previousEventId chain reaches.
 */
export function mapRunArns(events) {
  const byId = new Map(events.map((e) => [e.id, e]));
  const arns = new Map();
  for (const event of [...events].sort((a, b) => a.id - b.id)) {
    if (event.type !== 'MapRunStarted') continue;
    const arn = eventDetails(event)?.mapRunArn;
    let current = byId.get(event.previousEventId);
    while (current && current.type !== 'MapStateEntered') current = byId.get(current.previousEventId);
    const name = eventDetails(current ?? {})?.name;
    if (arn && name) arns.set(name, arn);
  }
  return arns;
}

const COUNT_KEYS = ['succeeded', 'failed', 'timedOut', 'aborted', 'running', 'pending', 'total'];

/** "3 succeeded, 1 failed, 0 running, 2 pending of 6" from DescribeMapRun's itemCounts or executionCounts. */
export function countsText(counts) {
  if (!counts) return '';
  const parts = COUNT_KEYS.filter((k) => k !== 'total' && (counts[k] || ['succeeded', 'failed', 'running', 'pending'].includes(k)))
    .map((k) => `${counts[k] ?? 0} ${k === 'timedOut' ? 'timed out' : k}`);
  return `${parts.join(', ')} of ${counts.total ?? 0}`;
}

/** The short label on a Map node: "map run RUNNING · 4/6 items · 1 failed". */
export function mapRunLabel(run) {
  const items = run?.itemCounts ?? {};
  const done = (items.succeeded ?? 0) + (items.failed ?? 0) + (items.timedOut ?? 0) + (items.aborted ?? 0);
  const failed = (items.failed ?? 0) + (items.timedOut ?? 0);
  return `map run ${run?.status ?? '?'} · ${done}/${items.total ?? 0} items${failed ? ` · ${failed} failed` : ''}`;
}

/** Rows for the state's detail panel: [label, text]. */
export function mapRunRows(arn, run) {
  return [
    ['Map run', arn],
    ['Map run status', run.status ?? ''],
    ['Map run items', countsText(run.itemCounts)],
    ['Map run executions', countsText(run.executionCounts)],
  ];
}
