// TEMPORARY (wiring check): jest.config.js with the reliability project added.
const base = require('../jest.config.js');
module.exports = { projects: [...base.projects.map((p) => ({ ...p, rootDir: require('node:path').resolve(__dirname, '..') })), require('../test/support/reliability/jestProject.js')] };
