import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { SipAddressInput } from './callingBody';
import { type SettingsChanges, changesSomething, mergedEnableBody } from './keepSettings';
import { readCustomHours } from './settingsFields';
import { asNodeError } from '../common/errors';
import { retryPolicy } from '../common/options';
import { failureDetails } from '../../transport/nxCloudRequest';
import { callingRequest } from '../../transport/requests';

/** The settings the user set in "Settings to Change" and Business Hours, nothing else. */
export function readSettingsChanges(ctx: IExecuteFunctions, i: number): SettingsChanges {
	const set = (ctx.getNodeParameter('settingsToChange', i, {}) ?? {}) as IDataObject;
	const sip = set.sipAddresses as { address?: SipAddressInput[] } | undefined;
	const choice = ctx.getNodeParameter('businessHours', i, 'keep');
	return {
		region: set.region,
		regionCode: set.regionCode,
		showCallIcon: set.showCallIcon,
		callbackPermission: set.callbackPermission,
		recording: set.recording,
		sip: sip === undefined ? undefined : (sip.address ?? []),
		hours: choice === 'none' ? 'none' : (readCustomHours(ctx, i) ?? 'keep'),
	};
}

/**
 * Reads the phone's calling settings, puts the user's changes on top and sends the whole to
 * enable. `update` refuses a phone whose calling is off, since enable would turn it on.
 */
export async function sendKeptSettings(
	ctx: IExecuteFunctions,
	i: number,
	ref: { appkey: string; business_phone: string },
	options: IDataObject,
	mode: 'enable' | 'update',
): Promise<IDataObject> {
	const changes = readSettingsChanges(ctx, i);
	if (mode === 'update' && !changesSomething(changes))
		throw new Error(
			'Nothing to update: add a setting under Settings to Change, or choose Business Hours other than Keep Current Hours',
		);
	// Reading twice is harmless, and so is sending the same settings twice.
	const policy = retryPolicy(options, i, { retryAmbiguous: true });
	let current: IDataObject | undefined;
	let neverSetUp = false;
	try {
		const envelope = await callingRequest(ctx, 'get', { ...ref }, policy);
		current = (envelope.data ?? undefined) as IDataObject | undefined;
	} catch (error) {
		// 10013 "Calling setting not exist": never enabled, so there is nothing to keep.
		if (failureDetails(error)?.code !== 10013) throw asNodeError(ctx, error, i);
		neverSetUp = true;
	}
	if (mode === 'update' && neverSetUp)
		throw new Error(
			'Calling was never set up for this business phone (NXCloud code 10013): use Enable to turn it on with its first settings',
		);
	if (mode === 'update' && current && Number(current.status) === 0)
		throw new Error(
			'Calling is off for this business phone, and Update Settings does not turn it on (NXCloud saves settings only through its enable call, which turns calling on). Use Enable to turn it on.',
		);
	return await callingRequest(ctx, 'enable', mergedEnableBody(ref, current, changes), policy);
}
