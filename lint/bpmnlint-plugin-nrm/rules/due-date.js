const { is, camunda, blank } = require('./helpers');

/** Each user task has a deadline: camunda:dueDate, e.g. ${dueDates.of(jurisdiction, 'care-plan')}. */
module.exports = function() {

  function check(node, reporter) {
    if (is(node, 'bpmn:UserTask') && blank(camunda(node, 'dueDate'))) {
      reporter.report(node.id, 'La tarea de usuario no tiene plazo (camunda:dueDate)', [ 'dueDate' ]);
    }
  }

  return { check };
};
