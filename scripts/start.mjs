// `npm start`: build, then open the studio in Electron when its binary is installed; otherwise
// start the web host (same engine, same protocol) and open a browser on it. Says which mode ran.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from './electronBinary.mjs';

const passThrough = process.argv.slice(2);

const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const electron = electronBinary();
const child = electron
  ? spawn(electron, ['.', ...passThrough], { stdio: 'inherit' })
  : spawn(process.execPath, ['dist/electron/webhost.cjs', '--open', ...passThrough], { stdio: 'inherit' });
console.log(
  electron
    ? 'RecForge mode: electron (desktop window)'
    : 'RecForge mode: web (no Electron binary installed; serving the studio to your browser)',
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
