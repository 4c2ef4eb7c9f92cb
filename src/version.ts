// Kept in step with package.json by a test; read from here so start-up reads no extra file.
export const VERSION = '0.1.0';

/** The version of the document templates: a later create-coop compares it to offer an upgrade. */
export const TEMPLATE_VERSION = 1;
