/**
 * Runs every command but `mirror demo` (cli-outputs.ts) in a process of its own, beside the web application in the
 * process that started it, and writes what they printed as JSON. Started by collect.ts:
 *
 *   node --import tsx test/golden/cli-phase.ts <root folder> <output.json>
 */
import { writeFileSync } from 'node:fs';
import { CliRecorder, cliOutputs } from './cli-outputs.ts';
import { makeRoot, type Outputs } from './fixture.ts';

const [rootDir, outputFile] = process.argv.slice(2);
if (!rootDir || !outputFile) throw new Error('usage: node --import tsx test/golden/cli-phase.ts <root folder> <output.json>');
const root = makeRoot(rootDir);
const outputs: Outputs = new Map();
const cli = new CliRecorder(root, outputs);
await cliOutputs(cli, root, outputs);
cli.finish('commands.txt');
writeFileSync(outputFile, JSON.stringify([...outputs]));
