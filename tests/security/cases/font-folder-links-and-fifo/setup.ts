/** A font folder in the kit whose licence is a symbolic link to a file outside, with a face linked from outside and a named pipe named like a face: none is read, nothing hangs. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  const font = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../../node_modules/@expo-google-fonts/noto-sans-mono/400Regular/NotoSansMono_400Regular.ttf');
  const dir = path.join(ctx.kit, 'fonts');
  mkdirSync(dir);
  copyFileSync(font, path.join(dir, 'Mono-Regular.ttf'));
  symlinkSync(path.join(ctx.outside, 'secret.txt'), path.join(dir, 'OFL.txt'));
  symlinkSync(font, path.join(dir, 'Mono-Bold.ttf'));
  if (spawnSync('mkfifo', [path.join(dir, 'Mono-Italic.ttf')]).status !== 0) throw new Error('mkfifo is needed for this case');
  const config = path.join(ctx.kit, 'sources/seminar.yaml');
  writeFileSync(config, `${readFileSync(config, 'utf8').trimEnd()}\nfonts:\n  mono: ./fonts\n`);
}
