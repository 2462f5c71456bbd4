import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { predictAnswer, predictChoices } from '../../../src/sim/playback/predict';
import { createPlaybackSlice, type PlaybackSlice } from '../../../src/store/playbackSlice';
import { curlDnat, curlUnpublished, pingSameBridge } from '../../fixtures/traces';

const make = () => createStore<PlaybackSlice>()((...a) => createPlaybackSlice(...a));

describe('playback slice: stepping', () => {
  it('loads a trace at its first step, paused', () => {
    const s = make();
    s.getState().loadTrace(pingSameBridge);
    expect(s.getState()).toMatchObject({ cursor: 0, playing: false });
    s.getState().loadTrace(null);
    expect(s.getState().cursor).toBe(-1);
  });

  it('steps forward and back, stopping at both ends', () => {
    const s = make();
    s.getState().loadTrace(pingSameBridge);
    s.getState().stepBack();
    expect(s.getState().cursor).toBe(0);
    for (let i = 0; i < 3; i++) s.getState().stepForward();
    expect(s.getState().cursor).toBe(3);
    expect(pingSameBridge.steps[3].action).toBe('flood');
    s.getState().stepBack();
    expect(s.getState().cursor).toBe(2);
    for (let i = 0; i < 100; i++) s.getState().stepForward();
    expect(s.getState().cursor).toBe(pingSameBridge.steps.length - 1);
  });

  it('restart returns to the first step and bumps the epoch so the animation replays', () => {
    const s = make();
    s.getState().loadTrace(pingSameBridge);
    const e0 = s.getState().epoch;
    s.getState().restart();
    expect(s.getState().cursor).toBe(0);
    expect(s.getState().epoch).toBe(e0 + 1);
    s.getState().jumpTo(7);
    s.getState().restart();
    expect(s.getState().cursor).toBe(0);
  });

  it('advance moves only while playing and pauses at the end', () => {
    const s = make();
    s.getState().loadTrace(curlDnat);
    s.getState().advance();
    expect(s.getState().cursor).toBe(0);
    s.getState().play();
    for (let i = 0; i < curlDnat.steps.length + 5; i++) s.getState().advance();
    expect(s.getState()).toMatchObject({ cursor: curlDnat.steps.length - 1, playing: false });
    s.getState().play(); // at the end, play starts over
    expect(s.getState()).toMatchObject({ cursor: 0, playing: true });
    s.getState().togglePlay();
    expect(s.getState().playing).toBe(false);
  });

  it('jumpTo ignores indices outside the trace and pauses', () => {
    const s = make();
    s.getState().loadTrace(curlDnat);
    s.getState().play();
    s.getState().jumpTo(5);
    expect(s.getState()).toMatchObject({ cursor: 5, playing: false });
    s.getState().jumpTo(99);
    expect(s.getState().cursor).toBe(5);
  });

  it('clamps speed to 0.25x–4x', () => {
    const s = make();
    s.getState().setSpeed(8);
    expect(s.getState().speed).toBe(4);
    s.getState().setSpeed(0.1);
    expect(s.getState().speed).toBe(0.25);
  });
});

describe('playback slice: protocol filters', () => {
  it('hiding ARP skips the ARP exchange and moves the cursor off a hidden step', () => {
    const s = make();
    s.getState().loadTrace(pingSameBridge);
    s.getState().toggleFilter('arp');
    const cur = s.getState().cursor;
    expect(pingSameBridge.steps[cur].frame.ip?.proto).toBe('icmp');
    expect(cur).toBe(10);
    s.getState().stepBack();
    expect(s.getState().cursor).toBe(10);
    s.getState().stepForward();
    expect(s.getState().cursor).toBe(11);
  });

  it('a trace loaded while ARP is hidden starts at the first shown step', () => {
    const s = make();
    s.getState().toggleFilter('arp');
    s.getState().loadTrace(pingSameBridge);
    expect(s.getState().cursor).toBe(10);
    s.getState().toggleFilter('arp');
    expect(s.getState().filters.arp).toBe(true);
    s.getState().restart();
    expect(s.getState().cursor).toBe(0);
  });
});

describe('playback slice: predict mode', () => {
  it('asks before playing, blocks stepping, then records the answer, reveals and plays', () => {
    const s = make();
    s.getState().setPredictMode(true);
    s.getState().loadTrace(curlUnpublished);
    expect(s.getState().predict.phase).toBe('ask');
    expect(s.getState().cursor).toBe(-1);
    s.getState().stepForward();
    s.getState().play();
    expect(s.getState()).toMatchObject({ cursor: -1, playing: false });

    s.getState().answerPredict('arrives');
    // it plays with the answer taken; right or wrong waits for the end
    expect(s.getState().predict).toMatchObject({ phase: 'watching', answer: 'arrives', correct: null });
    expect(s.getState()).toMatchObject({ cursor: 0, playing: true });
    expect(s.getState().predict.history).toEqual([]);
    for (let i = 0; i < curlUnpublished.steps.length - 2; i++) s.getState().advance();
    expect(s.getState().predict.phase).toBe('watching');
    s.getState().advance();
    expect(s.getState().cursor).toBe(curlUnpublished.steps.length - 1);
    expect(s.getState().predict).toMatchObject({ phase: 'revealed', answer: 'arrives', correct: false });
    expect(s.getState().predict.history).toEqual([
      { command: '@pc1 curl 192.168.0.10:8009', answer: 'arrives', actual: 'docker-host', correct: false },
    ]);

    s.getState().loadTrace(curlDnat);
    expect(s.getState().predict.phase).toBe('ask');
    s.getState().answerPredict('arrives');
    expect(s.getState().predict.correct).toBe(null);
    // the teacher jumps to the end (End, "show the answer now"): revealed there, counted once
    s.getState().toEnd();
    expect(s.getState()).toMatchObject({ cursor: curlDnat.steps.length - 1, playing: false });
    expect(s.getState().predict).toMatchObject({ phase: 'revealed', correct: true });
    s.getState().toEnd();
    expect(s.getState().predict.history).toHaveLength(2);
  });

  it('a jump to the last event reveals too; stepping back from the end does not hide the verdict', () => {
    const s = make();
    s.getState().setPredictMode(true);
    s.getState().loadTrace(pingSameBridge);
    s.getState().answerPredict('pc1');
    s.getState().jumpTo(pingSameBridge.steps.length - 2);
    expect(s.getState().predict.phase).toBe('watching');
    s.getState().jumpTo(pingSameBridge.steps.length - 1);
    expect(s.getState().predict).toMatchObject({ phase: 'revealed', correct: false });
    s.getState().stepBack();
    expect(s.getState().predict.phase).toBe('revealed');
  });

  it('turning predict mode on over a loaded trace asks about it; off resumes normal playback', () => {
    const s = make();
    s.getState().loadTrace(pingSameBridge);
    s.getState().setPredictMode(true);
    expect(s.getState()).toMatchObject({ cursor: -1, predict: { phase: 'ask' } });
    s.getState().setPredictMode(false);
    expect(s.getState()).toMatchObject({ cursor: 0, predict: { phase: 'off', enabled: false } });
  });

  it('offers "arrives" and every node visited; the drop node is the answer', () => {
    expect(predictChoices(curlUnpublished)).toEqual(['arrives', 'pc1', 'seg:lan', 'docker-host']);
    expect(predictAnswer(curlUnpublished)).toBe('docker-host');
    expect(predictAnswer(pingSameBridge)).toBe('arrives');
  });
});
