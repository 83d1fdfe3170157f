// Shared by the rules; no dependencies, so the plugin works wherever bpmnlint runs.

function is(node, type) {
  return typeof node.$instanceOf === 'function' ? node.$instanceOf(type) : node.$type === type;
}

/** A camunda:* attribute, whether or not the camunda moddle extension is loaded. */
function camunda(node, name) {
  const value = node.get ? node.get(`camunda:${name}`) : undefined;
  if (value !== undefined && value !== null) {
    return value;
  }
  return node.$attrs ? node.$attrs[`camunda:${name}`] : undefined;
}

function blank(value) {
  return value === undefined || value === null || String(value).trim() === '';
}

/** The boundary events attached to an activity (they sit beside it in its container). */
function boundaryEventsOf(activity) {
  const container = activity.$parent;
  const siblings = (container && container.flowElements) || [];
  return siblings.filter(element => is(element, 'bpmn:BoundaryEvent') && element.attachedToRef === activity);
}

module.exports = { is, camunda, blank, boundaryEventsOf };
