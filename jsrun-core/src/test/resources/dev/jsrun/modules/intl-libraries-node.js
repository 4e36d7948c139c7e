// Node's results of intl-libraries-cases.js, as IntlLibrariesTest keeps them in intl-libraries-node.json.
//   node intl-libraries-node.js <directory whose node_modules holds the packages> > intl-libraries-node.json
// The directory is one where `npm install luxon@3.7.2 ajv@8.5.0 highlight.js@11.3.1 prettier@3.9.6` ran (those
// are the WebJars' versions, and npm's files are the WebJars' files), or the WebJars unpacked as IntlLibrariesTest
// does. The cases run in this process's global scope, with a global require() from that directory, as in jsrun.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { createRequire } = require('module');

const base = path.resolve(process.argv[2] || '.');
const load = createRequire(path.join(base, 'index.js'));
globalThis.require = load;
vm.runInThisContext(fs.readFileSync(path.join(__dirname, 'intl-libraries-cases.js'), 'utf8'),
  { filename: 'intl-libraries-cases.js' });

const packages = {};
for (const name of ['luxon', 'ajv', 'highlight.js', 'prettier', 'uri-js', 'punycode']) {
  packages[name] = JSON.parse(fs.readFileSync(packageFile(name, 'package.json'), 'utf8')).version;
}
const fixtures = {};
for (const file of FIXTURES) {
  const slash = file.indexOf('/');
  fixtures[file] = fs.readFileSync(packageFile(file.substring(0, slash), file.substring(slash + 1)), 'utf8');
}

// A file of a package by its path in the package, which the package's "exports" may not list.
function packageFile(name, file) {
  return path.join(base, 'node_modules', name, file);
}

(async () => {
  const cases = {};
  for (const library of Object.keys(LIBRARY_CASES)) {
    cases[library] = JSON.parse(await runCases(library, fixtures));
  }
  const { node, icu, cldr, tz, unicode } = process.versions;
  process.stdout.write(JSON.stringify({ node, icu, cldr, tz, unicode, packages, cases }, null, 2) + '\n');
})();
