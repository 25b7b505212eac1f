// Colours, or none: NO_COLOR (https://no-color.org) turns every colour off. Selection and emphasis
// then rely on inverse video, bold and a `>` marker, which stay readable on any terminal.

import { createContext, useContext } from 'react';
import type { RowStatus } from './rows.js';

export type Tone = 'accent' | 'muted' | 'good' | 'warn' | 'bad' | 'info';

const TONES: Record<Tone, string> = { accent: 'cyan', muted: 'gray', good: 'green', warn: 'yellow', bad: 'red', info: 'blue' };

export interface Theme {
  /** The Ink colour for a tone, undefined when colours are off. */
  color(tone: Tone): string | undefined;
}

export function makeTheme(colors: boolean): Theme {
  return { color: (tone) => (colors ? TONES[tone] : undefined) };
}

/** True unless NO_COLOR is set to a non-empty value. */
export function colorsWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env['NO_COLOR'];
}

export const STATUS_TONES: Record<RowStatus, Tone> = { clean: 'good', 'in-progress': 'warn', 'not-started': 'bad', error: 'bad' };

export const ThemeContext = createContext<Theme>(makeTheme(false));
export const useTheme = (): Theme => useContext(ThemeContext);
