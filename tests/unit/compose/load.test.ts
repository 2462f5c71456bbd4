import { describe, expect, it } from 'vitest';
import { runLine } from '../../../src/sim/console';
import { steps, write } from './helpers';

/** Runs `cmd` in ~/DIR after writing FILE there; returns that line's result and whether the World's Docker state moved. */
function tryFile(body: string, cmd = 'docker compose up -d', dir = 'proj', file = 'compose.yaml') {
  const { r, session } = steps([`mkdir -p ${dir} && cd ${dir}`, write(file, body)]);
  const res = runLine(session, cmd);
  const same =
    res.session.world.containers === session.world.containers && res.session.world.networks === session.world.networks;
  return { output: res.output, exitCode: res.exitCode, same, setup: r };
}

describe('compose file discovery (fact 53)', () => {
  it('no file: v2 and v1 wording', () => {
    const { r } = steps([
      'mkdir empty && cd empty',
      'docker compose up -d',
      'docker-compose up -d',
      'docker compose ps',
    ]);
    expect(r[1]).toMatchObject({ output: 'no configuration file provided: not found', exitCode: 1 });
    expect(r[2].output).toBe(
      "ERROR: \n        Can't find a suitable configuration file in this directory or any\n        parent. Are you in the right directory?\n\n        Supported filenames: docker-compose.yml, docker-compose.yaml, compose.yml, compose.yaml\n        ",
    );
    expect(r[3].exitCode).toBe(1);
  });

  it("a parent directory's file is found, and the project is named after that directory", () => {
    const { r } = steps([
      'mkdir -p shop/sub && cd shop',
      write('compose.yaml', 'services:\n  web:\n    image: nginx\n'),
      'cd sub',
      'docker compose config --services',
      'docker compose up -d',
    ]);
    expect(r[3].output).toBe('web');
    expect(r[4].output.split('\n')[0]).toBe(' Network shop_default  Creating');
  });

  it('-f names the file; a missing one is an open error', () => {
    const { r } = steps([
      'mkdir x && cd x',
      write('other.yml', 'services:\n  web:\n    image: nginx\n'),
      'docker compose -f other.yml config --services',
      'docker compose -f nope.yml up -d',
    ]);
    expect(r[2].output).toBe('web');
    expect(r[3]).toMatchObject({ output: 'open /root/x/nope.yml: no such file or directory', exitCode: 1 });
  });
});

describe('project names (facts 51, 52)', () => {
  it('the directory is normalised; -p is validated, not normalised', () => {
    const { r } = steps([
      'mkdir "My App.v2" && cd "My App.v2"',
      write('compose.yaml', 'services:\n  web:\n    image: nginx\n'),
      'docker compose config | head -1',
      'docker compose -p MyApp up -d',
      'docker compose -p demo up -d',
      'docker-compose -p MyApp up -d',
    ]);
    expect(r[2].output).toBe('name: myappv2');
    expect(r[3].output).toBe(
      'invalid project name "MyApp": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number',
    );
    expect(r[4].output.split('\n')[0]).toBe(' Network demo_default  Creating');
    // v1 runs -p through normalize_name too: no error, project myapp
    expect(r[5].output).toBe('Creating network "myapp_default" with the default driver\nCreating myapp_web_1 ... done');
  });

  it('top-level name: wins over the directory; COMPOSE_PROJECT_NAME over name:', () => {
    const body = 'name: Billing\nservices:\n  web:\n    image: nginx\n';
    expect(tryFile(body, 'docker compose config').output.split('\n')[0]).toBe('name: billing');
    expect(tryFile(body, 'COMPOSE_PROJECT_NAME=envname docker compose config').output.split('\n')[0]).toBe(
      'name: envname',
    );
  });
});

