/** Returned "forms" that are symbolic links to files outside the forms folder (a canary, /etc/passwd, a relative ../ link): collect would read them and could copy their content into participants.yaml; each is refused as a link leading out of the folder. */
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  mkdirSync(ctx.inbox, { recursive: true });
  symlinkSync(path.join(ctx.outside, 'secret.txt'), path.join(ctx.inbox, 'secret.pdf'));
  symlinkSync('../outside/secret.txt', path.join(ctx.inbox, 'relative.pdf'));
  symlinkSync('/etc/passwd', path.join(ctx.inbox, 'passwd.pdf'));
}
