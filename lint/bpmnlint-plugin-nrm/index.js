// The project's own bpmnlint rules, used through `plugin:nrm/recommended` in .bpmnlintrc.
module.exports = {
  configs: {
    recommended: {
      rules: {
        'named-ids': 'error',
        'one-candidate-group': 'error',
        'due-date': 'error',
        'escalation': 'error'
      }
    }
  }
};
