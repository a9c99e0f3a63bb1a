/** An organiser's logo is a text file named .png. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  writeFileSync(path.join(ctx.kit, 'assets/logos/iom.png'), '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>\n');
}
