/**
 * The window compute hosts attached to this host, one per connection. The newest offer is the one
 * jobs go to; a connection that closes or re-attaches loses its old offer (and interrupts its run).
 */
import { RecForgeError } from '../../core/errors';
import type { BackendInfo } from '../../core/protocol/dto';
import type { Caller } from './caller';
import { RemoteWorkerHost, type RemoteHostEvents } from './remoteWorkerHost';

export interface ComputeHostsEvents extends RemoteHostEvents {
  /** A window attached or went away: routing (and the status bar) may change. */
  onChange(): void;
}

export class ComputeHosts {
  private readonly hosts = new Map<string, RemoteWorkerHost>();
  /** Per connection: removes its "gone" listener, so re-attaching does not pile listeners up. */
  private readonly offGone = new Map<string, () => void>();

  constructor(private readonly events: ComputeHostsEvents) {}

  /** The window jobs go to: the newest attached one, or null. */
  get current(): RemoteWorkerHost | null {
    return [...this.hosts.values()].at(-1) ?? null;
  }

  /** Registers `caller`'s offer (replacing its earlier one) and detaches it when the connection goes. */
  attach(caller: Caller, backend: BackendInfo): RemoteWorkerHost {
    this.remove(caller.id, 'the window attached a new compute worker');
    const host = new RemoteWorkerHost(caller, backend, this.events);
    this.hosts.set(caller.id, host);
    this.offGone.set(caller.id, caller.onGone(() => this.detach(caller, 'the window training it on WebGPU closed')));
    this.events.onChange();
    return host;
  }

  /** Withdraws `caller`'s offer, if any; its run in flight is interrupted. */
  detach(caller: Caller, why: string): void {
    if (this.remove(caller.id, why)) this.events.onChange();
  }

  /** `caller`'s host; a 'validation' error when that connection never attached. */
  of(caller: Caller | undefined): RemoteWorkerHost {
    const host = caller === undefined ? undefined : this.hosts.get(caller.id);
    if (host === undefined) throw new RecForgeError('validation', 'this connection has no attached compute host (call compute.attach first)', { file: 'compute', expected: 'compute.attach before compute.event / checkpoints' });
    return host;
  }

  private remove(id: string, why: string): boolean {
    const host = this.hosts.get(id);
    if (host === undefined) return false;
    this.hosts.delete(id);
    this.offGone.get(id)?.();
    this.offGone.delete(id);
    host.lose(why);
    return true;
  }
}
