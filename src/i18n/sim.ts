/** UI strings of simulation mode (issue 4), merged into the i18next catalogues. Owned by the simulation-mode work. */
export const simStrings: { en: Record<string, string>; ko: Record<string, string> } = { en: {}, ko: {} };
