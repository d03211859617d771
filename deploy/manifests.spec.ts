import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { loadConfig } from '@trialmatch/platform';
import { intakeEnvSchema } from '../apps/intake/src/config';
import { matcherEnvSchema } from '../apps/matcher/src/config';
import { notifierEnvSchema } from '../apps/notifier/src/config';

/**
 * deploy/: the Kubernetes manifests validated against the Kubernetes API schemas (kubernetes-models,
 * offline), their configuration against the services' own configuration schemas, and the Grafana
 * dashboard against the metrics the code registers.
 */
const ROOT = join(__dirname, '..');
const K8S = join(__dirname, 'k8s');
type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; spec?: any; data?: Record<string, string>; stringData?: Record<string, string> }; // eslint-disable-line @typescript-eslint/no-explicit-any

const MODELS: Record<string, new (o: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

const files = readdirSync(K8S).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
const manifests: Array<Manifest & { file: string }> = files.flatMap((file) =>
  parseAllDocuments(readFileSync(join(K8S, file), 'utf8')).map((d) => {
    if (d.errors.length > 0) throw new Error(`${file}: ${d.errors[0]!.message}`);
    return { ...(d.toJSON() as Manifest), file };
  }),
);
const find = (kind: string, name: string): Manifest & { file: string } => {
  const m = manifests.find((x) => x.kind === kind && x.metadata.name === name);
  if (!m) throw new Error(`no ${kind} ${name}`);
  return m;
};
const SERVICES = { intake: intakeEnvSchema, matcher: matcherEnvSchema, notifier: notifierEnvSchema } as const;

describe('deploy/k8s', () => {
  it.each(manifests.map((m) => [`${m.file}: ${m.kind} ${m.metadata.name}`, m] as const))('%s is valid against the Kubernetes schema', (_name, m) => {
    const Model = MODELS[`${m.apiVersion}/${m.kind}`];
    expect(Model).toBeDefined();
    const { file: _file, ...object } = m;
    expect(() => new Model!(object as never).validate()).not.toThrow();
    if (m.kind !== 'Namespace') expect(m.metadata.namespace).toBe('trialmatch');
  });

  it('the kustomization lists every manifest but the jobs (run before a rollout) and the example secret', () => {
    const k = parse(readFileSync(join(K8S, 'kustomization.yaml'), 'utf8')) as { resources: string[] };
    expect([...k.resources].sort()).toEqual(files.filter((f) => f !== 'jobs.yaml' && f !== 'secret.example.yaml').sort());
  });

  it.each(Object.keys(SERVICES) as Array<keyof typeof SERVICES>)('%s: its configuration (config map, secret, container env) is accepted by the service', (service) => {
    const deployment = find('Deployment', service);
    const container = deployment.spec.template.spec.containers[0];
    const secret = find('Secret', 'trialmatch-secrets').stringData!;
    const env: Record<string, string> = { ...find('ConfigMap', 'trialmatch-config').data };
    for (const e of container.env as Array<{ name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }>) {
      if (e.valueFrom) {
        expect(e.valueFrom.secretKeyRef.name).toBe('trialmatch-secrets');
        expect(Object.keys(secret)).toContain(e.valueFrom.secretKeyRef.key);
        env[e.name] = secret[e.valueFrom.secretKeyRef.key]!;
      } else env[e.name] = e.value!;
    }
    const config = loadConfig(SERVICES[service], env);
    expect(config.DATABASE_URL).toContain(`/${service}`);
    expect(config.DATABASE_MIGRATE_ON_START).toBe(false); // the jobs migrate
    // The command runs the built entry point of this service, and the probes and Service use its port.
    expect(container.command).toEqual(['node', '-r', 'tsconfig-paths/register', `dist/apps/${service}/src/main.js`]);
    expect(existsSync(join(ROOT, `apps/${service}/src/main.ts`))).toBe(true);
    expect(container.ports[0].containerPort).toBe(config.HTTP_PORT);
    expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
    const svc = find('Service', service);
    expect(svc.spec.selector).toEqual(deployment.spec.selector.matchLabels);
    expect(deployment.spec.template.metadata.labels).toMatchObject(deployment.spec.selector.matchLabels);
    expect(svc.spec.ports[0].port).toBe(config.HTTP_PORT); // deploy/web/nginx.conf proxies to <service>:<port>
    expect(readFileSync(join(ROOT, 'deploy/web/nginx.conf'), 'utf8')).toContain(`http://${service}:${config.HTTP_PORT}`);
    // Each service has a migration job running the same entry point with `migrate`.
    const job = find('Job', `${service}-migrate`);
    expect(job.spec.template.spec.containers[0].command).toEqual([...(container.command as string[]), 'migrate']);
  });

  it('the topics job runs the topic creation script that exists in the build', () => {
    const job = find('Job', 'kafka-topics');
    expect((job.spec.template.spec.containers[0].command as string[]).at(-2)).toBe('dist/scripts/infra/kafka-admin.js');
    expect(existsSync(join(ROOT, 'scripts/infra/kafka-admin.ts'))).toBe(true);
  });
});

describe('deploy/grafana', () => {
  // Every metric name the code registers (prom-client `name: '…'` in the services and the platform).
  const registered = new Set<string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/name: '([a-z_]+_(?:total|seconds|entries|lag|remaining|assignments|owned))'/g)) registered.add(m[1]!);
    }
  };
  walk(join(ROOT, 'apps'));
  walk(join(ROOT, 'libs/platform/src'));
  const dashboard = JSON.parse(readFileSync(join(__dirname, 'grafana/trialmatch.json'), 'utf8')) as { panels: Array<{ title: string; targets?: Array<{ expr: string }> }> };

  it('every panel queries metrics the services export', () => {
    const used = dashboard.panels.flatMap((p) => (p.targets ?? []).flatMap((t) => [...t.expr.matchAll(/\b((?:trialmatch|intake|matcher|notifier)_[a-z_]+?)(?:_bucket|_sum|_count)?\b/g)].map((m) => m[1]!)));
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((name) => !registered.has(name))).toEqual([]);
  });

  it('shows lag, rates, latencies, errors and dead letters', () => {
    const all = JSON.stringify(dashboard.panels.map((p) => p.targets));
    for (const metric of ['trialmatch_consumer_lag', 'trialmatch_messages_consumed_total', 'trialmatch_outbox_publish_failures_total', 'intake_profile_recompute_seconds_bucket', 'matcher_evaluation_batch_seconds_bucket', 'trialmatch_message_handling_seconds_bucket', 'trialmatch_http_request_seconds_bucket']) expect(all).toContain(metric);
    expect(all).toContain('dead-lettered');
  });
});
