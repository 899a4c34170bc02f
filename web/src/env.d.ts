/// <reference types="vite/client" />
/** The server's record types mention Node's Buffer (raw bytes never sent to the browser). */
declare type Buffer = Uint8Array;
