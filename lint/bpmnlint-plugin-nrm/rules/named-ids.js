/**
 * Ids say what an element is and means: `<Prefix>_<PascalCase>`, the prefix by the element's type
 * (UserTask_ReviewScreening, Gateway_IsChild, SequenceFlow_IsChildYes, Message_ReceptionReady), and
 * the process id `<PascalCase>Process`. Modeler's generated ids (Activity_0xrmvgg, Flow_1abc,
 * Gateway_0k1d2x3) fail. Event definitions are not checked, nor are flow node types without a
 * prefix here (transactions, ad-hoc sub-processes). The Java side checks the same definition: keep
 * both in step.
 */
const PREFIXES = {
  'bpmn:StartEvent': [ 'StartEvent' ],
  'bpmn:EndEvent': [ 'EndEvent' ],
  'bpmn:UserTask': [ 'UserTask' ],
  'bpmn:ServiceTask': [ 'ServiceTask' ],
  'bpmn:BusinessRuleTask': [ 'BusinessRuleTask' ],
  'bpmn:SendTask': [ 'SendTask' ],
  'bpmn:ReceiveTask': [ 'ReceiveTask' ],
  'bpmn:ScriptTask': [ 'ScriptTask' ],
  'bpmn:ManualTask': [ 'ManualTask' ],
  'bpmn:Task': [ 'Task' ],
  'bpmn:CallActivity': [ 'CallActivity' ],
  'bpmn:SubProcess': [ 'SubProcess' ],
  'bpmn:ExclusiveGateway': [ 'Gateway' ],
  'bpmn:InclusiveGateway': [ 'Gateway' ],
  'bpmn:EventBasedGateway': [ 'Gateway' ],
  'bpmn:ComplexGateway': [ 'Gateway' ],
  'bpmn:ParallelGateway': [ 'ParallelGateway', 'Gateway' ],
  'bpmn:BoundaryEvent': [ 'BoundaryEvent' ],
  'bpmn:IntermediateCatchEvent': [ 'TimerEvent', 'MessageEvent', 'SignalEvent', 'ConditionalEvent', 'CatchEvent' ],
  'bpmn:IntermediateThrowEvent': [ 'ThrowEvent', 'MessageEvent', 'SignalEvent', 'EscalationEvent' ],
  'bpmn:SequenceFlow': [ 'SequenceFlow' ],
  'bpmn:Message': [ 'Message' ],
  'bpmn:Error': [ 'Error' ],
  'bpmn:Signal': [ 'Signal' ],
  'bpmn:Escalation': [ 'Escalation' ]
};

const PROCESS_ID = /^[A-Z][A-Za-z0-9]*Process$/;

function idPattern(prefixes) {
  return new RegExp(`^(${prefixes.join('|')})_[A-Z][A-Za-z0-9]*$`);
}

const PATTERNS = Object.fromEntries(Object.entries(PREFIXES).map(([ type, prefixes ]) => [ type, idPattern(prefixes) ]));

module.exports = function() {

  function check(node, reporter) {
    const id = node.id || '';

    if (node.$type === 'bpmn:Process') {
      if (!PROCESS_ID.test(id)) {
        reporter.report(node.id, `El id «${id}» del proceso debe ser <Nombre>Process, en PascalCase (p. ej. ReferralProcess)`, [ 'id' ]);
      }
      return;
    }

    const pattern = PATTERNS[node.$type];
    if (pattern && !pattern.test(id)) {
      const prefixes = PREFIXES[node.$type].map(prefix => `${prefix}_`).join(' o ');
      reporter.report(node.id, `El id «${id}» no dice qué es: debe ser ${prefixes} seguido de un nombre en PascalCase`
        + ' (letras y cifras, sin guiones)', [ 'id' ]);
    }
  }

  return { check };
};