describe('invalid files change nothing', () => {
  it('v2 schema errors: an unknown key, a wrong type, a bad top-level key', () => {
    const a = tryFile('services:\n  web:\n    image: nginx\n    foo: 1\n');
    expect(a.output).toBe("validating /root/proj/compose.yaml: services.web additional properties 'foo' not allowed");
    expect(a.exitCode).toBe(1);
    expect(a.same).toBe(true);
    expect(tryFile('services:\n  web:\n    image: 3\n').output).toBe(
      'validating /root/proj/compose.yaml: services.web.image must be a string',
    );
    expect(tryFile('services:\n  web:\n    image: nginx\n    ports: "80"\n').output).toBe(
      'validating /root/proj/compose.yaml: services.web.ports must be a array',
    );
    expect(tryFile('servces:\n  web:\n    image: nginx\n').output).toBe(
      "validating /root/proj/compose.yaml:  additional properties 'servces' not allowed",
    );
  });

  it('v1 schema errors', () => {
    const a = tryFile(
      'version: "3"\nservices:\n  web:\n    image: nginx\n    foo: 1\n',
      'docker-compose up -d',
      'p1',
      'docker-compose.yml',
    );
    expect(a.output).toBe(
      "ERROR: The Compose file './docker-compose.yml' is invalid because:\nUnsupported config option for services.web: 'foo'",
    );
    expect(a.same).toBe(true);
    const b = tryFile(
      'version: "3"\nservices:\n  web:\n    image: nginx\n    ports: "80"\n',
      'docker-compose up -d',
      'p2',
      'docker-compose.yml',
    );
    expect(b.output).toBe(
      "ERROR: The Compose file './docker-compose.yml' is invalid because:\nservices.web.ports contains an invalid type, it should be an array",
    );
  });

  it('consistency errors end in "invalid compose project"', () => {
    expect(tryFile('services:\n  web:\n    image: nginx\n    networks: [backnet]\n').output).toBe(
      'service "web" refers to undefined network backnet: invalid compose project',
    );
    expect(tryFile('services:\n  web:\n    image: nginx\n    depends_on: [db]\n').output).toBe(
      'service "web" depends on undefined service "db": invalid compose project',
    );
    expect(
      tryFile('services:\n  web:\n    image: nginx\n    network_mode: host\n    networks: [a]\nnetworks:\n  a: {}\n')
        .output,
    ).toBe('service web declares mutually exclusive `network_mode` and `networks`: invalid compose project');
    expect(tryFile('services:\n  web:\n    image: nginx\n    network_mode: service:db\n').output).toBe(
      `service "db" not found for network_mode 'service:db'`,
    );
    expect(tryFile('services:\n  web:\n    ports: ["80"]\n').output).toBe(
      'service "web" has neither an image nor a build context specified: invalid compose project',
    );
    const v1 = tryFile('services:\n  web:\n    image: nginx\n    networks: [backnet]\n', 'docker-compose up -d', 'p3');
    expect(v1.output).toBe('ERROR: Service "web" uses an undefined network "backnet"');
    expect(v1.same).toBe(true);
  });

  it('YAML errors name the file and the line as go-yaml does; empty files are refused', () => {
    const y = tryFile('services:\n  web:\n\timage: nginx\n');
    expect(y.output).toBe(
      'failed to parse /root/proj/compose.yaml: yaml: line 3: found character that cannot start any token',
    );
    expect(y.same).toBe(true);
    expect(tryFile('# nothing\n').output).toBe('empty compose file');
    expect(tryFile('- a\n- b\n').output).toBe('top-level object must be a mapping');
  });

  it('v2 warns that `version` is obsolete, and still comes up', () => {
    const v = tryFile('version: "3"\nservices:\n  web:\n    image: nginx\n');
    expect(v.output.split('\n')[0]).toMatch(
      /^time="[^"]+" level=warning msg="\/root\/proj\/compose\.yaml: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion"$/,
    );
    expect(v.exitCode).toBe(0);
  });
});

describe('help', () => {
  it('a subcommand with --help prints its usage line and summary instead of running', () => {
    const { r, session } = steps(['docker compose up --help', 'docker compose ls -h']);
    expect(r[0].output).toBe('Usage:  docker compose up [OPTIONS] [SERVICE...]\n\nCreate and start containers');
    expect(r[1].output).toBe('Usage:  docker compose ls [OPTIONS]\n\nList running compose projects');
    expect(Object.keys(session.world.containers)).toHaveLength(0);
  });
});
