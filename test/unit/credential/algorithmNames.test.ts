// The digest is spelled one way wherever users read it: "SHA-256" (the stored option values and
// the wire's header values, sha256 / SHA256, stay as they are).
import { NxCloudApi } from '../../../credentials/NxCloudApi.credentials';
import { NxCloud } from '../../../nodes/NxCloud/NxCloud.node';
import { NxCloudTrigger } from '../../../nodes/NxCloud/NxCloudTrigger.node';
import { refusalAdvice } from '../../../nodes/NxCloud/trigger/refusalAdvice';

const READ_BY_USERS = ['displayName', 'name', 'description', 'hint', 'placeholder', 'action'];

/** Every text a user reads in a description: labels, option names, descriptions, hints. */
function userTexts(value: unknown, out: string[] = []): string[] {
	if (Array.isArray(value)) {
		for (const entry of value) userTexts(entry, out);
	} else if (value && typeof value === 'object') {
		for (const [key, entry] of Object.entries(value)) {
			if (typeof entry === 'string' && READ_BY_USERS.includes(key)) out.push(entry);
			else userTexts(entry, out);
		}
	}
	return out;
}

describe('algorithm names', () => {
	it('both algorithm options of the credential read MD5 and SHA-256', () => {
		const credential = new NxCloudApi();
		for (const name of ['openApiAlgorithm', 'callbotAlgorithm']) {
			const field = credential.properties.find((property) => property.name === name);
			expect(field?.options?.map((option) => option.name)).toEqual(['MD5', 'SHA-256']);
		}
	});

	it('no label, option, description or hint of the credential or the nodes spells it otherwise', () => {
		const texts = [
			...userTexts(new NxCloudApi().properties),
			...userTexts(new NxCloud().description),
			...userTexts(new NxCloudTrigger().description),
		];
		expect(texts.length).toBeGreaterThan(100);
		// "SHA-256" does not match; "SHA256", "sha256" and "SHA 256" do.
		expect(texts.filter((text) => /sha\s?256|sha_256/i.test(text))).toEqual([]);
		expect(texts.some((text) => text.includes('SHA-256'))).toBe(true);
	});

	it('the trigger advises SHA-256 for an unknown algorithm', () => {
		for (const source of ['whatsapp', 'callbot'] as const) {
			expect(refusalAdvice(source, { reason: 'unknown_algorithm' }, true).fix).toMatch(
				/^Choose MD5 or SHA-256 in /,
			);
		}
	});
});
