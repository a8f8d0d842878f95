// Runs only where the camera is really denied (Firefox with permissions.default.camera=2, see
// web-test-runner.config.mjs): a real NotAllowedError, mapped to the documented camera-denied.
import { expect } from '@esm-bundle/chai';
import { CameraCheck } from '../../src/camera/camera-check.js';

describe('camera check with the camera permission denied', () => {
  it('maps the real NotAllowedError to camera-denied', async () => {
    const result = await new CameraCheck().start();
    expect(result).to.include({ status: 'error', code: 'camera-denied', name: 'NotAllowedError' });
  });
});
