// This checkout: its root folder and package.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
