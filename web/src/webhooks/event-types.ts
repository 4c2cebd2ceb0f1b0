// The event types a subscription can name (docs/webhooks.md), with `*` for all of them. Filters
// may also be prefixes such as `parcel.*`; the form offers the exact types, which cover today's.
export const EVENT_TYPES = ['order.created', 'shipping_request.created', 'shipping_request.rejected', 'waybill.created', 'parcel.tracking_updated'] as const;

export const ALL_EVENTS = '*';
