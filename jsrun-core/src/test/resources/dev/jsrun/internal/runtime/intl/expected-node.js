// Writes what Node gives for every case of intl-cases.js, as the JSON IntlTest compares jsrun with:
//   node expected-node.js > intl-expected.json
// IntlTest runs it too, when node is on the PATH, to check that the committed file is still Node's.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

vm.runInThisContext(fs.readFileSync(path.join(__dirname, 'intl-cases.js'), 'utf8'), { filename: 'intl-cases.js' });
const { node, v8, icu, unicode, cldr, tz } = process.versions;
const results = {};
for (const name of Object.keys(cases)) {
  results[name] = runCase(name);
}
process.stdout.write(JSON.stringify({ versions: { node, v8, icu, unicode, cldr, tz }, cases: results }, null, 2) + '\n');
