import { checkClientAddressSettings } from './pin-client-address';

/**
 * Reads the settings the server needs before it takes a request; a bad one (an unreadable
 * TRUSTED_PROXIES) stops the process with its reason rather than failing requests later.
 */
export function checkSettingsOrExit(): void {
  try {
    checkClientAddressSettings();
  } catch (error) {
    console.error(`[yishi] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
