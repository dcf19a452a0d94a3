// Deterministic fake call outcomes, so listCall / listOrder / exportBatchCall have something to
// return. The same orderID always produces the same outcome; only the timestamps follow the
// stand-in's clock. callStatus values are OUR enum (the vendor's was not retrieved, docs/vendor-api.md §9.9):
// 0 not dialled yet (export only) · 1 answered · 2 no answer · 3 busy · 4 failed.

export interface Intent {
	intentID: string;
	intentTag: string;
	intentName: string;
	intentLevel: number;
}

export interface CallDetail {
	callID: string;
	callingNumber: string;
	lineAddress: string;
	callStatus: number;
	callStartTs: number;
	callAnswerTs: number;
	callEndTs: number;
	callDuration: number;
	/** Conversation turns, filtered by listCall/listOrder's turnTime. */
	turnTime: number;
	callAudioUrl: string;
	hangupCause: string;
	termSipCode: string;
	intents: Intent[];
	sms: { smsSendTs: number; sysMessageID: string; smsContent: string }[];
	agent: Record<string, string | number>;
}

export const CALL_STATUS = { notDialled: 0, answered: 1, noAnswer: 2, busy: 3, failed: 4 } as const;

const INTENTS: Intent[] = [
	{ intentID: 'intent-A', intentTag: 'A', intentName: 'Interested', intentLevel: 1 },
	{ intentID: 'intent-B', intentTag: 'B', intentName: 'Call back later', intentLevel: 2 },
	{ intentID: 'intent-C', intentTag: 'C', intentName: 'Not interested', intentLevel: 3 },
	{ intentID: 'intent-D', intentTag: 'D', intentName: 'Wrong number', intentLevel: 4 },
];

const UNANSWERED: Record<number, { hangupCause: string; termSipCode: string }> = {
	[CALL_STATUS.noAnswer]: { hangupCause: 'NO_ANSWER', termSipCode: '480' },
	[CALL_STATUS.busy]: { hangupCause: 'USER_BUSY', termSipCode: '486' },
	[CALL_STATUS.failed]: { hangupCause: 'CALL_REJECTED', termSipCode: '503' },
};

/** FNV-1a: cheap and stable, so dialling 100,000 orders costs no cryptographic hashing. */
export function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** Shared and frozen: a 100,000-call dial must not allocate an agent object per call. */
const NO_AGENT: Record<string, string | number> = Object.freeze({
	agentName: '',
	agentGroup: '',
	agentCallStatus: 0,
	agentCallElapsed: 0,
	agentLabel: '',
	manualCallStart: 0,
	manualCallAnswer: 0,
	manualCallEnd: 0,
	manualHangupBy: 0,
});
const NO_SMS: CallDetail['sms'] = Object.freeze([]) as unknown as CallDetail['sms'];
const NO_INTENTS: Intent[] = Object.freeze([]) as unknown as Intent[];
INTENTS.forEach((intent) => Object.freeze(intent));

/** Six in ten answered, two no answer, one busy, one failed — by the orderID's hash. */
export function fakeCall(orderID: string, attempt: number, startTs: number): CallDetail {
	const hash = fnv1a(orderID);
	const bucket = hash % 10;
	const callStatus =
		bucket < 6
			? CALL_STATUS.answered
			: bucket < 8
				? CALL_STATUS.noAnswer
				: bucket < 9
					? CALL_STATUS.busy
					: CALL_STATUS.failed;
	const callID = `call-${orderID}-${attempt}`;
	const answered = callStatus === CALL_STATUS.answered;
	const callDuration = answered ? 10 + ((hash >>> 4) % 170) : 0;
	const unanswered = UNANSWERED[callStatus];
	return {
		callID,
		callingNumber: '85230000001',
		lineAddress: '203.0.113.20',
		callStatus,
		callStartTs: startTs,
		callAnswerTs: answered ? startTs + 5 : 0,
		callEndTs: answered ? startTs + 5 + callDuration : startTs + 30,
		callDuration,
		turnTime: answered ? 1 + ((hash >>> 12) % 8) : 0,
		callAudioUrl: answered ? `https://standin.invalid/audio/${callID}.wav` : '',
		hangupCause: answered ? 'NORMAL_CLEARING' : unanswered.hangupCause,
		termSipCode: answered ? '200' : unanswered.termSipCode,
		intents: answered ? [INTENTS[(hash >>> 8) % INTENTS.length]] : NO_INTENTS,
		sms: NO_SMS,
		agent: NO_AGENT,
	};
}
