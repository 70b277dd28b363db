// The console's graph model: the same nodes, groups and edges `asl graph` builds (Cli/Graph/StateGraphBuilder.cs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildGraph, nodeForPointer } from '../src/graph-model.js';

const orders = JSON.parse(readFileSync(new URL('../../../../tests/Definitions/console/orders.asl.json', import.meta.url), 'utf8'));

test('states, terminals, joins, groups and edges of the orders machine', () => {
  const model = buildGraph(orders);
  assert.equal(model.nodes.filter((n) => n.kind === 'state').length, 10);
  assert.deepEqual(model.nodes.filter((n) => n.kind !== 'state').map((n) => n.id).sort(), ['/States/Prepare#end', '/States/PriceItems#end', 'end', 'start']);
  assert.deepEqual(model.groups.map((g) => `${g.id}|${g.label}|${g.parent}`), [
    '/States/Prepare#group|Parallel Prepare|null',
    '/States/Prepare/Branches/0#group|Branch 1|/States/Prepare#group',
    '/States/Prepare/Branches/1#group|Branch 2|/States/Prepare#group',
    '/States/PriceItems#group|Map PriceItems|null',
    '/States/PriceItems/ItemProcessor#group|ItemProcessor|/States/PriceItems#group',
  ]);
  const edges = model.edges.map((e) => `${e.from}>${e.to}|${e.kind}|${e.label}`);
  for (const expected of [
    '/States/Validate>/States/Rejected|choice|$.items IsPresent false',
    '/States/Validate>/States/Prepare|choice|$.express IsPresent true && $.express BooleanEq…',
    '/States/Validate>/States/Hold|default|Default',
    '/States/Notify>/States/Done|catch|Catch States.ALL',
    '/States/Prepare#end>/States/PriceItems|next|',
    '/States/Prepare/Branches/1/States/Quote>/States/Prepare#end|branch|',
    'start>/States/Validate|next|',
    '/States/Rejected>end|next|',
  ]) assert.ok(edges.includes(expected), `${expected} in ${edges.join('\n')}`);
  assert.equal(model.edges.length, 17, 'the same 17 edges asl graph draws');
});

test('a diagnostic location points at the deepest state containing it', () => {
  const model = buildGraph(orders);
  assert.equal(nodeForPointer(model, '/States/PriceItems/ItemProcessor/States/Price/Parameters').name, 'Price');
  assert.equal(nodeForPointer(model, '/States/PriceItems/ItemsPath').name, 'PriceItems');
  assert.equal(nodeForPointer(model, '/StartAt'), null);
});

test('a Next naming no state becomes a visible missing node', () => {
  const model = buildGraph({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nowhere' } } });
  assert.ok(model.nodes.some((n) => n.kind === 'missing' && n.name === 'Nowhere'));
});
