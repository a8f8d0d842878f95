// Smoke test: proves each engine really runs the browser suite, with the same module setup the
// component uses (ua-parser-js through the CommonJS plugin) and a working fake camera.
import { expect } from '@esm-bundle/chai';
// ua-parser-js 1.x is CommonJS: in the browser only its default import works.
import UAParser from 'ua-parser-js';

describe('smoke: this engine runs the browser tests', () => {
  it('parses its own user agent with ua-parser-js (default import)', () => {
    const result = new UAParser(navigator.userAgent).getResult();
    console.log(`[smoke] ${navigator.userAgent} -> browser ${result.browser.name} ${result.browser.version}, engine ${result.engine.name}`);
    expect(result.browser.name).to.be.a('string').that.is.not.empty;
    expect(result.engine.name).to.be.a('string').that.is.not.empty;
  });

  it('gets a live video track from getUserMedia, and stop() ends it', async () => {
    expect(window.isSecureContext, 'tests must be served from a secure context (127.0.0.1)').to.equal(true);
    const stream = await navigator.mediaDevices.getUserMedia({ video: true });
    const tracks = stream.getVideoTracks();
    try {
      expect(tracks).to.have.length.greaterThan(0);
      for (const track of tracks) {
        expect(track.kind).to.equal('video');
        expect(track.readyState).to.equal('live');
      }
    } finally {
      for (const track of stream.getTracks()) track.stop();
    }
    for (const track of tracks) expect(track.readyState).to.equal('ended');
  });
});
