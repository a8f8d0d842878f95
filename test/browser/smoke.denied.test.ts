// Runs only in the "camera-denied" group (Firefox with permissions.default.camera=2, Chromium
// without the fake prompt UI; see web-test-runner.config.mjs): proves that group really denies
// the camera, with no help from the code under test.
import { expect } from '@esm-bundle/chai';

describe('smoke: camera permission denied', () => {
  it('getUserMedia({video}) rejects with a real NotAllowedError', async () => {
    let error: unknown;
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true });
      for (const track of stream.getTracks()) track.stop();
    } catch (e) {
      error = e;
    }
    expect(error, 'getUserMedia resolved although the camera is denied').to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('NotAllowedError');
  });
});
