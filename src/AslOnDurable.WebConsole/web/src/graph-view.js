// Lays the graph model out with dagre (compound: Parallel branches and Map item processors are clusters) and draws
// it as SVG. Every state node is focusable; its status (an execution's colouring) is written as text too.
import { Graph, layout } from '@dagrejs/dagre';
import { svg, el } from './dom.js';

const NODE_HEIGHT = 44;
const CHAR_WIDTH = 7.2;

/** Status names shown on nodes; colour comes from CSS classes, the word from this table. */
export const STATUS_LABELS = {
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  caught: 'caught',
  stopped: 'stopped',
  notreached: 'not reached',
};

/**
 * Renders the model. options.status: Map node id → status key; options.badges: Map node id → extra text (Map counts);
 * options.onSelect(node): called when a state node is clicked or chosen with Enter/Space.
 * Returns { element, focusNode(id) }.
 */
export function renderGraph(model, options = {}) {
  const g = new Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 42, edgesep: 12, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const group of model.groups) g.setNode(group.id, { label: group.label, paddingTop: 26, paddingBottom: 10, paddingLeft: 10, paddingRight: 10 });
  for (const group of model.groups) if (group.parent) g.setParent(group.id, group.parent);
  for (const node of model.nodes) {
    const size = nodeSize(node, options.badges?.get(node.id));
    g.setNode(node.id, { width: size.width, height: size.height });
    if (node.group) g.setParent(node.id, node.group);
  }
  model.edges.forEach((edge, index) => {
    const label = edge.label ? { width: Math.min(edge.label.length, 48) * 6.2 + 10, height: 18, labelpos: 'c' } : {};
    g.setEdge(edge.from, edge.to, { ...label, minlen: 1 }, `e${index}`);
  });
  layout(g);

  const graph = g.graph();
  const root = svg('svg', {
    class: 'graph', role: 'group', 'aria-label': 'State machine graph',
    viewBox: `0 0 ${Math.ceil(graph.width)} ${Math.ceil(graph.height)}`,
    width: Math.ceil(graph.width), height: Math.ceil(graph.height),
  });
  root.append(markers());

  for (const group of model.groups) {
    const box = g.node(group.id);
    const frame = svg('g', { class: `group group-${group.kind}`, 'data-group': group.id });
    frame.append(
      svg('rect', { x: box.x - box.width / 2, y: box.y - box.height / 2, width: box.width, height: box.height, rx: 8 }),
      svg('text', { x: box.x - box.width / 2 + 8, y: box.y - box.height / 2 + 16, class: 'group-label' }, group.label),
    );
    root.append(frame);
  }

  model.edges.forEach((edge, index) => {
    const route = g.edge({ v: edge.from, w: edge.to, name: `e${index}` });
    const path = route.points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    const line = svg('g', { class: `edge edge-${edge.kind}`, 'data-from': edge.from, 'data-to': edge.to, 'data-kind': edge.kind });
    line.append(svg('path', { d: path, 'marker-end': 'url(#arrow)' }));
    if (edge.label) {
      line.append(svg('text', { x: route.x, y: route.y + 4, class: 'edge-label', 'text-anchor': 'middle' }, edge.label));
    }
    root.append(line);
  });

  const elements = new Map();
  for (const node of model.nodes) {
    const box = g.node(node.id);
    const status = options.status?.get(node.id);
    const badge = options.badges?.get(node.id);
    const item = drawNode(node, box, status, badge);
    if (node.kind === 'state' && options.onSelect) {
      item.setAttribute('tabindex', '0');
      item.setAttribute('role', 'button');
      const choose = () => options.onSelect(node);
      item.addEventListener('click', choose);
      item.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          choose();
        }
      });
    }
    elements.set(node.id, item);
    root.append(item);
  }

  const container = el('div', { class: 'graph-scroll' }, root);
  return {
    element: container,
    focusNode(id) {
      const item = elements.get(id);
      if (!item) return;
      for (const other of elements.values()) other.classList.remove('highlight');
      item.classList.add('highlight');
      item.focus?.();
    },
    select(id) {
      for (const [key, other] of elements) other.classList.toggle('selected', key === id);
    },
  };
}

function nodeSize(node, badge) {
  if (node.kind === 'terminal') return { width: 64, height: 30 };
  if (node.kind === 'join') return { width: 24, height: 16 };
  const longest = Math.max(node.name.length, node.type.length + 14, badge ? badge.length : 0);
  return { width: Math.min(260, longest * CHAR_WIDTH + 28), height: NODE_HEIGHT + (badge ? 14 : 0) };
}

function drawNode(node, box, status, badge) {
  const x = box.x - box.width / 2;
  const y = box.y - box.height / 2;
  const classes = ['node', `node-${node.kind}`, `type-${node.type.toLowerCase().replace(/[^a-z]+/g, '-')}`];
  if (status) classes.push(`status-${status}`);
  const statusText = status ? STATUS_LABELS[status] : '';
  const item = svg('g', {
    class: classes.join(' '), 'data-node': node.id, 'data-name': node.name, 'data-type': node.type,
    'data-status': status ?? '',
    'aria-label': node.kind === 'state' ? `${node.name}, ${node.type} state${statusText ? `, ${statusText}` : ''}${badge ? `, ${badge}` : ''}` : node.name,
  });
  if (node.kind === 'terminal') {
    item.append(svg('rect', { x, y, width: box.width, height: box.height, rx: box.height / 2 }));
    item.append(svg('text', { x: box.x, y: box.y + 4, 'text-anchor': 'middle' }, node.name));
    return item;
  }
  if (node.kind === 'join') {
    item.append(svg('rect', { x, y, width: box.width, height: box.height, rx: 4 }));
    item.append(svg('title', {}, node.type));
    return item;
  }
  item.append(svg('rect', { x, y, width: box.width, height: box.height, rx: 6 }));
  item.append(svg('text', { x: box.x, y: y + 18, 'text-anchor': 'middle', class: 'node-name' }, truncate(node.name, 34)));
  const sub = statusText ? `${node.type} · ${statusText}` : node.type;
  item.append(svg('text', { x: box.x, y: y + 34, 'text-anchor': 'middle', class: 'node-type' }, sub));
  if (badge) item.append(svg('text', { x: box.x, y: y + 48, 'text-anchor': 'middle', class: 'node-badge' }, badge));
  return item;
}

function truncate(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function markers() {
  const defs = svg('defs');
  const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' }));
  defs.append(marker);
  return defs;
}
