import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.1 A and AA, as axe-core tags its rules. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core over the page as it is now and fails on any serious or critical violation; prints
 * one line per page into the test output, so the stories' output shows what was checked.
 */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const care = await page.evaluate(() => document.documentElement.classList.contains('care'));
  const lesser = results.violations.length - bad.length;
  console.log(
    `axe ${label}${care ? ' [elderly mode]' : ''} ${new URL(page.url()).pathname}: ${bad.length} serious/critical, ${lesser} lesser violations, ${results.passes.length} rules passed`,
  );
  expect(
    bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    ),
    `${label}: serious or critical accessibility violations`,
  ).toEqual([]);
}
