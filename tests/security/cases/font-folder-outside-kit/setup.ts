/** A font folder named in fonts: lies outside the kit (its files and licence would be read and shipped). */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  const font = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../../node_modules/@expo-google-fonts/noto-sans-mono/400Regular/NotoSansMono_400Regular.ttf');
  mkdirSync(path.join(ctx.outside, 'fonts'));
  copyFileSync(font, path.join(ctx.outside, 'fonts/Mono-Regular.ttf'));
  const config = path.join(ctx.kit, 'sources/seminar.yaml');
  writeFileSync(config, `${readFileSync(config, 'utf8').trimEnd()}\nfonts:\n  mono: ../outside/fonts\n`);
}
