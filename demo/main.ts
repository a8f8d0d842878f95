/**
 * The demo page (`npm start`): four sections, each a small Lit element under sections/, sharing
 * the profile and this device's findings through state.ts.
 */
import { isProfileId } from '../src/core/index.js';
import { demoState } from './state.js';
import './sections/shared-report.js';
import './sections/this-device.js';
import './sections/coverage.js';
import './sections/simulator.js';
import './sections/report.js';

const profileSelect = document.getElementById('profile') as HTMLSelectElement;
const readProfile = () => {
  if (isProfileId(profileSelect.value)) demoState.update({ profile: profileSelect.value });
};
profileSelect.addEventListener('change', readProfile);
readProfile(); // a reload may have restored the select's last choice
