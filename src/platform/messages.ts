// Every message between Backstory's contexts is one case of the protocol below. A message type
// names its direction, as darkreader does: `cs-bg:` goes from a content script to the
// background, `popup-cs:` from the toolbar popup to a tab's content script, and so on.
// Both ends validate: the receiver checks who sent a message and its shape before acting on it,
// and the sender checks the shape of the reply, so a stale or hostile peer cannot smuggle in
// data of the wrong type.
import * as v from 'valibot';
import { browser, type Runtime } from './browser.js';
import { errorText, fail, ok, type Result } from './result.js';

import { MAX_ARTICLE_CHARS } from './limits.js';

export { MAX_ARTICLE_CHARS };
const MAX_ENTITIES = 5_000;
const MAX_MENTIONS = 50_000;

const isoDay = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const partialDate = v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}){0,2}$/));
const entityId = v.pipe(v.string(), v.maxLength(120));
const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));
const languageTag = v.pipe(v.string(), v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/));
const kind = v.picklist(['person', 'place', 'organization', 'event', 'other']);

/**
 * Offsets [start, end) into a text: whole numbers, start before end. Checked in one loop rather
 * than as a schema per pair, because a long article has tens of thousands and the content script
 * checks them on the page's main thread.
 */
function isSpanList(value: unknown): value is [number, number][] {
  if (!Array.isArray(value) || value.length > MAX_MENTIONS) return false;
  for (const span of value as unknown[]) {
    if (!Array.isArray(span) || span.length !== 2) return false;
    const [start, end] = span as unknown[];
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) < 0 || (start as number) >= (end as number)) return false;
  }
  return true;
}

const foundEntity = v.object({
  id: entityId,
  kind,
  name: shortText(200),
  salience: v.number(),
  /** [start, end] offsets into the text that was sent. */
  mentions: v.custom<[number, number][]>(isSpanList, `a list of at most ${MAX_MENTIONS} [start, end] offsets`),
});
export type FoundEntitySummary = v.InferOutput<typeof foundEntity>;

const card = v.object({
  id: entityId,
  name: shortText(200),
  kind,
  subkind: shortText(60),
  description: shortText(400),
  /** "In May 2018: President of South Korea, 2017–2022". */
  roleAtDate: v.nullable(shortText(300)),
  role: v.nullable(
    v.object({
      title: shortText(200),
      organization: v.nullable(shortText(200)),
      from: v.nullable(partialDate),
      to: v.nullable(partialDate),
      atDate: v.nullable(isoDay),
    }),
  ),
  facts: v.pipe(v.array(v.tuple([shortText(60), shortText(200)])), v.maxLength(12)),
  wikipedia: v.nullable(shortText(300)),
  coords: v.nullable(v.tuple([v.number(), v.number()])),
  country: v.nullable(shortText(2)),
  /** The country's flag as regional-indicator characters. */
  flag: v.nullable(shortText(8)),
  /** A locator map: numbers and path commands only, drawn as SVG (never parsed as markup). */
  map: v.nullable(
    v.object({
      viewBox: v.pipe(v.string(), v.regex(/^-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+$/)),
      land: v.pipe(v.string(), v.maxLength(200_000), v.regex(/^[MLZ\d. -]*$/)),
      spot: v.tuple([v.number(), v.number()]),
    }),
  ),
});
export type Card = v.InferOutput<typeof card>;

const pageStatus = v.object({
  title: v.string(),
  date: v.nullable(isoDay),
  words: v.pipe(v.number(), v.integer(), v.minValue(0)),
  readingMinutes: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The article was longer than Backstory reads: only its start is marked. */
  truncated: v.boolean(),
});
export type PageStatus = v.InferOutput<typeof pageStatus>;

function analyzeMessage<T extends string>(type: T) {
  return {
    request: v.object({
      type: v.literal(type),
      text: v.pipe(v.string(), v.maxLength(MAX_ARTICLE_CHARS)),
      title: shortText(1_000),
      date: v.optional(isoDay),
      lang: v.optional(languageTag),
    }),
    reply: v.object({ entities: v.pipe(v.array(foundEntity), v.maxLength(MAX_ENTITIES)) }),
  };
}

const protocol = {
  /** A content script sends an article's text; the background finds what it names. */
  'cs-bg:analyze': analyzeMessage('cs-bg:analyze'),
  /** The popup sends the text it read from a tab (Readability, a selection, the whole page). */
  'popup-bg:analyze': analyzeMessage('popup-bg:analyze'),
  /** A content script asks for the card of one entity, as of the article's date. */
  'cs-bg:card': {
    request: v.object({ type: v.literal('cs-bg:card'), id: entityId, date: v.optional(isoDay) }),
    reply: card,
  },
  /** The context menu's "explain": show the card for the selection, or say the name is unknown. */
  'bg-cs:explain': {
    request: v.object({ type: v.literal('bg-cs:explain'), selection: shortText(200), id: v.nullable(entityId) }),
    reply: v.object({ shown: v.boolean() }),
  },
  /** The card of an unknown name offers to add it to a personal pack: open the options page there. */
  'cs-bg:add-to-pack': {
    request: v.object({ type: v.literal('cs-bg:add-to-pack'), name: shortText(200) }),
    reply: v.object({ opened: v.boolean() }),
  },
  /** The keyboard shortcut (commands API): show the card of the next mark. */
  'bg-cs:next-mark': {
    request: v.object({ type: v.literal('bg-cs:next-mark') }),
    reply: v.object({ opened: v.boolean() }),
  },
  /** The popup's "who and what": scroll the tab to an entity's first mark and flash it. */
  'popup-cs:reveal': {
    request: v.object({ type: v.literal('popup-cs:reveal'), id: entityId }),
    reply: v.object({ found: v.boolean() }),
  },
  /** The popup asks the active tab's content script what it sees. */
  'popup-cs:page-status': {
    request: v.object({ type: v.literal('popup-cs:page-status') }),
    reply: pageStatus,
  },
} as const;

