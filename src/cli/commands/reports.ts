/**
 * `mirror reports delete-expired`: deletes every closed report of racism or discrimination past its organisation's
 * retention period (issue 12), with its messages and notes, and says how many. The server does the same at start
 * and once a day; this is for an operator who wants it done now, or from a scheduler.
 */
import type { Command } from 'commander';
import { EXIT_OK, type Io } from '../output.ts';

export function registerReportsCommand(program: Command, io: Io, setExitCode: (code: number) => void): void {
  program
    .command('reports')
    .description('Reports of racism and discrimination.')
    .command('delete-expired')
    .description('Delete closed reports past their organisation\'s retention period (the server also does this daily).')
    .action(async () => {
      const { deleteExpiredCases } = await import('../../features/reporting/case-service.ts');
      const { createStore, storeConfigFromEnv } = await import('../../store/create-store.ts');
      const store = createStore(storeConfigFromEnv(process.env));
      try {
        await store.migrate();
        const deleted = await deleteExpiredCases(store, new Date());
        io.out(`Deleted ${deleted} closed report${deleted === 1 ? '' : 's'} past the retention period.\n`);
        setExitCode(EXIT_OK);
      } finally {
        await store.close();
      }
    });
}
