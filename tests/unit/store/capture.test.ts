import { beforeAll, describe, expect, test } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';
import { createAppStore } from '../../../src/store/appStore';
import { promptFor } from '../../../src/store/docSlice';
import { loadEngine } from '../../../src/store/engine';
import { tabsToSave } from '../../../src/store/termSlice';

beforeAll(async () => {
  await loadEngine();
});

const texts = (log: { kind: string; text: string }[]) => log.map((e) => `${e.kind}:${e.text}`);

describe('store: tcpdump in the page', () => {
  test('a tcpdump in tab 1 prints the packets of a ping typed in tab 2; Ctrl+C prints the summary (as npm run sim)', () => {
    const script = [
      'docker network create --subnet 10.0.0.0/24 net1',
      'docker run -d --name ca --network net1 devwikirepo/pingbuntu',
      'docker run -d --name cb --network net1 devwikirepo/pingbuntu',
      'tcpdump -n -i any',
      '%term 2',
      'docker exec ca ping -c 1 cb',
      '%term 1',
      '^C',
    ];
    const headless = runScript(createDefaultWorld(), script.join('\n')).results;
    const store = createAppStore();
    const st = () => store.getState();
    for (const l of script.slice(0, 3)) expect(st().run(l).exitCode).toBe(0);
    const started = st().run(script[3]);
    expect(started.output).toBe(headless[3].output);
    expect(st().capture?.background).toBeFalsy();
    // the terminal is held: a line typed now only gets the hint, and shows without a prompt
    const held = st().run('ls');
    expect(held.output).toMatch(/^whalewire: tcpdump is running in this terminal: press Ctrl\+C/);
    expect(st().log.at(-2)).toMatchObject({ kind: 'cmd', prompt: '', text: 'ls' });
    st().newTab();
    expect(st().capture).toBeUndefined();
    const ping = st().run(script[5]);
    expect(ping.output).toBe(headless[5].output);
    // tab 1's scrollback got the packets while tab 2 was in front
    expect(st().tabs[0].log.at(-1)?.text).toBe(headless[6].output);
    expect(st().tabs[0].log.at(-1)?.text).toMatch(/ICMP echo request/);
    st().switchTab(0);
    expect(st().capture?.captured).toBeGreaterThan(0);
    st().interrupt('');
    expect(st().log.at(-1)).toMatchObject({ kind: 'out', text: `^C\n${headless[7].output}` });
    expect(headless[7].output).toMatch(
      /^\d+ packets captured\n\d+ packets received by filter\n0 packets dropped by kernel$/,
    );
    expect(st().capture).toBeUndefined();
    expect(promptFor(st().world, st().stack)).toBe('root@docker-host:~#');
    // -w: nothing prints per packet; Ctrl+C writes the pcap into the host's files
    st().run('tcpdump -i any -w /root/cap.pcap');
    st().switchTab(1);
    st().run(script[5]);
    expect(st().tabs[0].log.at(-1)?.text).not.toMatch(/ICMP/);
    st().switchTab(0);
    st().interrupt('');
    // ARP is cached now: the request and the reply, each seen on both veths
    expect(st().log.at(-1)?.text).toMatch(/^\^C\n4 packets captured\n/);
    expect(st().world.files?.['docker-host']['/root/cap.pcap']?.charCodeAt(0)).toBe(0xd4);
    // a reload ends the capture (it is not saved with the tabs)
    st().run('tcpdump -n');
    expect(tabsToSave(st()).tabs[0]).not.toHaveProperty('capture');
  });

  test('Ctrl+C at a prompt: typed^C, $? 130, a half-typed heredoc is dropped', () => {
    const store = createAppStore();
    const st = () => store.getState();
    st().interrupt('docker ps');
    expect(texts(st().log)).toEqual(['cmd:docker ps^C']);
    expect(st().run('echo $?').output).toBe('130');
    st().run("cat > x.yml <<'EOF'");
    st().run('a: 1');
    expect(st().pending).toBeDefined();
    st().interrupt('');
    expect(st().pending).toBeUndefined();
    expect(st().log.at(-1)).toMatchObject({ kind: 'cmd', prompt: '>', text: '^C' });
    expect(st().recipe).toBeNull();
    expect(st().run('cat x.yml').output).toBe('cat: x.yml: No such file or directory');
  });

  test('a background tcpdump (&) prints among the lines of its own terminal', () => {
    const store = createAppStore();
    const st = () => store.getState();
    st().run('docker run -d --name web nginx');
    expect(st().run('tcpdump -n -c 4 -i docker0 &').output).toMatch(/^\[1\] \d+\n/);
    expect(st().capture?.background).toBe(true);
    const out = st().run('curl -s -o /dev/null 172.17.0.2').output;
    expect(out).toMatch(/ARP, Request who-has 172\.17\.0\.2 tell 172\.17\.0\.1, length 28/);
    expect(out).toMatch(/IP 172\.17\.0\.1\.\d+ > 172\.17\.0\.2\.80: Flags \[S\]/);
    expect(out).toMatch(/\n4 packets captured\n/);
    expect(out).toMatch(/\[1\]\+ {2}Done {20}tcpdump -n -c 4 -i docker0$/);
    expect(st().capture).toBeUndefined();
  });
});
