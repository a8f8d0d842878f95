// The same engine in real browsers: the fixtures give the same answers as in Node, and this
// engine's own user agent is read the way the table expects (a Linux desktop here).
import { expect } from '@esm-bundle/chai';
import { predictFromUserAgent } from '../../src/core/index.js';

interface Fixture {
  ua: string;
  accept: string[];
}

describe('predictFromUserAgent in the browser', () => {
  it('gives every shared fixture a mode its entry accepts', async () => {
    const fixtures: Fixture[] = await (await fetch(new URL('../fixtures/user-agents.json', import.meta.url))).json();
    expect(fixtures.length).to.be.greaterThan(100);
    const wrong = fixtures
      .map((f) => ({ ua: f.ua, accept: f.accept, got: predictFromUserAgent(f.ua).mode }))
      .filter((r) => !r.accept.includes(r.got));
    expect(wrong, JSON.stringify(wrong, null, 1)).to.deep.equal([]);
  });

  it("reads this engine's own user agent as a Linux desktop: undetermined, decided by fact/desktop", () => {
    const p = predictFromUserAgent(navigator.userAgent, { maxTouchPoints: navigator.maxTouchPoints });
    expect(p.environment.os, navigator.userAgent).to.equal('Linux');
    expect(p.environment.device).to.equal('desktop');
    expect(p.rule).to.equal('fact/desktop');
    expect(p.mode).to.equal('undetermined');
  });
});
