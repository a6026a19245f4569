/**
 * A chart thread (off-thread.ts): draws the chart it is asked for with the same function the page's thread would use.
 */
import { type ChartName, drawChart } from './drawings.ts';

export interface ChartTask {
  readonly name: ChartName;
  readonly args: readonly unknown[];
}

export default function draw(task: ChartTask): string {
  return drawChart(task.name, task.args);
}
