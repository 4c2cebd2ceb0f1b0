/** Schemas shared by every route: the problem+json body and the error responses it documents. */
import { Type } from 'typebox';

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'Stable error code; see the README error table' }),
    party: Type.Optional(Type.String({ description: 'Who is at fault, when a party is' })),
    errors: Type.Optional(Type.Unknown()),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

/** The error responses every authenticated route can give, for the OpenAPI document. */
export const ERROR_RESPONSES = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
} as const;
