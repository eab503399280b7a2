/** Build-time constant (wxt.config.ts): true in `npm run build:test`, where loopback pages count as news sites. */
declare const __BACKSTORY_LOOPBACK__: boolean;
