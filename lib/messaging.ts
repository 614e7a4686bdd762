import { z } from 'zod';
import { AppError, serializeError, type SerializedError } from './errors';
import { PageFeaturesSchema } from './detection/features-schema';
import type { RoundOutcome } from './team/team-round';
import { DetectionEnabledSchema, DetectionTabSchema, type TabVerdict } from './detection/verdict';

/**
 * The one protocol between extension contexts. Each message declares its input schema,
 * who may send it, and (as a type) what it answers. The background validates every input;
 * content scripts may only send messages marked `content`.
 */
export type SenderKind = 'content' | 'extension';

const ReportTabSchema = z.object({ tabId: z.number().int().nonnegative() });

interface MessageDef<I extends z.ZodType, O> {
  input: I;
  from: readonly SenderKind[];
  /** Phantom: the answer's type. */
  output?: O;
}
const def = <I extends z.ZodType, O>(input: I, from: readonly SenderKind[]): MessageDef<I, O> => ({ input, from });

export const PROTOCOL = {
  ping: def<z.ZodObject<Record<string, never>>, { ok: true; version: string }>(z.object({}), ['extension']),
  /** The popup reports the tab it was opened on: captured like a right-click, then the report page opens. */
  'report/tab': def<typeof ReportTabSchema, { opened: boolean }>(ReportTabSchema, ['extension']),
  /** Detection (issue 6): the content script reports a page's capped features; the background scores them. */
  'detection/page': def<typeof PageFeaturesSchema, { suspected: boolean }>(PageFeaturesSchema, ['content']),
  /** The popup asks for the verdict kept for a tab (null when none). */
  'detection/verdict': def<typeof DetectionTabSchema, { verdict: TabVerdict | null }>(DetectionTabSchema, [
    'extension',
  ]),
  /** The options page turns detection on (after the host permission was granted) or off. */
  'detection/set-enabled': def<typeof DetectionEnabledSchema, { enabled: boolean; registered: boolean }>(
    DetectionEnabledSchema,
    ['extension'],
  ),
  /** Options → Backend → Team: "Sync now" runs a round in the background and answers its outcome (issue 19). */
  'team/sync': def<z.ZodObject<Record<string, never>>, RoundOutcome>(z.object({}), ['extension']),
} as const;

export type MessageName = keyof typeof PROTOCOL;
export type MessageInput<K extends MessageName> = z.infer<(typeof PROTOCOL)[K]['input']>;
export type MessageOutput<K extends MessageName> = NonNullable<(typeof PROTOCOL)[K]['output']>;
export type Handlers = {
  [K in MessageName]: (input: MessageInput<K>, sender: SenderInfo) => Promise<MessageOutput<K>>;
};

export interface Envelope {
  type: string;
  data: unknown;
}
export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: SerializedError };

/** What the background knows about who sent a message. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tabId?: number;
  frameId?: number;
}

/** Classifies a sender: an extension page of ours, a content script of ours in an http(s) tab, or nobody. */
export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== extensionId) return null;
  if (sender.url?.startsWith(extensionOrigin)) return 'extension';
  if (sender.tabId !== undefined && sender.url && /^https?:/i.test(sender.url)) return 'content';
  return null;
}

/** Validates and routes one message; never throws, so the sender always gets a reply it can explain. */
export async function dispatch(
  message: unknown,
  sender: SenderInfo,
  senderKind: SenderKind | null,
  handlers: Partial<Handlers>,
): Promise<Reply> {
  try {
    const envelope = z.object({ type: z.string().max(64), data: z.unknown() }).safeParse(message);
    if (!envelope.success || !(envelope.data.type in PROTOCOL)) throw new AppError('invalid_input', 'Unknown message');
    const name = envelope.data.type as MessageName;
    const spec = PROTOCOL[name];
    if (!senderKind || !spec.from.includes(senderKind))
      throw new AppError('forbidden_sender', `Sender may not send ${name}`);
    const input = spec.input.safeParse(envelope.data.data ?? {});
    if (!input.success)
      throw new AppError(
        'invalid_input',
        `Invalid ${name}: ${input.error.issues[0]?.path.join('.')} ${input.error.issues[0]?.message}`,
      );
    const handler = handlers[name] as ((i: unknown, s: SenderInfo) => Promise<unknown>) | undefined;
    if (!handler) throw new AppError('internal', `No handler for ${name}`);
    return { ok: true, data: await handler(input.data, sender) };
  } catch (err) {
    return { ok: false, error: serializeError(err) };
  }
}

/** Sends a typed message and rethrows a failure as an AppError with its kind. */
export async function sendTyped<K extends MessageName>(
  send: (message: Envelope) => Promise<unknown>,
  type: K,
  data: MessageInput<K>,
): Promise<MessageOutput<K>> {
  const reply = (await send({ type, data })) as Reply<MessageOutput<K>> | undefined;
  if (!reply) throw new AppError('unavailable', 'The background did not answer');
  if (!reply.ok) throw new AppError(reply.error.kind, reply.error.message, reply.error.details);
  return reply.data;
}
