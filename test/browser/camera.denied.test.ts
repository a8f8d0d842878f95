// Runs only in the camera-denied group (see web-test-runner.config.mjs), where the camera is really
// refused: Firefox with permissions.default.camera=2; Chromium after this site's camera permission
// is blocked (as a user who tapped Block, or revoked it in site settings, leaves it).
// A real NotAllowedError in both, mapped to the documented camera-denied.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { CameraCheck } from '../../src/camera/camera-check.js';
import { engine } from './engine.js';

describe(`camera check with the camera permission denied (${engine})`, () => {
  before(async () => {
    if (engine === 'chromium') await executeServerCommand('deny-camera');
  });

  it('maps the real NotAllowedError to camera-denied', async () => {
    const result = await new CameraCheck().start();
    expect(result).to.include({ status: 'error', code: 'camera-denied', name: 'NotAllowedError' });
  });
});
