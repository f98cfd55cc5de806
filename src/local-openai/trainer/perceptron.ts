/**
 * A multiclass averaged perceptron over sparse features, with three knobs that the
 * fine-tuning hyperparameters drive: the step size (learning_rate_multiplier) against a fixed
 * margin of 1, mini-batches whose updates are averaged before they are applied (batch_size),
 * and as many passes as the caller makes (n_epochs). Averaging is lazy (Collins 2002; the
 * timestamp trick of Honnibal's tagger), so an update costs O(classes) per feature.
 * Features are strings interned to ids by a FeatureSpace.
 */

export class FeatureSpace {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  /** The id of a feature, interning it when `grow`; -1 for an unknown one otherwise. */
  id(name: string, grow: boolean): number {
    const known = this.ids.get(name);
    if (known !== undefined) return known;
    if (!grow) return -1;
    const id = this.names.length;
    this.names.push(name);
    this.ids.set(name, id);
    return id;
  }

  ids_(names: readonly string[], grow: boolean): Int32Array {
    const out = new Int32Array(names.length);
    let n = 0;
    for (const name of names) {
      const id = this.id(name, grow);
      if (id >= 0) out[n++] = id;
    }
    return out.subarray(0, n);
  }

  get size(): number {
    return this.names.length;
  }
}

export class AveragedPerceptron {
  private weights: Float64Array;
  private totals: Float64Array;
  private stamps: Float64Array;
  private readonly pending = new Map<number, Float64Array>();
  private clock = 0;

  constructor(
    readonly classes: number,
    private readonly step: number,
    readonly margin = 1,
    capacity = 1024,
  ) {
    this.weights = new Float64Array(capacity * classes);
    this.totals = new Float64Array(capacity * classes);
    this.stamps = new Float64Array(capacity * classes);
  }

  private ensure(feature: number): void {
    const need = (feature + 1) * this.classes;
    if (need <= this.weights.length) return;
    let size = this.weights.length;
    while (size < need) size *= 2;
    const grow = (a: Float64Array) => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.weights = grow(this.weights);
    this.totals = grow(this.totals);
    this.stamps = grow(this.stamps);
  }

  scores(features: ArrayLike<number>, out: Float64Array = new Float64Array(this.classes)): Float64Array {
    return addRows(this.weights, this.classes, features, out);
  }

  /**
   * Learns from one instance with its current scores: when the gold class does not beat every
   * other by the margin, queue a step towards gold and away from the strongest rival.
   */
  learn(features: ArrayLike<number>, gold: number, scores: Float64Array): void {
    let rival = -1;
    for (let c = 0; c < this.classes; c++) if (c !== gold && (rival < 0 || scores[c]! > scores[rival]!)) rival = c;
    if (rival < 0 || scores[gold]! - scores[rival]! >= this.margin) return;
    for (let k = 0; k < features.length; k++) {
      const f = features[k]!;
      let d = this.pending.get(f);
      if (!d) this.pending.set(f, (d = new Float64Array(this.classes)));
      d[gold]! += 1;
      d[rival]! -= 1;
    }
  }

  /** For a one-output model used as a ranker: when gold does not outscore the rival by the margin, step between them. */
  learnRanking(gold: ArrayLike<number>, rival: ArrayLike<number>, goldScore: number, rivalScore: number, weight = 1): void {
    if (goldScore - rivalScore >= this.margin) return;
    const queue = (features: ArrayLike<number>, amount: number) => {
      for (let k = 0; k < features.length; k++) {
        const f = features[k]!;
        let d = this.pending.get(f);
        if (!d) this.pending.set(f, (d = new Float64Array(this.classes)));
        d[0]! += amount;
      }
    };
    queue(gold, weight);
    queue(rival, -weight);
  }

  /** Applies the queued updates of a mini-batch, averaged over its size and scaled by the step. */
  applyBatch(batchSize: number): void {
    this.clock++;
    const scale = this.step / batchSize;
    for (const [f, d] of this.pending) {
      this.ensure(f);
      const row = f * this.classes;
      for (let c = 0; c < this.classes; c++) {
        if (d[c] === 0) continue;
        const k = row + c;
        this.totals[k]! += (this.clock - this.stamps[k]!) * this.weights[k]!;
        this.stamps[k] = this.clock;
        this.weights[k]! += d[c]! * scale;
      }
    }
    this.pending.clear();
  }

  /** Averaged weights for features [0, count): what inference uses. */
  averaged(count: number): Float64Array {
    const out = new Float64Array(count * this.classes);
    const now = this.clock + 1;
    const n = Math.min(out.length, this.weights.length);
    for (let k = 0; k < n; k++) out[k] = (this.totals[k]! + (now - this.stamps[k]!) * this.weights[k]!) / now;
    return out;
  }
}

export function addRows(weights: Float64Array, classes: number, features: ArrayLike<number>, out: Float64Array): Float64Array {
  out.fill(0);
  for (let k = 0; k < features.length; k++) {
    const row = features[k]! * classes;
    if (row + classes > weights.length) continue;
    for (let c = 0; c < classes; c++) out[c]! += weights[row + c]!;
  }
  return out;
}

export function argmax(scores: ArrayLike<number>): number {
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[best]!) best = c;
  return best;
}

/** Softmax of scores, in place into `out`. */
export function softmax(scores: ArrayLike<number>, out: Float64Array): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) if (scores[c]! > max) max = scores[c]!;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) sum += out[c] = Math.exp(scores[c]! - max);
  for (let c = 0; c < scores.length; c++) out[c]! /= sum;
  return out;
}

/** Softmax cross-entropy of the gold class: the "loss" the metrics events report. */
export function crossEntropy(scores: ArrayLike<number>, gold: number): number {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) if (scores[c]! > max) max = scores[c]!;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) sum += Math.exp(scores[c]! - max);
  return Math.log(sum) - (scores[gold]! - max);
}

/** A trained linear model in a compact, JSON-friendly form: kept feature names and their rows. */
export interface LinearModel {
  classes: number;
  features: string[];
  weights: number[];
}

export function packModel(space: FeatureSpace, weights: Float64Array, classes: number): LinearModel {
  const features: string[] = [];
  const packed: number[] = [];
  for (let f = 0; f < space.size; f++) {
    let keep = false;
    for (let c = 0; c < classes; c++) if (Math.abs(weights[f * classes + c]!) > 1e-4) keep = true;
    if (!keep) continue;
    features.push(space.names[f]!);
    for (let c = 0; c < classes; c++) packed.push(Math.round(weights[f * classes + c]! * 1e4) / 1e4);
  }
  return { classes, features, weights: packed };
}

/** The inference side of a LinearModel. */
export class LinearScorer {
  private readonly space = new FeatureSpace();
  private readonly weights: Float64Array;
  readonly classes: number;

  constructor(model: LinearModel) {
    this.classes = model.classes;
    for (const f of model.features) this.space.id(f, true);
    this.weights = Float64Array.from(model.weights);
  }

  scores(features: readonly string[], out: Float64Array = new Float64Array(this.classes)): Float64Array {
    // addRows without the id array: this runs for every token and candidate span of every request.
    out.fill(0);
    const { classes, weights } = this;
    for (const name of features) {
      const id = this.space.id(name, false);
      if (id < 0) continue;
      const row = id * classes;
      for (let c = 0; c < classes; c++) out[c]! += weights[row + c]!;
    }
    return out;
  }
}
