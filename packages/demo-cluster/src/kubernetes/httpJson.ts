import { isError } from '@backstage/errors';
import { IncomingMessage, ServerResponse } from 'node:http';
import { KubernetesStatusError, statusOfError } from './status';

/** Headers of every JSON answer, watch streams included. */
export const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** Answers with a JSON body. */
export function sendJson(res: ServerResponse, code: number, body: object) {
  res.writeHead(code, JSON_HEADERS).end(JSON.stringify(body));
}

/**
 * Answers a failure with its Kubernetes `Status`. A stream that has already
 * sent its headers (a watch or a followed log) can only be ended.
 */
export function sendError(res: ServerResponse, error: unknown) {
  const status = statusOfError(error);
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, status.code, status);
}

/** Reads a JSON object request body; anything else is a 400. */
export async function readJsonBody(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (!body || typeof body !== 'object') throw new Error('not an object');
    return body;
  } catch (error) {
    throw new KubernetesStatusError(
      400,
      `the request body is not valid JSON: ${
        isError(error) ? error.message : error
      }`,
    );
  }
}
