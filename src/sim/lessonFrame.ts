import { nodeId } from './ids';
import type { Trace, World } from './model';
import type { Bilingual } from './scenes';

/**
 * The frame every lesson uses: a topic it is listed under, narrated steps, predict questions whose
 * answer the engine proves from the trace of the step's packet, and checkpoints the engine checks
 * by running a line. Pure data and pure checks; the panel (src/ui/sim/LessonGuide.tsx) shows them.
 */

/** What a lesson is about; the picker lists lessons under these names. */
export type TopicId = 'nat' | 'publish' | 'dns' | 'compose' | 'misconception' | 'desktop' | 'drivers' | 'hosts';

export const TOPICS: Record<TopicId, Bilingual> = {
  nat: { en: 'NAT and port forwarding', ko: 'NAT와 포트포워딩' },
  publish: { en: 'Publishing ports (-p)', ko: '포트 공개(-p)' },
  dns: { en: 'Names and Docker DNS', ko: '이름과 도커 DNS' },
  compose: { en: 'Compose networks', ko: 'Compose 네트워크' },
  misconception: { en: 'Common misconceptions', ko: '자주 하는 오해' },
  desktop: { en: 'Docker Desktop', ko: 'Docker Desktop' },
  drivers: { en: 'Network drivers', ko: '네트워크 드라이버' },
  hosts: { en: 'Many hosts and swarm', ko: '여러 호스트와 스웜' },
};

/**
 * What must be true of a command's result for a choice to be the right one. Every field given
 * must hold. `via`, `notVia` and `dropAt` name a machine id (`pc1`, `docker-host`, `router`) or a
 * container name; a container is found in the World the packet was sent from.
 */
export interface Proof {
  /** the trace's outcome (or exit code 0 when the line makes no trace) */
  ok?: boolean;
  /** a piece of the outcome's summary, as the engine words it ("timed out", "connection refused") */
  summary?: string;
  /** a piece of what the command printed */
  output?: string;
  /** some step of the trace happens at this place */
  via?: string;
  /** no step of the trace happens at this place */
  notVia?: string;
  /** the packet is dropped at this place */
  dropAt?: string;
  /** a DNAT rewrites the destination to this "ip:port" */
  dnatTo?: string;
  /** a packet is at this place with this source address (what the far end sees) */
  seenAt?: { place: string; src: string };
  /** some step carries an outer (VXLAN) header between these addresses: a packet inside a packet */
  encap?: { src: string; dst: string };
  /** whether any step rewrites an address (a DNAT, SNAT or MASQUERADE) */
  nat?: boolean;
}

export interface Choice {
  id: string;
  label: Bilingual;
  proof: Proof;
}

/** Asked before the step's packet is sent; the packet's trace shows which choice was right. */
export interface PredictQuestion {
  q: Bilingual;
  choices: Choice[];
  /** the choice whose proof the trace satisfies (the unit tests hold the lesson to it) */
  answer: string;
  /** why, said once the packet has shown it */
  why: Bilingual;
}

/** Something the class confirms by running a line: the engine checks its output. */
export interface Checkpoint {
  say: Bilingual;
  line: string;
  /** a piece of the line's output that confirms it */
  shows: string;
}

/** One narrated step of a lesson. */
export interface LessonStep {
  id: string;
  say: Bilingual;
  /** the id of one of the scene's packets this step sends */
  packet?: string;
  ask?: PredictQuestion;
  check?: Checkpoint;
}

/** What a line returned, as the console and the store both have it. */
export interface RunResult {
  output: string;
  exitCode: number;
  trace?: Trace;
}

function placeIds(world: World, place: string): string[] {
  const ids = Object.values(world.containers)
    .filter((c) => c.name === place)
    .map((c) => nodeId.container(c.id));
  return ids.length ? ids : [nodeId.machine(place)];
}

function stepsAt(trace: Trace | undefined, world: World, place: string) {
  const ids = new Set(placeIds(world, place));
  return (trace?.steps ?? []).filter((s) => 'node' in s.at && ids.has(s.at.node));
}

/**
 * Whether a result satisfies a proof. `world` is the World the line ran on (containers by name).
 * @example proofHolds({ ok: false, dropAt: 'internet' }, curlResult, world)
 */
export function proofHolds(proof: Proof, res: RunResult, world: World): boolean {
  const ok = res.trace ? res.trace.outcome.ok : res.exitCode === 0;
  if (proof.ok !== undefined && proof.ok !== ok) return false;
  if (proof.summary !== undefined && !res.trace?.outcome.summary.includes(proof.summary)) return false;
  if (proof.output !== undefined && !res.output.includes(proof.output)) return false;
  if (proof.via !== undefined && stepsAt(res.trace, world, proof.via).length === 0) return false;
  if (proof.notVia !== undefined && stepsAt(res.trace, world, proof.notVia).length > 0) return false;
  if (proof.dropAt !== undefined && !stepsAt(res.trace, world, proof.dropAt).some((s) => s.action === 'drop'))
    return false;
  if (proof.dnatTo !== undefined) {
    const hit = (res.trace?.steps ?? []).some(
      (s) => s.action === 'dnat' && `${s.frame.ip?.dst}:${s.frame.l4?.dport}` === proof.dnatTo,
    );
    if (!hit) return false;
  }
  if (proof.seenAt !== undefined) {
    const { place, src } = proof.seenAt;
    if (!stepsAt(res.trace, world, place).some((s) => s.frame.ip?.src === src)) return false;
  }
  if (proof.encap !== undefined) {
    const { src, dst } = proof.encap;
    const steps = res.trace?.steps ?? [];
    if (!steps.some((s) => s.frame.outer?.ip.src === src && s.frame.outer.ip.dst === dst)) return false;
  }
  if (proof.nat !== undefined) {
    const nat = (res.trace?.steps ?? []).some((s) => s.action === 'dnat' || s.action === 'snat');
    if (nat !== proof.nat) return false;
  }
  return true;
}

/** The ids of the choices the result proves (a well-made question has exactly its answer here). */
export function provenChoices(q: PredictQuestion, res: RunResult, world: World): string[] {
  return q.choices.filter((c) => proofHolds(c.proof, res, world)).map((c) => c.id);
}

/** Whether a checkpoint's line printed what it should. */
export function checkpointHolds(check: Checkpoint, res: RunResult): boolean {
  return res.exitCode === 0 && res.output.includes(check.shows);
}
