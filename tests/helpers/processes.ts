import { spawn, type SpawnOptions } from 'node:child_process';

/** How a child process ended, with everything it printed. */
export interface ProcessRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end, collecting its output (as a user would run it from a shell). */
export function runProcess(command: string, args: readonly string[], options: SpawnOptions): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
