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
  reasons: string[];
}

export type RetirementStage = 'active' | 'fully-retired' | Exclude<StepId, 'announce'>;

export interface RetirementState {
  schemaVersion: typeof RETIREMENT_SCHEMA_VERSION;
  repo: string;
  candidate: Candidacy;
  steps: Step[];
  leftovers: Leftover[];
  state: RetirementStage;
  [extra: string]: unknown;
}
