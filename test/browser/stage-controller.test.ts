// The element's second stage loader (src/element/stage-controller.ts): a load that never settles
// ends in null after its time, one that answers late is still used, one that fails is tried again,
// and what is built from the stage is built once. (Time is sinon's: nothing here stalls an import
// for 15 s on demand.)
import { expect } from '@esm-bundle/chai';
import sinon from 'sinon';
import { StageController, type Stage } from '../../src/element/stage-controller.js';

class Host {
  updates = 0;
  requestUpdate(): void {
    this.updates++;
  }
}
const host = () => new Host();
const fakeStage = {} as Stage;

describe('StageController', () => {
  afterEach(() => sinon.restore());

  it('a load that never settles resolves null after 15 s; its late answer is still used, built once', async () => {
    const clock = sinon.useFakeTimers();
    let arrive!: (s: Stage) => void;
    const h = host();
    const build = sinon.spy(() => ({ built: true }));
    const stage = new StageController(h as never, () => new Promise<Stage>((r) => (arrive = r)), build);
    const first = stage.load();
    await clock.tickAsync(14_999);
    let settled = false;
    void first.then(() => (settled = true));
    await clock.tickAsync(0);
    expect(settled, 'not before 15 s').to.equal(false);
    await clock.tickAsync(1);
    expect(await first).to.equal(null);
    expect(stage.value).to.equal(null);
    arrive(fakeStage);
    await clock.tickAsync(0);
    expect(stage.value).to.deep.equal({ built: true });
    expect(h.updates, 'the host re-renders when it arrives').to.equal(1);
    expect(await stage.load()).to.equal(stage.value);
    expect(build.callCount).to.equal(1);
  });

  it('a failed load resolves null (never throws) and the next load() tries again', async () => {
    let calls = 0;
    const stage = new StageController(
      host() as never,
      () => (++calls === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(fakeStage)),
      () => 'built',
    );
    expect(await stage.load()).to.equal(null);
    expect(await stage.load()).to.equal('built');
    expect(calls).to.equal(2);
  });

  it('an importer that throws synchronously is a failed load, not an exception', async () => {
    const stage = new StageController(
      host() as never,
      () => {
        throw new Error('no import()');
      },
      () => 'built',
    );
    expect(await stage.load()).to.equal(null);
  });

  it('concurrent loads share one import', async () => {
    const importer = sinon.spy(() => Promise.resolve(fakeStage));
    const stage = new StageController(host() as never, importer, () => 'built');
    const [a, b] = await Promise.all([stage.load(), stage.load()]);
    expect([a, b]).to.deep.equal(['built', 'built']);
    expect(importer.callCount).to.equal(1);
  });
});
