/** The public origin printed into QR codes and notices (portal links). */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../domain/shared/errors.ts';
import type { AppDeps } from '../deps.ts';

/**
 * The base of the portal URLs the QR codes open: GOVHALL_PUBLIC_URL, else the scheme
 * and host of the request (set GOVHALL_PUBLIC_URL behind a proxy that rewrites them).
 */
export function publicBase(deps: AppDeps, request: FastifyRequest): string {
  if (deps.config.publicUrl) return deps.config.publicUrl;
  try {
    const url = new URL(`${request.protocol}://${request.host}`);
    if (url.pathname !== '/' || url.username || url.password) throw new Error('not a plain host');
    return url.origin;
  } catch {
    throw new AppError('VALIDATION_FAILED', { message: '请求的 Host 头不正确' });
  }
}
