// The credential's signing for the two new request kinds: multipart uploads (headers + secret
// only, spec vector V5) and GET downloads of links NXCloud hands out (left untouched).
import { signRequest } from '../../../nodes/NxCloud/signing/signRequest';
import { multipartBody } from '../../../nodes/NxCloud/transport/multipart';
import { parseMultipart } from '../../support/standin/openPlatform/multipart';

const credentials = {
	accessKey: 'fme2na3kdi3ki',
	accessSecret: 'abciiiko2k3',
	openApiAlgorithm: 'md5',
	openApiBaseUrl: 'https://api2.nxcloud.com',
};

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x22, 0x0d]);
const boundary = '----n8nNxCloudtest';
const form = () =>
	multipartBody(
		[
			{ field: 'business_phone', value: '8613300000000' },
			{ field: 'messaging_product', value: 'whatsapp' },
			{ field: 'type', value: 'image/png' },
			{ field: 'file', fileName: 'ph"oto\r\n.png', contentType: 'image/png', data: png },
		],
		boundary,
	);

describe('multipart upload signing', () => {
	it.each([
		['md5', 'd2632e6b4cbea8587b36cb585e06a195'],
		['sha256', '7017ea722938caa1d454ac43ae05d9ffc736bb2ebf1e18563777927f3f54c389'],
	])(
		'signs headers and secret only (V5, %s) and sends the bytes untouched',
		async (algorithm, sign) => {
			const body = form();
			const signed = await signRequest(
				{ ...credentials, openApiAlgorithm: algorithm },
				{
					method: 'POST',
					url: 'https://api2.nxcloud.com/api/wa/uploadMedia',
					headers: {
						bizType: '2',
						action: 'uploadMedia',
						'Content-Type': `multipart/form-data; boundary=${boundary}`,
					},
					body,
				},
				() => 1655710885431,
			);
			expect((signed.headers as Record<string, string>).sign).toBe(sign);
			expect(signed.body).toBe(body);
			expect((signed.headers as Record<string, string>)['Content-Type']).toBe(
				`multipart/form-data; boundary=${boundary}`,
			);
		},
	);
});

describe('GET downloads', () => {
	it('are passed through without any NXCloud header', async () => {
		const request = {
			method: 'GET' as const,
			url: 'https://bucket.example/obj?Expires=1&Signature=x',
			headers: { Accept: '*/*' },
		};
		const signed = await signRequest(credentials, request);
		expect(signed.headers).toEqual({ Accept: '*/*' });
	});
});

describe('multipartBody', () => {
	it('is read back field by field, with the file bytes intact and the file name made header-safe', () => {
		const parsed = parseMultipart(form(), `multipart/form-data; boundary=${boundary}`);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.parts.map((p) => [p.name, p.fileName, p.contentType])).toEqual([
			['business_phone', undefined, undefined],
			['messaging_product', undefined, undefined],
			['type', undefined, undefined],
			['file', 'ph%22oto  .png', 'image/png'],
		]);
		expect(parsed.parts[3].data.equals(png)).toBe(true);
		expect(parsed.parts[0].data.toString()).toBe('8613300000000');
	});
});
