// The graph of a state machine definition: the same model `asl graph` builds in C# (Cli/Graph/StateGraph.cs).
// Nodes: one per state (id = the state's JSON Pointer), the Start and End terminals, and for Parallel and Map a
// join node where the branches meet. Groups: a Parallel's branches and a Map's ItemProcessor. Edges: Next,
// Choice rules (labelled), Default, Catch (dashed) and the branch entries/exits.

/** Builds the graph model of a parsed definition object. */
export function buildGraph(definition) {
  const model = { nodes: [], edges: [], groups: [] };
  const start = { id: 'start', name: 'Start', type: 'Start', kind: 'terminal', group: null, pointer: '' };
  const end = { id: 'end', name: 'End', type: 'End', kind: 'terminal', group: null, pointer: '' };
  model.nodes.push(start);
  const exits = addScope(model, definition, '', null);
  if (exits.startId) model.edges.push({ from: start.id, to: exits.startId, kind: 'next', label: '' });
  for (const id of exits.terminals) model.edges.push({ from: id, to: end.id, kind: 'next', label: '' });
  model.nodes.push(end);
  return model;
}

/** Adds the states of one scope (the machine, a branch, an item processor); returns its start and terminal ids. */
function addScope(model, scope, pointer, group) {
  const states = isObject(scope) && isObject(scope.States) ? scope.States : {};
  const ids = new Map();
  for (const name of Object.keys(states)) ids.set(name, `${pointer}/States/${escapePointer(name)}`);
  const terminals = [];
  for (const [name, state] of Object.entries(states)) {
    const id = ids.get(name);
    const type = isObject(state) && typeof state.Type === 'string' ? state.Type : '?';
    model.nodes.push({ id, name, type, kind: 'state', group, pointer: id });
    let exitId = id;
    if (type === 'Parallel' || type === 'Map') exitId = addNested(model, state, id, group, type);
    const link = (target, kind, label) => {
      if (typeof target !== 'string') return;
      if (ids.has(target)) model.edges.push({ from: exitId, to: ids.get(target), kind, label });
      else model.edges.push({ from: exitId, to: `missing:${pointer}/${target}`, kind, label, missing: target });
    };
    if (type === 'Choice') {
      const choices = Array.isArray(state.Choices) ? state.Choices : [];
      choices.forEach((rule, index) => link(rule?.Next, 'choice', ruleLabel(rule, index)));
      if (typeof state.Default === 'string') link(state.Default, 'default', 'Default');
    } else if (type === 'Succeed' || type === 'Fail' || state?.End === true) {
      terminals.push(exitId);
    } else {
      link(state?.Next, 'next', '');
    }
    const catchers = Array.isArray(state?.Catch) ? state.Catch : [];
    catchers.forEach((catcher) => {
      const errors = Array.isArray(catcher?.ErrorEquals) ? catcher.ErrorEquals.join(', ') : '';
      link(catcher?.Next, 'catch', `Catch ${errors}`.trim());
    });
  }
  // Targets that name no state: a node of their own so the problem is visible.
  for (const edge of model.edges) {
    if (edge.missing && !model.nodes.some((n) => n.id === edge.to)) {
      model.nodes.push({ id: edge.to, name: edge.missing, type: 'missing', kind: 'missing', group, pointer: '' });
    }
  }
  const startAt = isObject(scope) && typeof scope.StartAt === 'string' ? ids.get(scope.StartAt) : undefined;
  return { startId: startAt, terminals };
}

/** Adds a Parallel's branches or a Map's item processor as groups; returns the id of the join node. */
function addNested(model, state, id, parentGroup, type) {
  const joinId = `${id}#end`;
  const scopes = type === 'Parallel'
    ? (Array.isArray(state.Branches) ? state.Branches : []).map((branch, i) => ({ scope: branch, pointer: `${id}/Branches/${i}`, label: `Branch ${i + 1}` }))
    : [{ scope: state.ItemProcessor ?? state.Iterator, pointer: `${id}/${state.ItemProcessor ? 'ItemProcessor' : 'Iterator'}`, label: mapLabel(state) }];
  const outer = `${id}#group`;
  model.groups.push({ id: outer, label: `${type} ${lastName(id)}`, parent: parentGroup, kind: type.toLowerCase() });
  model.nodes.find((n) => n.id === id).group = outer;
  for (const { scope, pointer, label } of scopes) {
    const groupId = `${pointer}#group`;
    model.groups.push({ id: groupId, label, parent: outer, kind: 'branch' });
    const exits = addScope(model, scope, pointer, groupId);
    if (exits.startId) model.edges.push({ from: id, to: exits.startId, kind: 'branch', label: '' });
    for (const terminal of exits.terminals) model.edges.push({ from: terminal, to: joinId, kind: 'branch', label: '' });
  }
  model.nodes.push({ id: joinId, name: `${lastName(id)} end`, type: `${type} end`, kind: 'join', group: outer, pointer: id, of: id });
  return joinId;
}

function mapLabel(state) {
  const mode = state.ItemProcessor?.ProcessorConfig?.Mode === 'DISTRIBUTED' ? 'Distributed ' : '';
  return `${mode}ItemProcessor`;
}

/** A short, readable label for a Choice rule: the variable, operator and value, or the JSONata condition. */
export function ruleLabel(rule, index) {
  if (!isObject(rule)) return `Rule ${index + 1}`;
  if (typeof rule.Condition === 'string') return shorten(rule.Condition);
  const text = describeRule(rule);
  return text ? shorten(text) : `Rule ${index + 1}`;
}

function describeRule(rule) {
  if (!isObject(rule)) return '';
  if (Array.isArray(rule.And)) return rule.And.map(describeRule).join(' && ');
  if (Array.isArray(rule.Or)) return rule.Or.map(describeRule).join(' || ');
  if (isObject(rule.Not)) return `!(${describeRule(rule.Not)})`;
  const operator = Object.keys(rule).find((k) => k !== 'Variable' && k !== 'Next' && k !== 'Comment' && k !== 'Assign' && k !== 'Output');
  if (!operator) return '';
  return `${rule.Variable ?? ''} ${operator} ${JSON.stringify(rule[operator])}`.trim();
}

function shorten(text) {
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

function lastName(pointer) {
  const parts = pointer.split('/');
  return unescapePointer(parts[parts.length - 1]);
}

export function escapePointer(name) {
  return name.replaceAll('~', '~0').replaceAll('/', '~1');
}

function unescapePointer(token) {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The node a JSON Pointer (a diagnostic's location) concerns: the state whose pointer is its longest prefix. */
export function nodeForPointer(model, pointer) {
  let best = null;
  for (const node of model.nodes) {
    if (node.kind !== 'state') continue;
    if ((pointer === node.pointer || pointer.startsWith(`${node.pointer}/`)) && (!best || node.pointer.length > best.pointer.length)) best = node;
  }
  return best;
}
