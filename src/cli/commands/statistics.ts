/**
 * Statistical commands that work on a single CSV rather than a folder of workforce files: `mirror spc` (Making
 * Data Count charts) and `mirror funnel` (funnel plots). Each lives in its own module and registers itself here.
 */
import type { Command } from 'commander';
import type { Io } from '../output.ts';
import { registerFunnelCommand } from './funnel.ts';
import { registerSpcCommand } from './spc.ts';

export type Registrar = (program: Command, io: Io, setExitCode: (code: number) => void) => void;

/** Registers every statistics command; each module adds its own line. */
export function registerStatisticsCommands(program: Command, io: Io, setExitCode: (code: number) => void): void {
  for (const register of REGISTRARS) register(program, io, setExitCode);
}

const REGISTRARS: Registrar[] = [registerFunnelCommand, registerSpcCommand];
