// The domain's own failures. Domain code (lib/<domain>) throws these and knows nothing of HTTP;
// lib/http maps each kind to a status and a stable JSON code (docs/decisions/024).
export type DomainErrorKind =
  | "bad_input" // the input is well-formed but missing something the change needs (a reason, say)
  | "not_found"
  | "conflict" // it already exists, or it clashes with what is there
  | "stale" // changed by someone else since the caller read it (optimistic lock)
  | "too_large"
  | "rule" // valid input that a rule of the desk refuses
  | "forbidden"; // this actor may not do this

export class DomainError extends Error {
  constructor(
    public readonly kind: DomainErrorKind,
    message: string,
    /** Extra fields the caller may show (the claim as it is now, a count): sent beside the message. */
    public readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}
