/** Names for the generated OpenAPI types the client and its users work with. */
import type { components } from './generated/schema.js';

type Schemas = components['schemas'];

export type WidgetKind = Schemas['WidgetKind'];
export type WidgetsBlock = Schemas['WidgetsBlock'];
export type AfterStep = Schemas['AfterStep'];
export type ReplaceStep = Schemas['ReplaceStep'];
export type ReinitStep = Schemas['ReinitStep'];
export type WidgetSession = Schemas['WidgetSession'];
export type Bff = Schemas['Bff'];
export type Problem = Schemas['Problem'];
export type CentraError = Schemas['CentraError'];
export type CentraAnswer = Schemas['CentraAnswer'];
export type SelectionAnswer = Schemas['SelectionAnswer'];
export type Selection = Schemas['Selection'];
export type PaymentAnswer = Schemas['PaymentAnswer'];
export type PaymentRequest = Schemas['PaymentRequest'];
export type PaymentFields = Schemas['PaymentFields'];
export type WidgetSignal = Schemas['WidgetSignal'];

/** One message of `GET /selection/events`, as an EventSource delivers it. */
export type SelectionEventMessage = Schemas['SelectionEventMessage'];
export type SelectionEventName = SelectionEventMessage['event'];
/** The JSON `data` of the event named `N`. */
export type SelectionEventData<N extends SelectionEventName> = Extract<SelectionEventMessage, { event: N }>['data'];

/** Every problem `type` the BFF sends starts with this. */
export const PROBLEM_TYPE_PREFIX = 'urn:centra-bff:problem:';

/** The slug of a BFF problem type (`cart-busy`, …), or undefined for anything else. */
export function problemSlug(type: unknown): string | undefined {
  return typeof type === 'string' && type.startsWith(PROBLEM_TYPE_PREFIX)
    ? type.slice(PROBLEM_TYPE_PREFIX.length)
    : undefined;
}
