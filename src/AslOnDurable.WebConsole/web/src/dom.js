// Small DOM builders: no framework, no innerHTML with data (text always goes in as text nodes).
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an HTML element with attributes (on* values that are functions become listeners) and children. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  apply(element, attributes, children);
  return element;
}

/** Creates an SVG element. */
export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  apply(element, attributes, children);
  return element;
}

function apply(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Formats epoch seconds (the API's timestamps) as local date and time. */
export function formatTime(seconds) {
  if (typeof seconds !== 'number') return '';
  return new Date(seconds * 1000).toLocaleString();
}

/** Pretty-prints JSON text (or returns it unchanged when it is not JSON). */
export function prettyJson(text) {
  if (text === undefined || text === null) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return String(text);
  }
}
