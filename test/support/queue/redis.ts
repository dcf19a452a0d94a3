import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';

import { startLogged, waitUntil, type Started } from './processes';

/** A throwaway Redis on 127.0.0.1:`port`: no persistence, data folder `dir` (for nothing but its cwd). */
export async function startRedis(dir: string, port: number, logFile: string): Promise<Started> {
	mkdirSync(dir, { recursive: true });
	const started = startLogged(
		'redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--protected-mode',
			'yes',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
			'--daemonize',
			'no',
		],
		logFile,
		{ cwd: dir },
	);
	await waitUntil('redis-server', () => ping(port), started, logFile, 30_000);
	return started;
}

/** PING over RESP; true when Redis answers +PONG. */
export async function ping(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = connect({ host: '127.0.0.1', port });
		let answer = '';
		socket.setTimeout(1000);
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk.toString();
			if (answer.includes('\r\n')) {
				socket.destroy();
				resolve(answer.startsWith('+PONG'));
			}
		});
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
		socket.once('error', () => resolve(false));
	});
}
