import pino from 'pino';
import { Writable } from 'node:stream';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { HEADERS } from '@trialmatch/contracts';
import { loggingParams, REDACTED_PATHS, requestCorrelationId, withoutQueryValues } from './logging';

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

  it('logs a request URL with its query parameter names, not their values (a search or a purpose may name a patient)', () => {
    expect(withoutQueryValues('/v1/patients?q=Jane%20Doe&purpose=call%20about%20MRN-9&limit=5')).toBe('/v1/patients?q=…&purpose=…&limit=…');
    expect(withoutQueryValues('/v1/trials')).toBe('/v1/trials');
    const serializers = (loggingParams('intake', 'info').pinoHttp as { serializers: { req: (r: object) => { url?: string } } }).serializers;
    expect(serializers.req({ method: 'GET', url: '/v1/patients?q=Doe' }).url).toBe('/v1/patients?q=…');
  });

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
