/**
 * Turns every failure into the one error shape of the API:
 * `{"error": {"code", "message", "fields": [{path, code, message}]}}`.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, ERRORS, type ErrorCode, type ErrorKind, type FieldIssue } from '../../domain/shared/errors.ts';

export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  malformed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
  too_large: 413,
  too_many: 429,
  unavailable: 503,
  internal: 500,
};

export interface ErrorBody {
  error: { code: string; message: string; fields: FieldIssue[]; details?: Record<string, unknown> };
}

export function errorBody(code: ErrorCode, message?: string, fields: readonly FieldIssue[] = []): ErrorBody {
  return { error: { code, message: message ?? ERRORS[code].zh, fields: [...fields] } };
}

interface AjvIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A Chinese sentence for one schema violation. */
function describeIssue(issue: AjvIssue): string {
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
      return '必填';
    case 'maxLength':
      return `长度不能超过 ${String(p.limit)} 个字符`;
    case 'minLength':
      return Number(p.limit) <= 1 ? '不能为空' : `长度不能少于 ${String(p.limit)} 个字符`;
    case 'maximum':
      return `不能大于 ${String(p.limit)}`;
    case 'minimum':
      return `不能小于 ${String(p.limit)}`;
    case 'maxItems':
      return `最多 ${String(p.limit)} 项`;
    case 'minItems':
      return `至少 ${String(p.limit)} 项`;
    case 'type':
      return `类型应为 ${String(p.type)}`;
    case 'enum':
    case 'const':
    case 'anyOf':
      return '取值不在允许范围内';
    case 'pattern':
    case 'format':
      return '格式不正确';
    case 'additionalProperties':
      return `不允许的字段 ${String(p.additionalProperty)}`;
    default:
      return issue.message ?? '不符合要求';
  }
}

export function validationFields(all: readonly AjvIssue[], context: string | undefined): FieldIssue[] {
  // A value that fits no branch of a union (e.g. string or null) is reported once, not per branch.
  const unionPaths = new Set(all.filter((i) => i.keyword === 'anyOf').map((i) => i.instancePath));
  const issues = all.filter((i) => i.keyword === 'anyOf' || !unionPaths.has(i.instancePath));
  return issues.map((issue) => {
    let path = issue.instancePath || '';
    if (issue.keyword === 'required') path += `/${String(issue.params.missingProperty)}`;
    if (issue.keyword === 'additionalProperties') path += `/${String(issue.params.additionalProperty)}`;
    const prefix = context && context !== 'body' ? `${context}:` : '';
    return { path: prefix + (path || '/'), code: issue.keyword, message: describeIssue(issue) };
  });
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    if (err instanceof AppError) {
      const status = STATUS_OF_KIND[err.kind];
      const body = errorBody(err.code, err.message, err.fields);
      if (err.details) body.error.details = { ...err.details };
      if (status >= 500) request.log.error({ err }, 'request failed');
      return reply.status(status).send(body);
    }
    const fe = err as FastifyError;
    if (fe.validation) {
      const fields = validationFields(fe.validation as unknown as AjvIssue[], fe.validationContext);
      return reply.status(400).send(errorBody('VALIDATION_FAILED', undefined, fields));
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && err instanceof SyntaxError)) {
      return reply.status(400).send(errorBody('MALFORMED_JSON'));
    }
    if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return reply.status(400).send(errorBody('MALFORMED_JSON'));
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.status(415).send(errorBody('UNSUPPORTED_MEDIA_TYPE'));
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.status(413).send(errorBody('BODY_TOO_LARGE'));
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send(errorBody('VALIDATION_FAILED', fe.message));
    }
    request.log.error({ err }, 'request failed');
    return reply.status(500).send(errorBody('INTERNAL_ERROR'));
  });

  app.setNotFoundHandler((request, reply) => {
    return reply.status(404).send(errorBody('ROUTE_NOT_FOUND', `接口不存在：${request.method} ${request.url.split('?')[0] ?? ''}`));
  });
}
