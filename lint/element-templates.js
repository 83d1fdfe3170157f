// Validates the element templates of .camunda/element-templates against the Camunda 7 element
// templates JSON schema (@camunda/element-templates-json-schema, through the validator Camunda
// Modeler itself uses), plus what Modeler checks besides the schema: unique id and version, and a
// $schema no newer than the one it supports. Prints each problem with its file and line; exits 1
// when there is one. Usage: node lint/element-templates.js [folder]
const fs = require('node:fs');
const path = require('node:path');

const { validate, getSchemaVersion } = require('@bpmn-io/element-templates-validator');

const DEFAULT_FOLDER = path.join(__dirname, '..', '.camunda', 'element-templates');

function jsonFiles(folder) {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      return jsonFiles(file);
    }
    return entry.name.endsWith('.json') ? [ file ] : [];
  }).sort();
}

function newer(version, than) {
  const a = version.split('.').map(Number);
  const b = than.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] || 0) !== (b[i] || 0)) {
      return (a[i] || 0) > (b[i] || 0);
    }
  }
  return false;
}

// The validator also reports that the document is neither one template nor a list of them; the
// errors inside the template say why, so that one is left out (as Modeler does).
function meaningful(error) {
  return !(error.instancePath === '' && String(error.schemaPath).startsWith('#/oneOf'));
}

/** The problems of the templates in a folder, one sentence each; none when they are valid. */
function checkTemplates(folder = DEFAULT_FOLDER) {
  const problems = [];
  const seen = new Map();
  const files = fs.existsSync(folder) ? jsonFiles(folder) : [];
  if (files.length === 0) {
    return [ `${folder}: no element templates (*.json)` ];
  }
  for (const file of files) {
    const name = path.relative(process.cwd(), file);
    const text = fs.readFileSync(file, 'utf8');
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      problems.push(`${name}: not JSON: ${error.message}`);
      continue;
    }
    const templates = Array.isArray(parsed) ? parsed : [ parsed ];
    templates.forEach((template, index) => {
      const where = Array.isArray(parsed) ? `${name} [${index}]` : name;
      // validating the file's own text gives the file's own line numbers
      const { errors = [] } = validate(Array.isArray(parsed) ? template : text);
      for (const error of (errors || []).filter(meaningful)) {
        const at = error.dataPointer && error.dataPointer.value ? `:${error.dataPointer.value.line + 1}` : '';
        problems.push(`${where}${at}: ${error.instancePath || '/'} ${error.message}`);
      }
      if (!template || typeof template !== 'object') {
        return;
      }
      const schema = template.$schema && /@([0-9]+\.[0-9]+\.[0-9]+)/.exec(template.$schema);
      if (schema && newer(schema[1], getSchemaVersion())) {
        problems.push(`${where}: $schema version ${schema[1]} is newer than the supported ${getSchemaVersion()}`);
      }
      const key = `${template.id}@${template.version === undefined ? '-' : template.version}`;
      if (seen.has(key)) {
        problems.push(`${where}: template id ${template.id} and version ${template.version} already used in ${seen.get(key)}`);
      } else {
        seen.set(key, where);
      }
    });
  }
  return problems;
}

module.exports = { checkTemplates };

if (require.main === module) {
  const folder = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_FOLDER;
  const problems = checkTemplates(folder);
  if (problems.length) {
    console.error(`Element templates: ${problems.length} problem(s)`);
    problems.forEach(problem => console.error(`  ${problem}`));
    process.exit(1);
  }
  console.log(`Element templates: ${jsonFiles(folder).length} files valid (@camunda/element-templates-json-schema ${getSchemaVersion()})`);
}
