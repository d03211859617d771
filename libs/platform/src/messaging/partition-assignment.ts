/**
 * Which partitions of the consumed topics this instance currently owns in its consumer group, as the
 * broker last assigned them. Work that belongs to a partition's owner (a matcher re-screening its own
 * patients) asks here. `all` stands for a transport without partitions (embedded mode: one process
 * owns everything); in Kafka mode nothing is owned until the group has assigned partitions, and
 * nothing while a rebalance is under way.
 */
export class PartitionAssignment {
  private assigned: ReadonlyMap<string, readonly number[]> | 'all';
  private generation = 0;
  private received = 0;
  private readonly listeners: Array<() => void> = [];

  constructor(mode: 'all' | 'group') {
    this.assigned = mode === 'all' ? 'all' : new Map();
  }

  /** The partitions of `topic` owned now, or 'all'. */
  owned(topic: string): readonly number[] | 'all' {
    return this.assigned === 'all' ? 'all' : (this.assigned.get(topic) ?? []);
  }

  /** Incremented on every change, so long-running work can notice that ownership moved. */
  get version(): number {
    return this.generation;
  }

  /** The group's new assignment (kafkajs GROUP_JOIN memberAssignment). */
  assign(assignment: Record<string, number[]>): void {
    if (this.assigned === 'all') return;
    this.assigned = new Map(Object.entries(assignment).map(([t, ps]) => [t, [...ps].sort((a, b) => a - b)]));
    this.generation++;
    this.received++;
    for (const l of this.listeners) l();
  }

  /** Topics of the current assignment. */
  topics(): string[] {
    return this.assigned === 'all' ? [] : [...this.assigned.keys()];
  }

  /** Assignments received from the group so far (each one the end of a rebalance for this member). */
  get assignments(): number {
    return this.received;
  }

  /** Called after every assignment and revocation. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** A rebalance started or the consumer stopped: nothing is owned until the next assignment. */
  revoke(): void {
    if (this.assigned === 'all') return;
    this.assigned = new Map();
    this.generation++;
    for (const l of this.listeners) l();
  }
}
