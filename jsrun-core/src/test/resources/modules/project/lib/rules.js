'use strict';
// Requires a sibling, a JSON file, a scoped package, a package with a circular require and an "imports" alias.
const util = require('./util');
const limits = require('../data/limits.json');
const greet = require('@jsrun/greet');
const cycle = require('cycle');

module.exports = {
  check: (n) => util.clamp(n, limits.min, limits.max),
  greeting: greet('rules'),
  cycle: cycle.summary(),
  sameLimits: require('#limits') === limits,
  thisIsExports: this === module.exports,
};
