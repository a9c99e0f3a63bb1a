/** An organiser's logo given as a URL. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  const config = path.join(ctx.kit, 'sources/seminar.yaml');
  const text = readFileSync(config, 'utf8');
  const next = text.replace('logo: assets/logos/osce.png', 'logo: "http://169.254.169.254/latest/meta-data/logo.png"');
  if (next === text) throw new Error('setup: the sample has no OSCE logo line');
  writeFileSync(config, next);
}
