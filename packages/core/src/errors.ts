/**
 * Domain errors carry a stable UPPER_SNAKE code and structured details, never an HTTP status:
 * each edge (HTTP, CLI, MQTT) maps codes to its own vocabulary in one place.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
