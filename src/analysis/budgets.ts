import type { Budget, Delta, Image } from '../core/report.js';
import type { Increase } from '../core/size.js';
import { nonEmptyLayerCount } from './compare.js';

export interface BudgetLimits {
  maxSize?: number;
  maxIncrease?: Increase;
  maxWasted?: number;
  minEfficiency?: number;
  maxLayers?: number;
}

export interface BudgetResult {
  budgets: Budget[];
  /** Budgets that were set but could not be judged, and why (no base, no file analysis). */
  unchecked: string[];
}

/** Judges the head image against the limits that were set. A budget that cannot be judged is not a failure. */
export function checkBudgets(head: Image, delta: Delta | null, limits: BudgetLimits): BudgetResult {
  const budgets: Budget[] = [];
  const unchecked: string[] = [];
  const atMost = (name: string, limit: number, actual: number, unit: Budget['unit'] = 'bytes') =>
    budgets.push({ name, limit, actual, passed: actual <= limit, unit });

  if (limits.maxSize !== undefined) atMost('max-size', limits.maxSize, head.size);
  if (limits.maxIncrease !== undefined) {
    const inc = limits.maxIncrease;
    if (!delta) unchecked.push('max-increase: there is no base image to compare with');
    else if ('bytes' in inc) atMost('max-increase', inc.bytes, delta.size);
    else if (delta.percent === null)
      unchecked.push('max-increase: the base image is empty, so a percentage means nothing');
    else atMost('max-increase', inc.percent, delta.percent, 'percent');
  }
  if (limits.maxWasted !== undefined) {
    if (head.files) atMost('max-wasted', limits.maxWasted, head.files.wastedBytes);
    else unchecked.push('max-wasted: files were not analyzed (--no-files)');
  }
  if (limits.minEfficiency !== undefined) {
    if (head.files) {
      const actual = head.files.efficiency;
      budgets.push({
        name: 'min-efficiency',
        limit: limits.minEfficiency,
        actual,
        passed: actual >= limits.minEfficiency,
        unit: 'ratio',
      });
    } else unchecked.push('min-efficiency: files were not analyzed (--no-files)');
  }
  if (limits.maxLayers !== undefined)
    atMost('max-layers', limits.maxLayers, nonEmptyLayerCount(head), 'layers');
  return { budgets, unchecked };
}
