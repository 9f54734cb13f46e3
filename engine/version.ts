/** The engine's version; saved runs record it so a changed model is detected on reopening. */
export const ENGINE_VERSION = '2.0.0';
