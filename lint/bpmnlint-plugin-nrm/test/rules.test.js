// Each of the project's own rules passes its valid fixture and reports exactly the elements of its
// invalid fixture; the shipped models are linted by the build itself (bpmnlint processes/*.bpmn).
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { BpmnModdle } = require('bpmn-moddle');
const camundaModdle = require('camunda-bpmn-moddle/resources/camunda.json');
const testRule = require('bpmnlint/lib/test-rule');

const plugin = require('..');

const FIXTURES = path.join(__dirname, 'fixtures');

async function lint(ruleName, fixture, moddle = new BpmnModdle({ camunda: camundaModdle })) {
  const xml = fs.readFileSync(path.join(FIXTURES, fixture), 'utf8');
  const { rootElement, warnings } = await moddle.fromXML(xml);
  assert.deepEqual(warnings.map(warning => warning.message), [], `${fixture} is read without warnings`);
  const rule = require(`../rules/${ruleName}`)();
  return testRule({ moddleRoot: rootElement, rule });
}

async function reportedIds(ruleName, fixture, moddle) {
  return [ ...new Set((await lint(ruleName, fixture, moddle)).map(report => report.id)) ].sort();
}

const EXPECTED = {
  'named-ids': [
    'Activity_0xrmvgg', 'EndEvent_follow_up_done', 'Error-RulesFailed', 'EscalationEvent_Wait', 'Event_0abc123', 'Flow_1abc',
    'Gateway_0k1d2x3', 'Message_0xyz123', 'Overdue', 'Process_1', 'Signal_caseClosed', 'TimerEvent_Overdue', 'TimerEvent_Throw',
    'UserTask_1', 'UserTask_FindProviders'
  ],
  'one-candidate-group': [ 'UserTask_Assignee', 'UserTask_CandidateUsers', 'UserTask_EmptyGroup', 'UserTask_NoGroup', 'UserTask_TwoGroups' ],
  'due-date': [ 'UserTask_EmptyDueDate', 'UserTask_NoDueDate' ],
  'escalation': [ 'UserTask_InterruptingTimer', 'UserTask_NoBoundary', 'UserTask_NonInterruptingMessage' ]
};

for (const [ ruleName, invalid ] of Object.entries(EXPECTED)) {
  describe(`nrm/${ruleName}`, () => {

    it('accepts the valid fixture', async () => {
      assert.deepEqual(await lint(ruleName, `${ruleName}-valid.bpmn`), []);
    });

    it('reports every element of the invalid fixture, and only those', async () => {
      assert.deepEqual(await reportedIds(ruleName, `${ruleName}-invalid.bpmn`), [ ...invalid ].sort());
    });

    it('reports the same without the camunda moddle extension', async () => {
      assert.deepEqual(await reportedIds(ruleName, `${ruleName}-invalid.bpmn`, new BpmnModdle()), [ ...invalid ].sort());
      assert.deepEqual(await lint(ruleName, `${ruleName}-valid.bpmn`, new BpmnModdle()), []);
    });
  });
}

describe('bpmnlint-plugin-nrm', () => {

  it('recommends every rule it has, as an error', () => {
    const rules = fs.readdirSync(path.join(__dirname, '..', 'rules')).filter(file => file !== 'helpers.js')
      .map(file => path.basename(file, '.js')).sort();
    assert.deepEqual(Object.keys(plugin.configs.recommended.rules).sort(), rules);
    assert.deepEqual(rules, Object.keys(EXPECTED).sort());
    Object.values(plugin.configs.recommended.rules).forEach(level => assert.equal(level, 'error'));
  });

  it('is what the repository lints with, beside the Camunda 7.24 compatibility rules', () => {
    const config = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '.bpmnlintrc'), 'utf8'));
    assert.deepEqual(config.extends, [ 'plugin:camunda-compat/camunda-platform-7-24', 'plugin:nrm/recommended' ]);
  });

  it('names the element and says in Spanish what to do', async () => {
    const [ report ] = await lint('named-ids', 'named-ids-invalid.bpmn').then(reports => reports.filter(r => r.id === 'Activity_0xrmvgg'));
    assert.match(report.message, /«Activity_0xrmvgg».*UserTask_/);
  });
});
