const { is, boundaryEventsOf } = require('./helpers');

/**
 * Each user task escalates when it is overdue and stays open: a timer boundary event that does not
 * interrupt it (cancelActivity="false").
 */
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const escalates = boundaryEventsOf(node).some(boundary => boundary.cancelActivity === false
      && (boundary.eventDefinitions || []).some(definition => is(definition, 'bpmn:TimerEventDefinition')));
    if (!escalates) {
      reporter.report(node.id, 'La tarea de usuario no escala cuando vence: le falta un temporizador de borde que no interrumpa');
    }
  }

  return { check };
};
