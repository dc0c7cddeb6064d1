// The SDK's Node version reminder, switched off before any client is made (clients.ts, credentials.ts).

/**
 * The SDK warns on Node < 22 that SDK versions published after January 2027 will need Node 22: eight
 * lines on every run that no podid user can act on (the SDK version is fixed in the bundle, and the
 * README says which Node versions podid supports). This is the SDK's documented switch, read when a
 * client is constructed; a user who sets it to anything else keeps the warning.
 */
export function quietSdkNodeReminder(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}
