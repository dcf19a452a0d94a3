import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { isJsonContentType, parseJsonBody } from '../../../nodes/NxCloud/trigger/body';
import { FIXTURES } from './events/fixtures';

describe('isJsonContentType', () => {
	it.each([
		'application/json',
		'application/json; charset=UTF-8',
		'APPLICATION/JSON',
		'text/json',
		'application/vnd.nx+json',
	])('accepts %s', (type) => expect(isJsonContentType(type)).toBe(true));
	it.each([
		undefined,
		'',
		'text/plain',
		'application/x-www-form-urlencoded',
		'multipart/form-data; boundary=x',
		'application/jsonp',
	])('refuses %p', (type) => expect(isJsonContentType(type)).toBe(false));
});

describe('parseJsonBody', () => {
	it('parses the bytes as UTF-8 JSON, with or without a BOM', () => {
		expect(parseJsonBody(Buffer.from('{"a":"牛"}'), 'application/json')).toEqual({
			body: { a: '牛' },
		});
		expect(parseJsonBody(Buffer.from('\ufeff[1]'), 'application/json')).toEqual({ body: [1] });
	});

	it('refuses a wrong content type, naming it', () => {
		expect(parseJsonBody(Buffer.from('{}'), 'text/plain')).toEqual({
			rejection: {
				status: 400,
				reason: 'unsupported_content_type',
				error: 'Expected Content-Type application/json, got "text/plain"',
			},
		});
		expect(parseJsonBody(Buffer.from('{}'), undefined)).toMatchObject({
			rejection: { reason: 'unsupported_content_type' },
		});
	});

	it('refuses an empty or blank body', () => {
		expect(parseJsonBody(Buffer.alloc(0), 'application/json')).toMatchObject({
			rejection: { status: 400, reason: 'empty_body' },
		});
		expect(parseJsonBody(Buffer.from(' \n'), 'application/json')).toMatchObject({
			rejection: { reason: 'empty_body' },
		});
	});

	it("refuses malformed JSON with the parser's reason", () => {
		const result = parseJsonBody(Buffer.from('{"a":'), 'application/json');
		expect(result).toMatchObject({ rejection: { status: 400, reason: 'malformed_json' } });
		expect((result as any).rejection.error).toMatch(/^The request body is not valid JSON: .+/);
	});

	it('refuses the two vendor examples that are not valid JSON as printed', () => {
		const dir = join(FIXTURES, 'whatsapp', 'invalid');
		const files = readdirSync(dir);
		expect(files).toHaveLength(2);
		for (const file of files) {
			expect(parseJsonBody(readFileSync(join(dir, file)), 'application/json')).toMatchObject({
				rejection: { reason: 'malformed_json' },
			});
		}
	});
});
