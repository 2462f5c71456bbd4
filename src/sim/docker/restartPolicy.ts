import type { Container } from '../model';

/**
 * `--restart no|always|unless-stopped|on-failure[:N]`: docker/cli v28.5.2 opts/parse.go
 * ParseRestartPolicy (CLI errors), the `--rm` conflict of container/opts.go, and the daemon's
 * api/types/container ValidateRestartPolicy (API errors).
 */

export type RestartPolicy = NonNullable<Container['restartPolicy']>;

export type PolicyOutcome = { ok: true; value: RestartPolicy | null } | { ok: false; error: string; daemon: boolean };

const NAMES = ['no', 'always', 'on-failure', 'unless-stopped'];

export function parseRestartPolicy(spec: string | undefined, autoRemove: boolean): PolicyOutcome {
  const cli = (error: string): PolicyOutcome => ({ ok: false, error, daemon: false });
  if (spec === undefined || spec === '') {
    // the flag's default is "no"
    return { ok: true, value: null };
  }
  const cut = spec.indexOf(':');
  const name = cut < 0 ? spec : spec.slice(0, cut);
  const v = cut < 0 ? '' : spec.slice(cut + 1);
  if (cut >= 0 && name === '') return cli('invalid restart policy format: no policy provided before colon');
  let max = 0;
  if (v !== '') {
    if (!/^[+-]?\d+$/.test(v)) return cli('invalid restart policy format: maximum retry count must be an integer');
    max = Number(v);
  }
  if (autoRemove && name !== 'no' && name !== '') {
    return cli('conflicting options: cannot specify both --restart and --rm');
  }
  const api = (error: string): PolicyOutcome => ({ ok: false, error, daemon: true });
  if (name === 'on-failure') {
    if (max < 0) return api('invalid restart policy: maximum retry count cannot be negative');
  } else if (NAMES.includes(name)) {
    if (max !== 0) {
      const neg = max < 0 ? ' and cannot be negative' : '';
      return api(`invalid restart policy: maximum retry count can only be used with 'on-failure'${neg}`);
    }
  } else {
    return api(
      `invalid restart policy: unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`,
    );
  }
  return { ok: true, value: name === 'no' ? null : { Name: name, MaximumRetryCount: max } };
}

/** HostConfig.RestartPolicy as inspect prints it. */
export function restartPolicyJson(c: Container): RestartPolicy {
  return c.restartPolicy ?? { Name: 'no', MaximumRetryCount: 0 };
}
