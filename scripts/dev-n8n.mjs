// Runs n8n for `npm run dev` (started by scripts/dev.sh after build + provisioning):
// scripts/run-n8n.sh in a persistent user folder, owner login created once and reused, our node
// types checked, editor URL and login printed, then n8n stays in the foreground until Ctrl-C.
// NXCLOUD_DEV_EXIT_WHEN_READY=1 stops n8n and exits 0 once all that has succeeded.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const cache = process.env.N8N_CACHE_DIR ?? join(repo, '.cache');
const userFolder = process.env.NXCLOUD_DEV_HOME ?? join(cache, 'dev-home');
const loginFile = join(userFolder, 'login.txt');
const port = Number(process.env.N8N_PORT ?? 5678);
const baseUrl = `http://127.0.0.1:${port}`;
const exitWhenReady = process.env.NXCLOUD_DEV_EXIT_WHEN_READY === '1';
const OWNER_EMAIL = 'dev@nxcloud.local';
const EXPECTED_TYPES = ['n8n-nodes-nxcloud.nxCloud', 'n8n-nodes-nxcloud.nxCloudTrigger'];

const say = (message) => process.stdout.write(`[dev] ${message}\n`);
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function fail(message) {
	process.stderr.write(`[dev] ${message}\n`);
	process.exitCode = 1;
}

async function portState(wanted) {
	return await new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve({ free: false, port: wanted }));
		server.listen(wanted, '127.0.0.1', () => {
			const { port: got } = server.address();
			server.close(() => resolve({ free: true, port: got }));
		});
	});
}

/** The owner login of this dev folder: made on the first run, then read back. */
function devLogin() {
	if (existsSync(loginFile)) {
		const fields = Object.fromEntries(
			readFileSync(loginFile, 'utf8')
				.split('\n')
				.map((line) => line.match(/^(\w+):\s*(.*)$/))
				.filter(Boolean)
				.map(([, key, value]) => [key, value.trim()]),
		);
		if (fields.email && fields.password)
			return { email: fields.email, password: fields.password, stored: true };
	}
	return {
		email: OWNER_EMAIL,
		password: `Dev-${randomBytes(9).toString('base64url')}-7Q`,
		stored: false,
	};
}

async function json(path, { method = 'GET', body, cookie } = {}) {
	const response = await fetch(`${baseUrl}${path}`, {
		method,
		headers: {
			'browser-id': 'nxcloud-dev',
			...(body ? { 'content-type': 'application/json' } : {}),
			...(cookie ? { cookie } : {}),
		},
		body: body ? JSON.stringify(body) : undefined,
	});
	const text = await response.text();
	let data;
	try {
		data = JSON.parse(text);
	} catch {
		data = undefined;
	}
	return { status: response.status, data, text, setCookie: response.headers.getSetCookie() };
}

async function waitForReadiness(hasExited) {
	const deadline = Date.now() + 180_000;
	while (Date.now() < deadline) {
		if (hasExited()) throw new Error('n8n exited before it was ready (its output is above)');
		try {
			if ((await fetch(`${baseUrl}/healthz/readiness`)).status === 200) return;
		} catch {
			// not listening yet
		}
		await delay(250);
	}
	throw new Error(`n8n was not ready at ${baseUrl} after 180 s`);
}

/** Creates the owner on the first run, then logs in; returns the session cookie. */
async function ownerSession(login) {
	const settings = await json('/rest/settings');
	if (settings.data?.data?.userManagement?.showSetupOnFirstLoad === true) {
		const setup = await json('/rest/owner/setup', {
			method: 'POST',
			body: {
				email: login.email,
				password: login.password,
				firstName: 'NXCloud',
				lastName: 'Developer',
			},
		});
		if (setup.status !== 200)
			throw new Error(`owner setup failed: HTTP ${setup.status} ${setup.text.slice(0, 300)}`);
		writeFileSync(loginFile, `email: ${login.email}\npassword: ${login.password}\n`, {
			mode: 0o600,
		});
		say(`created the owner ${login.email}; login saved in ${loginFile}`);
	} else if (!login.stored) {
		throw new Error(
			`this dev folder already has an owner but ${loginFile} is missing; delete ${userFolder} to start over`,
		);
	}
	const response = await json('/rest/login', {
		method: 'POST',
		body: { emailOrLdapLoginId: login.email, password: login.password },
	});
	const cookie = response.setCookie
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('n8n-auth='));
	if (response.status !== 200 || !cookie) {
		throw new Error(
			`login as ${login.email} failed (HTTP ${response.status}); fix ${loginFile} or delete ${userFolder}`,
		);
	}
	return cookie;
}

async function checkNodeTypes(cookie) {
	const response = await json('/types/nodes.json', { cookie });
	if (response.status !== 200) throw new Error(`GET /types/nodes.json: HTTP ${response.status}`);
	const names = new Set(response.data.map((node) => node.name));
	const missing = EXPECTED_TYPES.filter((type) => !names.has(type));
	if (missing.length > 0)
		throw new Error(`n8n did not load ${missing.join(', ')} (see its output above)`);
	return [...names].filter((name) => name.startsWith('n8n-nodes-nxcloud.')).sort();
}

async function main() {
	const wanted = await portState(port);
	if (!wanted.free) {
		fail(`port ${port} is taken (another n8n?); run with N8N_PORT=<free port> npm run dev`);
		return;
	}
	const broker = await portState(0);
	mkdirSync(userFolder, { recursive: true });

	// Own process group: a terminal Ctrl-C reaches only this script, which forwards it once.
	const n8n = spawn('bash', [join(repo, 'scripts', 'run-n8n.sh')], {
		env: {
			...process.env,
			N8N_USER_FOLDER: userFolder,
			N8N_PORT: String(port),
			N8N_RUNNERS_BROKER_PORT: String(broker.port),
		},
		stdio: ['ignore', 'inherit', 'inherit'],
		detached: true,
	});
	let exited = false;
	const exit = new Promise((resolve) => {
		n8n.on('exit', (code, signal) => {
			exited = true;
			resolve(code ?? (signal ? 1 : 0));
		});
	});
	let stopAskedAt = 0;
	const stop = (reason) => {
		if (exited) return;
		if (stopAskedAt === 0) {
			stopAskedAt = Date.now();
			if (reason.startsWith('SIG')) say(`${reason}: stopping n8n (Ctrl-C again to kill it)`);
			n8n.kill('SIGTERM');
		} else if (Date.now() - stopAskedAt > 1000) {
			// A real second press; within a second it is npm relaying the same Ctrl-C.
			n8n.kill('SIGKILL');
		}
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));

	try {
		await waitForReadiness(() => exited);
		const cookie = await ownerSession(devLogin());
		const types = await checkNodeTypes(cookie);
		const login = devLogin();
		say('');
		say(`n8n is ready: ${baseUrl}`);
		say(`login:        ${login.email}  /  ${login.password}   (stored in ${loginFile})`);
		say(`our nodes:    ${types.join(', ')}`);
		say(`user folder:  ${userFolder} (kept between runs)`);
		if (exitWhenReady) {
			say('NXCLOUD_DEV_EXIT_WHEN_READY=1: stopping n8n');
			stop('ready');
			await exit;
			process.exitCode = 0;
			return;
		}
		say('Ctrl-C stops n8n.');
	} catch (error) {
		fail(error.message);
		stop('error');
		await exit;
		process.exitCode = 1;
		return;
	}
	process.exitCode = await exit;
}

await main();
