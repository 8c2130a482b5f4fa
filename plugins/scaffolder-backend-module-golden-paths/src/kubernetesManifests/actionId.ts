/** The action's id, also named in the files it writes and its errors. */
export const ACTION_ID = 'golden-paths:kubernetes:manifests';
