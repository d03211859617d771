import pino from 'pino';
import { Writable } from 'node:stream';
import { REDACTED_PATHS } from './logging';

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