type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type Request<K extends MessageType> = v.InferOutput<Protocol[K]['request']>;
export type Reply<K extends MessageType> = v.InferOutput<Protocol[K]['reply']>;

/** Messages the background answers. */
export type BackgroundMessageType = Extract<MessageType, `${string}-bg:${string}`>;
/** Messages a tab's content script answers. */
export type ContentMessageType = Extract<MessageType, `${string}-cs:${string}`>;

export type Handlers<K extends MessageType> = {
  [P in K]: (request: Request<P>, sender: Runtime.MessageSender) => Promise<Reply<P>> | Reply<P>;
};

/** One line per problem, naming the field: "url: Invalid type: Expected string but received 42". */
function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues.map((issue) => `${v.getDotPath(issue) ?? 'message'}: ${issue.message}`).join('; ');
}

function replySchema<K extends MessageType>(type: K) {
  return v.variant('ok', [
    v.object({ ok: v.literal(true), value: protocol[type].reply }),
    v.object({ ok: v.literal(false), error: v.string() }),
  ]);
}

function parseReply<K extends MessageType>(type: K, raw: unknown): Result<Reply<K>> {
  if (raw === undefined) return fail(`nobody answered ${type}`);
  const parsed = v.safeParse(replySchema(type), raw);
  if (!parsed.success) return fail(`malformed reply to ${type}: ${describeIssues(parsed.issues)}`);
  return parsed.output.ok ? ok(parsed.output.value) : fail(parsed.output.error);
}

/**
 * Sends a message to the background. With `timeoutMs`, a reply that has not come by then is a
 * failure: a background stopped in the middle of a request (Chrome's service worker) may leave
 * the request unanswered for good.
 */
export async function sendToBackground<K extends BackgroundMessageType>(
  request: Request<K> & { type: K },
  options: { timeoutMs?: number } = {},
): Promise<Result<Reply<K>>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const sent = browser.runtime.sendMessage(request);
    const reply =
      options.timeoutMs === undefined
        ? await sent
        : await Promise.race([
            sent,
            new Promise<never>((_, reject) => {
              timer = setTimeout(() => reject(new Error(`no answer to ${request.type} within ${options.timeoutMs} ms`)), options.timeoutMs);
            }),
          ]);
    return parseReply<K>(request.type, reply);
  } catch (error) {
    return fail(errorText(error));
  } finally {
    clearTimeout(timer);
  }
}

export async function sendToTab<K extends ContentMessageType>(
  tabId: number,
  request: Request<K> & { type: K },
): Promise<Result<Reply<K>>> {
  try {
    return parseReply<K>(request.type, await browser.tabs.sendMessage(tabId, request));
  } catch (error) {
    return fail(errorText(error));
  }
}

function extensionOrigin(): string {
  return browser.runtime.getURL('/');
}

/** A content script of this extension, running in a web page's tab. */
export function isOwnContentScript(sender: Runtime.MessageSender): boolean {
  return (
    sender.id === browser.runtime.id &&
    sender.tab?.id !== undefined &&
    !(sender.url ?? '').startsWith(extensionOrigin())
  );
}

/** One of this extension's own pages (popup, options). */
export function isOwnPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(extensionOrigin());
}

const allowedSenders: Record<MessageType, (sender: Runtime.MessageSender) => boolean> = {
  'cs-bg:analyze': isOwnContentScript,
  'cs-bg:card': (sender) => isOwnContentScript(sender) || isOwnPage(sender),
  'popup-bg:analyze': isOwnPage,
  'popup-cs:page-status': isOwnPage,
  'popup-cs:reveal': isOwnPage,
  'bg-cs:next-mark': isOwnPage,
  'bg-cs:explain': isOwnPage,
  'cs-bg:add-to-pack': isOwnContentScript,
};

function hasType(message: unknown): message is { type: string } {
  return typeof message === 'object' && message !== null && 'type' in message && typeof message.type === 'string';
}

/**
 * Answers the given message types until `signal` aborts. Messages of other types are left to
 * other listeners; messages of a handled type from an unexpected sender, or of the wrong shape,
 * are refused with a reason.
 */
export function serve<K extends MessageType>(handlers: Handlers<K>, signal: AbortSignal): void {
  const handles = (type: string): type is K => Object.hasOwn(handlers, type);

  async function dispatch<P extends K>(type: P, raw: unknown, sender: Runtime.MessageSender) {
    if (!allowedSenders[type](sender)) return fail<Reply<P>>(`${type} refused from this sender`);
    const parsed = v.safeParse(protocol[type].request, raw);
    if (!parsed.success) return fail<Reply<P>>(`malformed ${type}: ${describeIssues(parsed.issues)}`);
    try {
      return ok(await handlers[type](parsed.output, sender));
    } catch (error) {
      return fail<Reply<P>>(errorText(error));
    }
  }

  // The answer goes through sendResponse (and `true` keeps the channel open for it), which both
  // browsers' own namespaces and the polyfill accept; a returned promise only some do.
  const listener = (message: unknown, sender: Runtime.MessageSender, sendResponse: (reply: unknown) => void): true | undefined => {
    if (!hasType(message) || !handles(message.type)) return undefined;
    void dispatch(message.type, message, sender).then(sendResponse);
    return true;
  };
  // The typings want `true` always; the browsers take undefined as "not mine, ask the others".
  const callback = listener as Runtime.OnMessageListenerCallback;
  browser.runtime.onMessage.addListener(callback);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(callback), { once: true });
}
