/**
 * Text that came from outside (a note, a name from a source system, a citizen's explanation) may
 * carry characters that change how other text is shown: bidirectional overrides and isolates
 * (U+202E turns "gnp.exe" around), terminal escape sequences, other control characters. Shown or
 * printed, they are dropped; line breaks and tabs stay. Stored data is left as it was received.
 */
// ESC followed by a CSI/OSC sequence or one more character, then the bidi controls and the other
// C0/C1 controls apart from tab and line breaks.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const escapes = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|.)?/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const invisibles = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function neutralizeText(text: string): string {
  return text.replace(escapes, '').replace(invisibles, '');
}

/** The same for every string in a value read from the backend (objects and arrays walked). */
export function neutralizeDeep<T>(value: T): T {
  if (typeof value === 'string') return neutralizeText(value) as T;
  if (Array.isArray(value)) return value.map(neutralizeDeep) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = neutralizeDeep(inner);
    return out as T;
  }
  return value;
}
