// Runs the reliability suite (test/reliability, issue 5) on its own, without touching
// jest.config.js:  npm run build && npx jest --config bench/reliability.jest.config.js
// RELIABILITY_SEED=<n> replays the generated requests of a failed run.
module.exports = {
	...require('../test/support/reliability/jestProject.js'),
	maxWorkers: 1,
};
