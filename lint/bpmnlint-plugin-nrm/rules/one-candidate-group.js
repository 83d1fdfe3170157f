const { is, camunda, blank } = require('./helpers');

/**
 * Each user task belongs to exactly one institution: one candidate group, no list, no candidate
 * users, no assignee. An expression (${referralGroup}, ${treatAsChild ? 'child-protection' :
 * 'response-team'}) counts as one group, whatever it contains.
 */
const EXPRESSION = /^[$#]\{[\s\S]*\}$/;

module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const groups = camunda(node, 'candidateGroups');
    if (blank(groups)) {
      reporter.report(node.id, 'La tarea de usuario no tiene grupo candidato (camunda:candidateGroups): asígnela a una institución',
        [ 'candidateGroups' ]);
    } else if (!EXPRESSION.test(String(groups).trim()) && String(groups).includes(',')) {
      reporter.report(node.id, `La tarea de usuario tiene varios grupos candidatos («${groups}»): debe tener exactamente uno`,
        [ 'candidateGroups' ]);
    }
    if (!blank(camunda(node, 'candidateUsers'))) {
      reporter.report(node.id, 'La tarea de usuario tiene usuarios candidatos (camunda:candidateUsers): asígnela solo a su grupo'
        + ' candidato', [ 'candidateUsers' ]);
    }
    if (!blank(camunda(node, 'assignee'))) {
      reporter.report(node.id, 'La tarea de usuario tiene un responsable fijo (camunda:assignee): asígnela solo a su grupo candidato',
        [ 'assignee' ]);
    }
  }

  return { check };
};
