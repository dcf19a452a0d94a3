// Copies node and credential icons next to the compiled JavaScript in dist/, where n8n looks
// for `file:` icons. Only nodes/ and credentials/ are copied, so test fixtures never ship.
const { src, dest } = require('gulp');

function buildIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
