import { SingleBar } from 'cli-progress';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '@trialmatch/core';

/**
 * `mmmatch trials load DIR|FILE`: publishes trial documents to a running matcher (POST /v1/trials). A
 * document equal to the trial's latest version (apart from the version number) is skipped, so loading
 * the same catalog again publishes nothing and re-screens no one.
 */
export interface LoadReport {
  published: Array<{ trialId: string; version: number; rescreen?: string }>;
  unchanged: string[];
  failed: Array<{ file: string; status: number; errors: Array<{ pointer: string; message: string }> }>;
}

export async function loadTrials(path: string, url: string, progress: NodeJS.WriteStream | null, f: typeof fetch = fetch): Promise<LoadReport> {
  const files = statSync(path).isDirectory() ? readdirSync(path).filter((n) => n.endsWith('.json')).sort().map((n) => join(path, n)) : [path];
  const base = url.replace(/\/$/, '');
  const report: LoadReport = { published: [], unchanged: [], failed: [] };
  const bar = progress?.isTTY ? new SingleBar({ stream: progress, format: 'trials [{bar}] {value}/{total} {trial}', hideCursor: true }) : null;
  bar?.start(files.length, 0, { trial: '' });
  try {
    for (const [i, file] of files.entries()) {
      let doc: { trialId?: string; version?: number };
      try {
        doc = JSON.parse(readFileSync(file, 'utf8')) as typeof doc;
      } catch {
        report.failed.push({ file, status: 0, errors: [{ pointer: '', message: 'not valid JSON' }] });
        continue;
      }
      const { version: _ignored, ...draft } = doc;
      bar?.update(i, { trial: draft.trialId ?? file });
      const current = draft.trialId ? await f(`${base}/v1/trials/${encodeURIComponent(draft.trialId)}`) : null;
      if (current?.ok) {
        const { version: _v, ...latest } = (await current.json()) as { version?: number };
        if (canonicalJson(latest) === canonicalJson(draft)) {
          report.unchanged.push(draft.trialId!);
          continue;
        }
      }
      const res = await f(`${base}/v1/trials`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(draft) });
      const body = (await res.json()) as { trialId: string; version: number; rescreen?: { id: string }; message?: string; errors?: Array<{ pointer: string; message: string }> };
      if (res.status === 201) report.published.push({ trialId: body.trialId, version: body.version, ...(body.rescreen ? { rescreen: body.rescreen.id } : {}) });
      else report.failed.push({ file, status: res.status, errors: body.errors ?? [{ pointer: '', message: body.message ?? `HTTP ${res.status}` }] });
      if (progress && !bar) progress.write(`${file}: ${res.status === 201 ? `published v${body.version}` : `failed (${res.status})`}\n`);
    }
  } finally {
    bar?.update(files.length, { trial: '' });
    bar?.stop();
  }
  return report;
}
