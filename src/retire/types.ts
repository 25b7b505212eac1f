// The retirement state, version 1: the contract in docs/report-format.md ("The retirement state").

export const RETIREMENT_SCHEMA_VERSION = 1;

/** The steps in the order OpenStack's procedure takes them; `announce` is step 0. */
export const STEP_IDS = ['announce', 'gating-ended', 'content-removed', 'infra-removed', 'governance-retired'] as const;
export type StepId = (typeof STEP_IDS)[number];
export type StepStatus = 'done' | 'pending' | 'not-applicable' | 'unknown';

/** Which checkout a piece of evidence comes from: `project-config`, `governance`, or the repository (`namespace/name`). */
export type EvidenceRepo = string;

export interface Evidence {
  repo: EvidenceRepo;
  file: string | null;
  line: number | null;
  commit: string | null;
  /** `YYYY-MM-DD` of the commit. */
  date: string | null;
  note: string;
  /** Present and true when the checkout's history is shallow: the commit stands for history cut off before it. */
  approximate?: boolean;
}

export interface Step {
  id: StepId;
  status: StepStatus;
  evidence: Evidence[];
}

export interface Leftover {
  repo: EvidenceRepo;
  file: string;
  line: number | null;
  note: string;
}

export interface Candidacy {
  isCandidate: boolean;
  /** Inactive but still relied on (released recently, or required by other projects): not a candidate. */
  quiet: boolean;
  reasons: string[];
}

/** `deprecated`: master emptied while stable branches stay maintained (governance marks the deliverable deprecated, or only master runs noop). */
export type RetirementStage = 'active' | 'deprecated' | 'fully-retired' | Exclude<StepId, 'announce'>;

export interface RetirementState {
  schemaVersion: typeof RETIREMENT_SCHEMA_VERSION;
  repo: string;
  candidate: Candidacy;
  steps: Step[];
  leftovers: Leftover[];
  state: RetirementStage;
  [extra: string]: unknown;
}
