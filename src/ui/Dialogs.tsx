import { type FormEvent, lazy, type ReactNode, Suspense, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../i18n/translate';
import { DOCKER_HOST } from '../sim/ids';
import { appStore, useApp } from '../store/instance';
import { shellArg } from './canvas/gestures';
import { imageChoices } from './catalogue';
import {
  dialogDrivers,
  isLowerDriver,
  LOWER_MODES,
  lowerDefaults,
  networkCreateCommand,
  proposedPublish,
  republishCommands,
  runCommand,
} from './dialogCommands';
import { ImportDialog } from './ImportDialog';
import { ProjectDialog } from './ProjectDialog';
import { useDialogFocus } from './useDialogFocus';

/** The classroom views bring their engine runs and strings in chunks of their own. */
const MatrixDialog = lazy(() => import('./matrix/MatrixDialog'));
const ChallengesDialog = lazy(() => import('./challenges/ChallengesDialog'));

/**
 * A modal form (keyboard: useDialogFocus; Enter in a field submits). Shows the docker lines it will
 * run, and Docker's own error when the daemon refuses (the World is then unchanged).
 */
export function Modal({
  title,
  children,
  onSubmit,
  preview,
  error,
  submit,
}: {
  title: string;
  children: ReactNode;
  onSubmit: () => void;
  preview: string[];
  error: string;
  submit: string;
}) {
  const { t } = useTranslation();
  const close = () => appStore().getState().openDialog(null);
  const formRef = useRef<HTMLFormElement>(null);
  const titleId = useId();
  const onKeyDown = useDialogFocus(formRef, close, onSubmit);
  const handle = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <form
        ref={formRef}
        className="modal"
        onSubmit={handle}
        onKeyDown={onKeyDown}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="dialog"
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        <div className="dim small">{t('dialog.willRun')}</div>
        <div className="cmd-preview mono" data-testid="cmd-preview">
          {preview.map((l) => (
            <div key={l}>$ {l}</div>
          ))}
        </div>
        {error && (
          <pre className="dialog-error mono" role="alert" data-testid="dialog-error">
            {error}
          </pre>
        )}
        <div className="modal-actions">
          <span className="dim small kbd-hint">{t('dialog.keys')}</span>
          <button type="button" onClick={close} data-testid="dialog-cancel">
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="dialog-submit">
            {submit}
          </button>
        </div>
      </form>
    </div>
  );
}

function useRunner() {
  const [error, setError] = useState('');
  const run = (lines: string[]) => {
    const res = appStore().getState().gesture(lines);
    if (res.ok) appStore().getState().openDialog(null);
    else setError(res.output);
  };
  return { error, run };
}

