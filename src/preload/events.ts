/**
 * The main-process events the page may subscribe to through the bridge's `on`. Pure (no
 * `electron` import): the preload checks against it and main sends only these names.
 */
export const BRIDGE_EVENTS = ['app.menuCommand'] as const;
export type BridgeEvent = (typeof BRIDGE_EVENTS)[number];

export const isBridgeEvent = (name: unknown): name is BridgeEvent =>
  typeof name === 'string' && (BRIDGE_EVENTS as readonly string[]).includes(name);
