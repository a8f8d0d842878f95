/**
 * faceid-preflight/react — `<FaceidPreflight>` for React 17–19, via @lit/react: properties set as
 * properties (so `urlProvider`, `strings` and `navigate` work), events as `on…` props.
 *
 *   <FaceidPreflight tokenEndpoint="/api/faceid-url" onHandoff={(e) => track(e.detail.url)} />
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { FaceidPreflight as FaceidPreflightElement } from '../faceid-preflight.js';
import type {
  CameraErrorEventDetail,
  CameraReadyEventDetail,
  ErrorEventDetail,
  HandoffEventDetail,
  PredictionEventDetail,
} from '../element/events.js';

export const FaceidPreflight = createComponent({
  tagName: 'faceid-preflight',
  elementClass: FaceidPreflightElement,
  react: React,
  events: {
    onPrediction: 'faceid-prediction' as EventName<CustomEvent<PredictionEventDetail>>,
    onCameraReady: 'faceid-camera-ready' as EventName<CustomEvent<CameraReadyEventDetail>>,
    onCameraError: 'faceid-camera-error' as EventName<CustomEvent<CameraErrorEventDetail>>,
    onHandoff: 'faceid-handoff' as EventName<CustomEvent<HandoffEventDetail>>,
    onError: 'faceid-error' as EventName<CustomEvent<ErrorEventDetail>>,
  },
  displayName: 'FaceidPreflight',
});
