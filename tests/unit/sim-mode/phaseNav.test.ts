import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { ALL_PROTOCOLS } from '../../../src/sim/playback/filters';
import { asksBefore, nextPhaseStep, prevPhaseStep } from '../../../src/sim/playback/phaseNav';
import { phasesOf } from '../../../src/sim/playback/phases';
import { createPlaybackSlice, type PlaybackSlice } from '../../../src/store/playbackSlice';
import { sceneTrace } from '../../fixtures/sceneTrace';

const make = () => createStore<PlaybackSlice>()((...a) => createPlaybackSlice(...a));
// seed 000: remote → 124.111.46.91:80, port-forwarded by the router, published by Docker (104 steps)
const curl = sceneTrace('nat-portfwd', 'remote-80');
const phases = phasesOf(curl);
const starts = phases.map((p) => p.start);

describe('moving by phases', () => {
  it('next phase visits every phase start in order, 25 moves instead of 103 steps', () => {
    const s = make();
    s.getState().loadTrace(curl);
    const seen = [s.getState().cursor];
    for (let i = 0; i < 40; i++) {
      s.getState().nextPhase();
      if (s.getState().cursor !== seen.at(-1)) seen.push(s.getState().cursor);
    }
    expect(seen).toEqual(starts);
    expect(s.getState().playing).toBe(false);
  });

  it('previous phase goes to the start of this phase first, then to the one before', () => {
    const s = make();
    s.getState().loadTrace(curl);
    s.getState().jumpTo(21); // inside the router's port forward, nat 20-22
    s.getState().prevPhase();
    expect(s.getState().cursor).toBe(20);
    s.getState().prevPhase();
    expect(s.getState().cursor).toBe(18);
    s.getState().jumpTo(0);
    s.getState().prevPhase();
    expect(s.getState().cursor).toBe(0);
  });

  it('with ARP hidden, ARP phases are passed over', () => {
    const filters = { ...ALL_PROTOCOLS, arp: false };
    expect(nextPhaseStep(curl.steps, phases, 0, filters)).toBe(8);
    expect(prevPhaseStep(curl.steps, phases, 8, filters)).toBe(0);
    expect(nextPhaseStep(curl.steps, phases, curl.steps.length - 1, filters)).toBe(-1);
  });

  it('play phase plays one phase as a unit and pauses at its end', () => {
    const s = make();
    s.getState().loadTrace(curl);
    s.getState().playPhase(5); // nat 20-22
    expect(s.getState()).toMatchObject({ cursor: 20, playing: true, phaseEnd: 22 });
    for (let i = 0; i < 10; i++) s.getState().advance();
    expect(s.getState()).toMatchObject({ cursor: 22, playing: false, phaseEnd: null });
  });

  it('a step or jump of the teacher’s own ends the phase play', () => {
    const s = make();
    s.getState().loadTrace(curl);
    s.getState().playPhase(1);
    s.getState().stepForward();
    expect(s.getState().phaseEnd).toBeNull();
  });
});

describe('predict mode: what happens next?', () => {
  it('asks before ARP, before each rewrite and before a new message, not where a message resumes', () => {
    const asked = phases.map((_, k) => asksBefore(phases, k));
    // handshake after ARP or NAT resumes the same message: no question
    expect(phases.map((p, k) => (asked[k] ? p.kind : '-')).join(' ')).toBe(
      '- arp - arp - nat arp - nat arp - nat - nat - request nat - nat - response nat - nat -',
    );
  });

  it('holds playback at a phase boundary until the class answers, then scores and plays on', () => {
    const s = make();
    s.getState().setPredictScope('phases');
    s.getState().setPredictMode(true);
    s.getState().loadTrace(curl);
    expect(s.getState()).toMatchObject({ cursor: 0, predict: { phase: 'off', next: null } });
    s.getState().play();
    s.getState().advance();
    expect(s.getState()).toMatchObject({ cursor: 0, playing: false, predict: { next: { phase: 1, answer: null } } });
    s.getState().answerNext('nat');
    expect(s.getState()).toMatchObject({
      cursor: 1,
      playing: true,
      predict: { next: { phase: 1, answer: 'nat', correct: false } },
    });
    for (let i = 0; i < 6; i++) s.getState().advance();
    expect(s.getState().cursor).toBe(7);
    s.getState().advance(); // on into handshake 8-10: no question
    s.getState().advance();
    s.getState().advance();
    expect(s.getState().cursor).toBe(10);
    s.getState().advance();
    expect(s.getState().predict.next).toMatchObject({ phase: 3, answer: null });
    s.getState().answerNext('arp');
    expect(s.getState().predict.next).toMatchObject({ answer: 'arp', correct: true });
    expect(s.getState().predict.history.map((h) => h.correct)).toEqual([false, true]);
  });

  it('a step of the teacher’s own takes an unanswered question away', () => {
    const s = make();
    s.getState().setPredictScope('phases');
    s.getState().setPredictMode(true);
    s.getState().loadTrace(curl);
    s.getState().play();
    s.getState().advance();
    expect(s.getState().predict.next).not.toBeNull();
    s.getState().stepForward();
    expect(s.getState()).toMatchObject({ cursor: 1, predict: { next: null } });
  });
});
