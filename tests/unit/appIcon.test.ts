/**
 * The app has an icon: a 512×512 PNG (and its SVG source) in resources/, given to the window,
 * named by the packaging configuration, and shown as the page's favicon.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const read = (f: string) => readFileSync(join(root, f));

describe('the app icon', () => {
  it('is a 512×512 PNG in resources/, with its SVG source', () => {
    const png = read('resources/icon.png');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(read('resources/icon.svg').toString()).toMatch(/^<svg /);
  });

  it('is given to the window, from resources/', () => {
    expect(read('src/main/shell/window.ts').toString()).toMatch(/icon: options\.iconPath/);
    expect(read('src/main/index.ts').toString()).toMatch(
      /iconPath: join\(app\.getAppPath\(\), 'resources', 'icon\.png'\)/,
    );
  });

  it('is named by the packaging configuration and the page', () => {
    const pkg = JSON.parse(read('package.json').toString()) as { build?: { icon?: string; productName?: string } };
    expect(pkg.build?.icon).toBe('resources/icon.png');
    expect(pkg.build?.productName).toBe('Citizen Audit');
    expect(existsSync(join(root, pkg.build!.icon!))).toBe(true);
    expect(read('src/renderer/index.html').toString()).toContain(
      '<link rel="icon" type="image/svg+xml" href="./icon.svg" />',
    );
    expect(read('src/renderer/public/icon.svg')).toEqual(read('resources/icon.svg'));
  });
});
