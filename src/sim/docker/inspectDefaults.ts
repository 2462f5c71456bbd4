import type { Container } from '../model';

/**
 * The keys of `docker container inspect` that whalewire does not model but Docker 28 always
 * prints, with the values a container made by the v28.5.2 CLI on a Linux daemon has (cgroup v2,
 * AppArmor, overlay2): moby api/types/container container.go (ContainerJSONBase order),
 * hostconfig.go (HostConfig and Resources order), daemon/daemon_unix.go adaptContainerSettings
 * (ShmSize 64 MiB, IpcMode and CgroupnsMode private) and verifyPlatformContainerResources
 * (MemorySwappiness -1 and OomKillDisable on cgroup v2 become null), api/server/router/container
 * (PidsLimit 0 becomes null), oci/defaults.go (MaskedPaths, ReadonlyPaths); docker/cli
 * cli/command/container/opts.go (the CLI always sends the device and ulimit lists, empty).
 */

/** Images whose Dockerfile sets STOPSIGNAL (docker-library nginx, httpd): Config.StopSignal, omitempty. */
export const STOP_SIGNAL: Record<string, string> = { nginx: 'SIGQUIT', httpd: 'SIGWINCH' };

const MASKED_PATHS = [
  '/proc/asound',
  '/proc/acpi',
  '/proc/interrupts',
  '/proc/kcore',
  '/proc/keys',
  '/proc/latency_stats',
  '/proc/timer_list',
  '/proc/timer_stats',
  '/proc/sched_debug',
  '/proc/scsi',
  '/sys/firmware',
  '/sys/devices/virtual/powercap',
];
const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

/** Files the daemon keeps for a container (daemon/container.go, container/container.go). */
export function containerPaths(c: Container) {
  const dir = `/var/lib/docker/containers/${c.id}`;
  const started = c.state !== 'created';
  return {
    ResolvConfPath: started ? `${dir}/resolv.conf` : '',
    HostnamePath: started ? `${dir}/hostname` : '',
    HostsPath: started ? `${dir}/hosts` : '',
    // the json-file logger is set up at the first start
    LogPath: started ? `${dir}/${c.id}-json.log` : '',
  };
}

/** The fields between `Platform` and `HostConfig` (MountLabel … ExecIDs). */
export function securityLabels() {
  return {
    MountLabel: '',
    ProcessLabel: '',
    // the daemon's default AppArmor profile on an AppArmor host (Ubuntu, Debian)
    AppArmorProfile: 'docker-default',
    ExecIDs: null,
  };
}

/**
 * HostConfig, in the struct's order; `mine` holds the keys the engine models (NetworkMode …
 * PublishAllPorts), `over` the ones run/create flags set (runOptsInspect.ts), omitempty ones
 * (Annotations, StorageOpt, Tmpfs, Sysctls, KernelMemory, Mounts, Init) only when given.
 */
export function hostConfigJson(
  mine: {
    NetworkMode: string;
    PortBindings: unknown;
    RestartPolicy: unknown;
    AutoRemove: boolean;
    Dns: string[];
    DnsOptions: string[];
    DnsSearch: string[];
    ExtraHosts: string[] | null;
    Links: string[] | null;
    PublishAllPorts: boolean;
  },
  over: Record<string, unknown> = {},
) {
  const json: Record<string, unknown> = {
    Binds: null,
    ContainerIDFile: '',
    LogConfig: { Type: 'json-file', Config: {} },
    NetworkMode: mine.NetworkMode,
    PortBindings: mine.PortBindings,
    RestartPolicy: mine.RestartPolicy,
    AutoRemove: mine.AutoRemove,
    VolumeDriver: '',
    VolumesFrom: null,
    ConsoleSize: [0, 0],
    Annotations: undefined,
    CapAdd: null,
    CapDrop: null,
    CgroupnsMode: 'private',
    Dns: mine.Dns,
    DnsOptions: mine.DnsOptions,
    DnsSearch: mine.DnsSearch,
    ExtraHosts: mine.ExtraHosts,
    GroupAdd: null,
    IpcMode: 'private',
    Cgroup: '',
    Links: mine.Links,
    OomScoreAdj: 0,
    PidMode: '',
    Privileged: false,
    PublishAllPorts: mine.PublishAllPorts,
    ReadonlyRootfs: false,
    SecurityOpt: null,
    StorageOpt: undefined,
    Tmpfs: undefined,
    UTSMode: '',
    UsernsMode: '',
    ShmSize: 67108864,
    Sysctls: undefined,
    Runtime: 'runc',
    Isolation: '',
    CpuShares: 0,
    Memory: 0,
    NanoCpus: 0,
    CgroupParent: '',
    BlkioWeight: 0,
    BlkioWeightDevice: [],
    BlkioDeviceReadBps: [],
    BlkioDeviceWriteBps: [],
    BlkioDeviceReadIOps: [],
    BlkioDeviceWriteIOps: [],
    CpuPeriod: 0,
    CpuQuota: 0,
    CpuRealtimePeriod: 0,
    CpuRealtimeRuntime: 0,
    CpusetCpus: '',
    CpusetMems: '',
    Devices: [],
    DeviceCgroupRules: null,
    DeviceRequests: null,
    KernelMemory: undefined,
    MemoryReservation: 0,
    MemorySwap: 0,
    MemorySwappiness: null,
    OomKillDisable: null,
    PidsLimit: null,
    Ulimits: [],
    CpuCount: 0,
    CpuPercent: 0,
    IOMaximumIOps: 0,
    IOMaximumBandwidth: 0,
    Mounts: undefined,
    MaskedPaths: MASKED_PATHS,
    ReadonlyPaths: READONLY_PATHS,
    Init: undefined,
  };
  // JSON.stringify leaves out the keys still undefined, as omitempty does
  for (const [k, v] of Object.entries(over)) if (k in json) json[k] = v;
  return json;
}

/** GraphDriver: overlay2's metadata (daemon/graphdriver/overlay2 GetMetadata; Go sorts the map's keys). */
export function graphDriverJson(layer: string, imageLayer: string) {
  const dir = `/var/lib/docker/overlay2/${layer}`;
  return {
    Data: {
      LowerDir: `${dir}-init/diff:/var/lib/docker/overlay2/${imageLayer}/diff`,
      MergedDir: `${dir}/merged`,
      UpperDir: `${dir}/diff`,
      WorkDir: `${dir}/work`,
    },
    Name: 'overlay2',
  };
}
