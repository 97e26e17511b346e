import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

/**
 * Stored text is only ever rendered by React, which escapes it. No component may bypass that, so
 * nothing a person typed can become markup (the e2e headers spec shows it in the browser).
 */
it('no component renders raw HTML', () => {
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (
        /\.(tsx?|jsx?)$/.test(e.name) &&
        /dangerouslySetInnerHTML|innerHTML\s*=/.test(fs.readFileSync(p, 'utf8'))
      ) {
        offenders.push(p);
      }
    }
  };
  walk(path.join(__dirname, '..', 'app'));
  expect(offenders).toEqual([]);
});