function AddContainer({ network }: { network?: string }) {
  const { t } = useTranslation();
  const world = useApp((s) => s.world);
  const images = useMemo(() => imageChoices(), []);
  const [image, setImage] = useState(images[0]?.image ?? 'nicolaka/netshoot');
  const [name, setName] = useState('');
  const [ports, setPorts] = useState('');
  const [env, setEnv] = useState('');
  const [net, setNet] = useState(network ?? 'bridge');
  const { error, run } = useRunner();
  const line = runCommand({ image, name, ports, network: net, env });
  const nets = Object.values(world.networks);
  const choice = images.find((i) => i.image === image);
  const listens = choice?.listens ?? [];
  const summaryId = useId();
  return (
    <Modal
      title={t('dialog.addContainer')}
      onSubmit={() => run([line])}
      preview={[line]}
      error={error}
      submit={t('dialog.run')}
    >
      <label>
        {t('dialog.image')}
        <select
          value={image}
          onChange={(e) => setImage(e.target.value)}
          data-testid="field-image"
          aria-describedby={summaryId}
        >
          {images.map((i) => (
            <option key={i.image} value={i.image}>
              {i.image}
              {i.listens.length ? `  (${i.listens.join(', ')})` : i.shell ? `  (${t('dialog.shellImage')})` : ''}
            </option>
          ))}
        </select>
        {choice?.summary && (
          <span className="field-hint dim small" id={summaryId} data-testid="image-summary">
            {choice.summary}
          </span>
        )}
      </label>
      <label>
        {t('dialog.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} data-testid="field-name" placeholder="web1" />
      </label>
      <label>
        {t('dialog.network')}
        <select value={net} onChange={(e) => setNet(e.target.value)} data-testid="field-network">
          {nets.map((n) => (
            <option key={n.id} value={n.name}>
              {n.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('dialog.ports')}
        <input
          value={ports}
          onChange={(e) => setPorts(e.target.value)}
          data-testid="field-ports"
          placeholder={listens[0] ? `8080:${listens[0].split('/')[0]}` : '8080:80'}
        />
      </label>
      <label>
        {t('dialog.env')}
        <textarea
          value={env}
          onChange={(e) => setEnv(e.target.value)}
          rows={2}
          data-testid="field-env"
          placeholder="COLOR=red"
        />
      </label>
    </Modal>
  );
}

function AddNetwork() {
  const { t } = useTranslation();
  const world = useApp((s) => s.world);
  const [name, setName] = useState('');
  const [driver, setDriver] = useState('bridge');
  const [subnet, setSubnet] = useState('');
  const [gateway, setGateway] = useState('');
  const [ipRange, setIpRange] = useState('');
  const [parent, setParent] = useState('eth0');
  const [mode, setMode] = useState('');
  const { error, run } = useRunner();
  const drivers = dialogDrivers(world, DOCKER_HOST);
  const lower = isLowerDriver(driver);
  const line = networkCreateCommand({ name, driver, subnet, gateway, ipRange, parent, mode });
  const parents = (world.machines[DOCKER_HOST]?.ifaces ?? []).filter((f) => f.segment && !f.parent).map((f) => f.name);
  // a macvlan/ipvlan network starts from the LAN's addresses (or, for ipvlan l3, a subnet of its own)
  const pick = (d: string, m: string) => {
    setDriver(d);
    setMode(m);
    const v = isLowerDriver(d) ? lowerDefaults(world, DOCKER_HOST, d, m) : { subnet: '', gateway: '', ipRange: '' };
    setSubnet(v.subnet);
    setGateway(v.gateway);
    setIpRange(v.ipRange);
  };
  return (
    <Modal
      title={t('dialog.addNetwork')}
      onSubmit={() => run([line])}
      preview={[line]}
      error={error}
      submit={t('dialog.create')}
    >
      <label>
        {t('dialog.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} data-testid="field-name" placeholder="mynet" />
      </label>
      <label>
        {t('dialog.driver')}
        <select
          value={driver}
          onChange={(e) => pick(e.target.value, LOWER_MODES[e.target.value]?.[0] ?? '')}
          data-testid="field-driver"
        >
          {drivers.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      {lower && <p className="explain">{t(`dialog.${driver}Explain`)}</p>}
      {lower && (
        <div className="field-row">
          <label>
            {t('dialog.parent')}
            <select value={parent} onChange={(e) => setParent(e.target.value)} data-testid="field-parent">
              {parents.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('dialog.mode')}
            <select value={mode} onChange={(e) => pick(driver, e.target.value)} data-testid="field-mode">
              {LOWER_MODES[driver].map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <label>
        {t('dialog.subnet')}
        <input
          value={subnet}
          onChange={(e) => setSubnet(e.target.value)}
          data-testid="field-subnet"
          placeholder={t('dialog.subnetAuto')}
        />
      </label>
      {lower && (
        <div className="field-row">
          <label>
            {t('dialog.gateway')}
            <input value={gateway} onChange={(e) => setGateway(e.target.value)} data-testid="field-gateway" />
          </label>
          <label>
            {t('dialog.ipRange')}
            <input value={ipRange} onChange={(e) => setIpRange(e.target.value)} data-testid="field-ip-range" />
          </label>
        </div>
      )}
    </Modal>
  );
}

function Rename({ id }: { id: string }) {
  const { t } = useTranslation();
  const c = useApp((s) => s.world.containers[id]);
  const [name, setName] = useState(c?.name ?? '');
  const { error, run } = useRunner();
  if (!c) return null;
  const line = `docker rename ${shellArg(c.name)}${name.trim() ? ` ${shellArg(name.trim())}` : ''}`;
  return (
    <Modal
      title={t('dialog.rename')}
      onSubmit={() => run([line])}
      preview={[line]}
      error={error}
      submit={t('dialog.rename')}
    >
      <label>
        {t('dialog.newName')}
        <input value={name} onChange={(e) => setName(e.target.value)} data-testid="field-name" />
      </label>
    </Modal>
  );
}

function Publish({ id }: { id: string }) {
  const { t } = useTranslation();
  const world = useApp((s) => s.world);
  const c = world.containers[id];
  const [port, setPort] = useState(() => (c ? proposedPublish(world, c) : '8080:80'));
  const { error, run } = useRunner();
  if (!c) return null;
  const lines = republishCommands(world, c, port);
  return (
    <Modal
      title={t('dialog.publish', { name: c.name })}
      onSubmit={() => run(lines)}
      preview={lines}
      error={error}
      submit={t('dialog.recreate')}
    >
      <p className="explain">{t('dialog.publishExplain')}</p>
      <label>
        {t('dialog.port')}
        <input value={port} onChange={(e) => setPort(e.target.value)} data-testid="field-port" />
      </label>
    </Modal>
  );
}

/** Whichever dialog the store says is open (loaded on demand: nothing here is needed for first paint). */
export default function Dialogs() {
  const dialog = useApp((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'addContainer':
      return <AddContainer network={dialog.network} />;
    case 'addNetwork':
      return <AddNetwork />;
    case 'rename':
      return <Rename id={dialog.container} />;
    case 'publish':
      return <Publish id={dialog.container} />;
    case 'project':
      return <ProjectDialog />;
    case 'importDocker':
      return <ImportDialog />;
    case 'matrix':
      return (
        <Suspense fallback={null}>
          <MatrixDialog />
        </Suspense>
      );
    case 'challenges':
      return (
        <Suspense fallback={null}>
          <ChallengesDialog />
        </Suspense>
      );
  }
}
