// Node's results of web-libraries-cases.js, as WebLibrariesTest keeps them in web-libraries-node.json.
//   node web-libraries-node.js <directory whose node_modules holds the packages> > web-libraries-node.json
// The directory is one where `npm install react@19.2.0 react-dom@19.2.0 vue@3.5.22 uuid@11.1.0` ran (the
// WebJars' versions). The cases run in this process's global scope, with a global require() from that directory.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { createRequire } = require('module');

process.env.NODE_ENV = 'production';
const base = path.resolve(process.argv[2] || '.');
globalThis.require = createRequire(path.join(base, 'index.js'));
vm.runInThisContext(fs.readFileSync(path.join(__dirname, 'web-libraries-cases.js'), 'utf8'),
  { filename: 'web-libraries-cases.js' });

(async () => {
  const cases = {};
  for (const library of ['react', 'vue', 'uuid']) {
    cases[library] = JSON.parse(await runCases(library));
  }
  process.stdout.write(JSON.stringify({ node: process.version, cases }, null, 1) + '\n');
})();
