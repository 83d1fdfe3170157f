// Installs the lint's npm packages (npm ci) when node_modules does not match package-lock.json,
// and does nothing otherwise: the build runs offline (mvn -o) once they are installed.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const stamp = path.join(root, 'node_modules', '.nrm-package-lock.sha256');
const lock = crypto.createHash('sha256').update(fs.readFileSync(path.join(root, 'package-lock.json'))).digest('hex');

const installed = fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === lock
  && fs.existsSync(path.join(root, 'node_modules', 'bpmnlint-plugin-nrm', 'index.js'));

if (!installed) {
  console.log('node_modules does not match package-lock.json: npm ci');
  const npm = spawnSync('npm', [ 'ci', '--prefer-offline', '--no-audit', '--no-fund' ],
    { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (npm.error || npm.status !== 0) {
    console.error(`npm ci failed${npm.error ? `: ${npm.error.message}` : ` (exit code ${npm.status})`}`);
    process.exit(1);
  }
  fs.writeFileSync(stamp, `${lock}\n`);
}
