import pino from 'pino';
import { Writable } from 'node:stream';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { HEADERS } from '@trialmatch/contracts';
import { REDACTED_PATHS, requestCorrelationId } from './logging';

describe('log redaction', () => {
  it('removes credentials and identifying fields wherever a log object carries them', () => {
    let out = '';
    const sink = new Writable({ write: (chunk: Buffer, _e, cb) => ((out += chunk.toString()), cb()) });
    const log = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
    log.info({ req: { headers: { authorization: 'Bearer tmk_secret' } }, event: { patientId: 'MRN-123', data: { birthDate: '1958-03-04' } }, patient: { name: [{ family: 'Doe' }] }, mrn: 'MRN-9' }, 'x');
    for (const secret of ['tmk_secret', 'MRN-123', '1958-03-04', 'Doe', 'MRN-9']) expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });
});

describe('request correlation ids', () => {
  const exchange = (header?: string) => {
    const req = new IncomingMessage(new Socket());
    if (header !== undefined) req.headers[HEADERS.correlationId] = header;
    return { req, res: new ServerResponse(req) };
  };

  it("keeps the caller's id and returns it on the response", () => {
    const { req, res } = exchange('hospital-feed:42.a_b');
    expect(requestCorrelationId(req, res)).toBe('hospital-feed:42.a_b');
    expect(res.getHeader(HEADERS.correlationId)).toBe('hospital-feed:42.a_b');
  });

  it.each([['none', undefined], ['with spaces and braces', 'MRN 123 {"x":1}'], ['too long', 'a'.repeat(129)]])('replaces %s by a new id, which handlers then read from the request', (_name, header) => {
    const { req, res } = exchange(header);
    const id = requestCorrelationId(req, res);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(req.headers[HEADERS.correlationId]).toBe(id);
    expect(res.getHeader(HEADERS.correlationId)).toBe(id);
  });
});
