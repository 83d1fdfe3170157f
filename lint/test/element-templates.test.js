// The element templates check passes valid templates and names the file, the line and the reason of
// each invalid one; the shipped templates are checked by the build itself (lint/element-templates.js).
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const { checkTemplates } = require('../element-templates');

const FIXTURES = path.join(__dirname, 'fixtures');

describe('element templates check', () => {

  it('accepts valid templates, one per file or a list with versions', () => {
    assert.deepEqual(checkTemplates(path.join(FIXTURES, 'templates-valid')), []);
  });

  it('reports what the schema and Modeler refuse, with the file and line', () => {
    const problems = checkTemplates(path.join(FIXTURES, 'templates-invalid'));
    const about = file => problems.filter(problem => problem.includes(file));

    assert.match(about('dropdown-without-choices.json').join('\n'), /dropdown-without-choices\.json:\d+: \/properties\/0 .*choices/);
    assert.match(about('task-listener.json').join('\n'), /task-listener\.json:7: \/properties\/0\/binding\/type invalid property\.binding type "camunda:taskListener"/);
    assert.match(about('duplicate.json').join('\n'), /org\.nrm\.fixture\.noChoices and version 1 already used/);
    assert.match(about('duplicate.json').join('\n'), /\$schema version 99\.0\.0 is newer/);
    assert.match(about('not-json.json').join('\n'), /not JSON/);
  });

  it('reports a folder without templates', () => {
    assert.deepEqual(checkTemplates(path.join(FIXTURES, 'no-such-folder')).length, 1);
  });

  it('accepts the shipped templates', () => {
    assert.deepEqual(checkTemplates(), []);
  });
});
