/** The Content-Security-Policy nonce of a response, for the templates' inline and module scripts. */
import type { FastifyReply } from 'fastify';

/** The nonce helmet made for this response, for the design system's inline script and our module scripts. */
export function cspNonce(reply: FastifyReply): string {
  return (reply as FastifyReply & { cspNonce?: { script: string } }).cspNonce?.script ?? '';
}
