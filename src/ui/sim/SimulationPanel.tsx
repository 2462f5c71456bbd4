import { memo } from 'react';
import { useTranslation } from '../../i18n/translate';
import { useApp } from '../../store/instance';
import { EventList } from './EventList';
import { LadderButton } from './LadderButton';
import { LessonGuide } from './LessonGuide';
import { IdleLessonPackets, LessonPackets, LessonPicker, LessonStatus, LessonsToggle, useActiveScene } from './Lessons';
import { useNarrationLang } from './lang';
import { outcomeText } from './outcomeText';
import { PcapButton } from './PcapButton';
import { PhaseQuestion } from './PhaseQuestion';
import { PredictPrompt } from './PredictPrompt';
import { ProtoFilters } from './ProtoFilters';
import { SendPacketForm, SendPacketToggle } from './SendPacket';
import { SimControls } from './SimControls';
import { HeaderInspector, Narration, TableChanges } from './StepDetails';
import { useSim } from './useSim';
import { useSimKeys } from './useSimKeys';
import './sim.css';
import './lessons.css';

/**
 * The traced command, heading the story column and wrapped there in full: in the transport bar it
 * gave way to the controls and read "@pc1 …" at 1280x720 and on a tablet, where the console is a tab away.
 */
const Command = memo(function Command() {
  const command = useSim((s) => s.trace?.command);
  if (!command) return null;
  return (
    <code className="sim-head__command" data-testid="sim-command" title={command}>
      {command}
    </code>
  );
});

/** Whether the packet arrived, once the last step is shown (and no prediction is pending). */
const Outcome = memo(function Outcome() {
  const { t } = useTranslation();
  const trace = useSim((s) => s.trace);
  const atEnd = useSim((s) => s.trace !== null && s.cursor === s.trace.steps.length - 1);
  const asking = useSim((s) => s.predict.phase === 'ask');
  const lang = useNarrationLang();
  if (!trace || !atEnd || asking) return null;
  return (
    <p className={`sim-outcome sim-outcome--${trace.outcome.ok ? 'ok' : 'fail'}`} data-testid="sim-outcome">
      <strong>{trace.outcome.ok ? t('sim.outcome.ok') : t('sim.outcome.fail')}</strong>{' '}
      {outcomeText(lang, trace.outcome.summary)}
    </p>
  );
});

const PredictToggle = memo(function PredictToggle() {
  const { t } = useTranslation();
  const enabled = useSim((s) => s.predict.enabled);
  const scope = useSim((s) => s.predict.scope ?? 'trace');
  return (
    <>
      <label className="sim-predict-toggle">
        <input type="checkbox" checked={enabled} onChange={(e) => useSim.getState().setPredictMode(e.target.checked)} />
        {t('sim.predict.mode')}
      </label>
      {enabled && (
        <label className="sim-predict-scope">
          <span>{t('sim.predict.scope')}</span>
          <select
            value={scope}
            onChange={(e) => useSim.getState().setPredictScope(e.target.value === 'phases' ? 'phases' : 'trace')}
            data-testid="sim-predict-scope"
          >
            <option value="trace">{t('sim.predict.scope.trace')}</option>
            <option value="phases">{t('sim.predict.scope.phases')}</option>
          </select>
        </label>
      )}
    </>
  );
});

/**
 * Simulation mode's panel: "Send a packet…" and the lesson scenes (start a trace without the
 * console), then one bar with the command and the transport controls, and below it two columns that
 * scroll on their own: the story (outcome, narration, table changes) and the detail (headers,
 * filters, event list). So at 1280x720 the controls and the narration never leave the dock's view. `presenter` (or a `.presenter` ancestor) switches to large type
 * and high contrast and leaves out the event list and filters (the headers stay: NAT is taught there).
 */
export const SimulationPanel = memo(function SimulationPanel(props: { presenter?: boolean }) {
  const { t } = useTranslation();
  const hasTrace = useSim((s) => s.trace !== null);
  // the scene list sits in the empty panel until a lesson is loaded; then it folds behind a toggle
  const lesson = useActiveScene();
  const inlineLessons = !hasTrace && !lesson;
  // presenter mode shows the guide above the terminal (PresenterGuide), beside this panel
  const guide = useApp((s) => s.presenter) ? null : <LessonGuide />;
  useSimKeys();
  return (
    <aside
      className={`sim-panel${props.presenter ? ' sim-panel--presenter' : ''}${hasTrace ? ' sim-panel--trace' : ''}`}
      aria-label={t('sim.panel')}
      data-testid="sim-panel"
    >
      <div className="sim-panel__top">
        <h2>{t('sim.panel')}</h2>
        <div className="sim-panel__start">
          <SendPacketToggle />
          {!inlineLessons && <LessonsToggle />}
          <LessonPackets />
        </div>
        {!hasTrace && <PredictToggle />}
        {hasTrace && (
          <div className="sim-panel__files">
            <PcapButton />
            <LadderButton />
          </div>
        )}
      </div>
      <SendPacketForm />
      {!inlineLessons && <LessonPicker />}
      <LessonStatus />
      {!hasTrace ? (
        <>
          {guide}
          <p className="sim-muted">{t('sim.empty')}</p>
          {inlineLessons ? <LessonPicker inline /> : <IdleLessonPackets />}
        </>
      ) : (
        <>
          <div className="sim-panel__bar">
            <SimControls />
            <PredictToggle />
          </div>
          <PredictPrompt />
          <PhaseQuestion />
          <div className="sim-panel__body">
            <section
              className="sim-panel__story"
              // biome-ignore lint/a11y/noNoninteractiveTabindex: in presenter mode the guide moves out and it scrolls with no button inside: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
              tabIndex={0}
              aria-label={t('sim.story')}
              data-testid="sim-story"
            >
              <Command />
              <Outcome />
              <Narration />
              {guide}
              <TableChanges />
              <p className="sim-muted sim-keys">{t('sim.keysHint')}</p>
              <p className="sim-muted sim-keys">{t('sim.phase.keys')}</p>
            </section>
            <section
              className="sim-panel__detail"
              // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls in presenter mode, and a scrolling region must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable)
              tabIndex={0}
              aria-label={t('sim.detail')}
              data-testid="sim-detail"
            >
              <HeaderInspector />
              <ProtoFilters />
              <EventList />
            </section>
          </div>
        </>
      )}
    </aside>
  );
});
