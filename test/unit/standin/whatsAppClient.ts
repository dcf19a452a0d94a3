// Test-side calls of the stand-in's WhatsApp media/template/phone endpoints, signed from the spec
// (§1.3; multipart without body, §17.1) independently of the node's and the stand-in's code.
import { createHash, randomBytes } from 'node:crypto';

import { type PostResult, type StandIn, post } from '../../support/standin';
import { ACCOUNTS } from './client';

const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

export interface WaOptions {
	action?: string;
	secret?: string;
	signBody?: boolean;
	contentType?: string;
}

/** POST /api/wa/<name> with a JSON body, action = name unless given. */
export function callWa(
	standIn: StandIn,
	name: string,
	body: object | string,
	o: WaOptions = {},
): Promise<PostResult> {
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	const ts = Date.now().toString();
	const action = o.action ?? name;
	const sign = md5(
		`accessKey=${ACCOUNTS.accessKey}&action=${action}&bizType=2&ts=${ts}&body=${text}&accessSecret=${o.secret ?? ACCOUNTS.accessSecret}`,
	);
	return post(`${standIn.url}/api/wa/${name}`, text, {
		headers: {
			accessKey: ACCOUNTS.accessKey,
			ts,
			bizType: '2',
			action,
			sign,
			'Content-Type': o.contentType ?? 'application/json',
		},
	});
}

export interface FormField {
	name: string;
	value?: string;
	file?: { fileName: string; contentType: string; data: Buffer };
}

export function form(fields: FormField[], boundary: string): Buffer {
	const chunks: Buffer[] = [];
	for (const f of fields) {
		if (f.file) {
			chunks.push(
				Buffer.from(
					`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.file.fileName}"\r\nContent-Type: ${f.file.contentType}\r\n\r\n`,
				),
			);
			chunks.push(f.file.data, Buffer.from('\r\n'));
		} else {
			chunks.push(
				Buffer.from(
					`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"\r\n\r\n${f.value ?? ''}\r\n`,
				),
			);
		}
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return Buffer.concat(chunks);
}

/** POST /api/wa/uploadMedia as multipart; signed over headers + secret unless signBody. */
export function uploadWa(
	standIn: StandIn,
	fields: FormField[],
	o: WaOptions = {},
): Promise<PostResult> {
	const boundary = `b${randomBytes(8).toString('hex')}`;
	const body = form(fields, boundary);
	const ts = Date.now().toString();
	const action = o.action ?? 'uploadMedia';
	const bodyPart = o.signBody ? `&body=${body.toString('latin1')}` : '';
	const sign = md5(
		`accessKey=${ACCOUNTS.accessKey}&action=${action}&bizType=2&ts=${ts}${bodyPart}&accessSecret=${o.secret ?? ACCOUNTS.accessSecret}`,
	);
	return post(`${standIn.url}/api/wa/uploadMedia`, body, {
		headers: {
			accessKey: ACCOUNTS.accessKey,
			ts,
			bizType: '2',
			action,
			sign,
			'Content-Type': o.contentType ?? `multipart/form-data; boundary=${boundary}`,
		},
	});
}
