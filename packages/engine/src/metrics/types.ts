/** One reduction the report measures: the figure for the items done separately, for the bundle, and the cut. */
export interface Reduction {
  before: number;
  after: number;
  /** (before − after) / before × 100, rounded to 0.1; 0 when `before` is 0. Negative when the bundle needs more. */
  percent: number;
}

/** The four reductions of "get one thing done" (trips, time limit, materials, steps) plus form fields. */
export interface Metrics {
  /** Trips to a service hall (跑动次数). */
  trips: Reduction;
  /** Promised days (承诺时限): one after another vs. acceptance plus the slowest item in parallel. */
  timeLimit: Reduction;
  /** Materials the applicant submits (申请材料). */
  materials: Reduction;
  /** Handling steps (办理环节). */
  steps: Reduction;
  /** Form fields the applicant fills in (填报字段). */
  fields: Reduction;
  /** The items counted: the active ones when the bundle was composed with answers, else all. */
  items: string[];
}
