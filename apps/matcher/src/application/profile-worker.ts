/**
 * The profile worker: a worker thread (ProfileCache starts it) holding this instance's parsed profiles and
 * screening re-screen pages against them. Its heap is its own, so the service's main thread, which
 * consumes profile messages and writes results, never has the cache's gigabyte of small objects to mark
 * in its garbage collections, and the screening of a page runs beside the main thread's database work.
 * Requests come over the worker's port in order and are answered one at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileTrial, type CompiledTrial, type PatientProfile } from '@trialmatch/core';
import type { TrialCriteriaV1 } from '@trialmatch/contracts';
import { ProfileStore } from './profile-store';
import { planResults, resultKey, type ScreeningOptions, type ScreeningPlan, type StoredResult } from './screening';

/** A stored profile's row; `text` is its JSON when the caller read it from the database (the worker parses it). */
export interface ProfileRow {
  p: string;
  v: number;
  site: string | null;
  text?: string;
  /** The correlation id its results are published with (a profile message's); default the screen's. */
  cid?: string;
}

export type WorkerRequest =
  /** Profiles just stored (a profile message): held, no answer. */
  | { op: 'put'; entries: Array<{ p: string; v: number; profile: PatientProfile }> }
  /** Trial versions a later screen names (by `trialKey`), compiled here: no answer. */
  | { op: 'trials'; docs: TrialCriteriaV1[] }
  /** A plan for the rows against the trials: rows with text are parsed and held first; rows neither held nor given come back as `missing`. */
  | { op: 'screen'; id: number; rows: ProfileRow[]; trials: string[]; stored: StoredResult[]; options: ScreeningOptions }
  /** Which of these versions are not held. */
  | { op: 'cold'; id: number; rows: Array<{ p: string; v: number }> }
  /** Parses and holds profiles read from the database; answers how many. */
  | { op: 'load'; id: number; rows: ProfileRow[] }
  /** The held profiles of exactly these versions. */
  | { op: 'get'; id: number; rows: Array<{ p: string; v: number }> };

export type WorkerReply = { id: number; size: number; hits: number; misses: number } & ({ ok: true; value: unknown } | { ok: false; error: string });

export interface ScreenAnswer {
  plan: ScreeningPlan;
  missing: ProfileRow[];
}

export const trialKey = (trialId: string, version: number): string => `${trialId}@${version}`;

/** Trial versions held compiled; the oldest go beyond this many. */
const KEEP_TRIALS = 500;

function serve(port: NonNullable<typeof parentPort>, capacity: number): void {
  const store = new ProfileStore(capacity);
  const trials = new Map<string, CompiledTrial>();
  let hits = 0;
  let misses = 0;
  const hold = (r: ProfileRow): PatientProfile => {
    const profile = JSON.parse(r.text!) as PatientProfile;
    store.put(r.p, r.v, profile);
    return profile;
  };
  const answer = (id: number, value: () => unknown): void => {
    hits = 0;
    misses = 0;
    let reply: WorkerReply;
    try {
      reply = { id, ok: true, value: value(), size: store.size, hits, misses };
    } catch (e) {
      reply = { id, ok: false, error: e instanceof Error ? e.message : String(e), size: store.size, hits, misses };
    }
    port.postMessage(reply);
  };
  port.on('message', (m: WorkerRequest) => {
    switch (m.op) {
      case 'put':
        for (const e of m.entries) store.put(e.p, e.v, e.profile);
        return port.postMessage({ id: 0, ok: true, value: null, size: store.size, hits: 0, misses: 0 } satisfies WorkerReply);
      case 'trials':
        for (const doc of m.docs) {
          trials.set(trialKey(doc.trialId, doc.version), compileTrial(doc));
          if (trials.size > KEEP_TRIALS) trials.delete(trials.keys().next().value!);
        }
        return;
      case 'cold':
        return answer(m.id, () => m.rows.filter((r) => !store.has(r.p, r.v)).map((r) => r.p));
      case 'load':
        return answer(m.id, () => m.rows.map(hold).length);
      case 'get':
        return answer(m.id, () =>
          m.rows.flatMap((r) => {
            const profile = store.get(r.p, r.v);
            if (profile) hits++;
            else misses++;
            return profile ? [{ p: r.p, profile }] : [];
          }),
        );
      case 'screen':
        return answer(m.id, (): ScreenAnswer => {
          const compiled = m.trials.map((k) => {
            const t = trials.get(k);
            if (!t) throw new Error(`trial ${k} is not held by the profile worker`);
            return t;
          });
          const profiles = [];
          const missing: ProfileRow[] = [];
          for (const r of m.rows) {
            const profile = r.text !== undefined ? hold(r) : store.get(r.p, r.v);
            if (r.text === undefined) {
              if (profile) hits++;
              else misses++;
            }
            if (profile) profiles.push({ pseudonym: r.p, profileVersion: r.v, site: r.site, profile, ...(r.cid === undefined ? {} : { correlationId: r.cid }) });
            else missing.push({ p: r.p, v: r.v, site: r.site });
          }
          const stored = new Map(m.stored.map((s) => [resultKey(s.patient_pseudonym, s.trial_id, s.cohort_id), s]));
          return { plan: planResults(profiles, compiled, stored, m.options), missing };
        });
    }
  });
}

if (parentPort && (workerData as { profileWorker?: boolean } | undefined)?.profileWorker) serve(parentPort, (workerData as { capacity: number }).capacity);
