// `cem analyze` reads this file. The element's states are data (src/element/states.ts, their
// summaries in src/element/state-docs.ts): their slots are written into custom-elements.json from
// those records, after `tsc` built them, so the class JSDoc does not restate them.
import { fileURLToPath } from 'node:url';

const { viewStates } = await import(fileURLToPath(new URL('./dist/element/states.js', import.meta.url)));
const { stateSummaries } = await import(fileURLToPath(new URL('./dist/element/state-docs.js', import.meta.url)));

/** Adds `state-<name>` slots, one per state record, to <faceid-preflight>'s declaration. */
function stateSlotsPlugin() {
  return {
    name: 'faceid-state-slots',
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of customElementsManifest.modules.flatMap((m) => m.declarations ?? [])) {
        if (declaration.tagName !== 'faceid-preflight') continue;
        const slots = (declaration.slots ?? []).filter((slot) => !slot.name.startsWith('state-'));
        const at = slots.findIndex((slot) => slot.name === 'actions');
        const stateSlots = viewStates.map((state) => ({
          name: `state-${state}`,
          description: `Replaces the message: ${stateSummaries[state]}`,
        }));
        slots.splice(at < 0 ? slots.length : at, 0, ...stateSlots);
        declaration.slots = slots;
      }
    },
  };
}

export default { plugins: [stateSlotsPlugin()] };
