/**
 * Replies with a body that is already JSON text, such as one the database wrote. Fastify sends a
 * string with a JSON content type as it is, past the route's serializer; the route's response
 * schema still documents the shape, and the route answers for the text having it.
 */

/** Any Fastify reply: the one cast below is what lets a route typed for an object send text. */
interface JsonReply<Reply> {
  type(contentType: string): Reply;
  send(payload: never): Reply;
}

/** Sends `text` as the JSON body of the reply. */
export function sendJsonText<Reply extends JsonReply<Reply>>(reply: Reply, text: string): Reply {
  return reply.type('application/json; charset=utf-8').send(text as never);
}
